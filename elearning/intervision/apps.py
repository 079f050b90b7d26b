from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntervisionConfig(AppConfig):
    name = "elearning.intervision"
    label = "intervision"
    verbose_name = _("Intervision")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401
