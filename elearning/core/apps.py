from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "elearning.core"
    label = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import register_converter

        from . import signal_handlers  # noqa: F401
        from .converters import DatabaseIdConverter

        # Before any URLconf is imported (they load lazily, on the first request or reverse).
        register_converter(DatabaseIdConverter, "id")
