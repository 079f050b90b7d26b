from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntervisionConfig(AppConfig):
    name = "elearning.intervision"
    label = "intervision"
    verbose_name = _("Intervision")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.models import CoursePage, WebinarPage
        from courses.page_context import page_context_register
        from elearning.accounts.personal_data import personal_data_section_register

        from . import signal_handlers  # noqa: F401
        from .selectors import (
            course_page_context,
            handovers_export,
            signups_export,
            webinar_page_context,
        )
        from .services import signups_release

        personal_data_section_register("intervision", export=signups_export, erase=signups_release)
        personal_data_section_register("intervision_place_offers", export=handovers_export)
        page_context_register(CoursePage, course_page_context)
        page_context_register(WebinarPage, webinar_page_context)
