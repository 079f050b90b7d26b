from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "elearning.core"
    label = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import request_finished
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from . import checks, signal_handlers  # noqa: F401
        from .converters import DatabaseIdConverter
        from .logs import request_context_clear
        from .sites import site_address_on_migrate

        # Before any URLconf is imported (they load lazily, on the first request or reverse).
        register_converter(DatabaseIdConverter, "id")
        # After every `migrate` the default Wagtail site has SITE_URL's host and port.
        post_migrate.connect(site_address_on_migrate, sender=self, dispatch_uid="site-address")
        # The request id stays bound until Django has logged the answer (django.request's 404s).
        request_finished.connect(request_context_clear, dispatch_uid="request-log-context")
