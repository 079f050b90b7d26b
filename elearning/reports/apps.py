from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "elearning.reports"
    label = "reports"
    verbose_name = _("Reports and evaluations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from elearning.accounts.personal_data import personal_data_section_register

        from . import signal_handlers  # noqa: F401
        from .selectors import evaluations_export
        from .services import evaluations_anonymise

        personal_data_section_register(
            "evaluations", export=evaluations_export, erase=evaluations_anonymise
        )
