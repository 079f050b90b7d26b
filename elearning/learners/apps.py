from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnersConfig(AppConfig):
    name = "elearning.learners"
    label = "learners"
    verbose_name = _("Learning progress")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.models import ModulePage
        from courses.page_context import page_context_register
        from elearning.accounts.personal_data import personal_data_section_register

        from . import signal_handlers  # noqa: F401
        from .selectors import (
            learning_record_export,
            module_page_reflections,
            reflection_notes_export,
        )
        from .services import progress_anonymise
        from .services.reflections import reflection_notes_erase

        personal_data_section_register(
            "learning", export=learning_record_export, erase=progress_anonymise
        )
        personal_data_section_register(
            "reflection_notes", export=reflection_notes_export, erase=reflection_notes_erase
        )
        page_context_register(ModulePage, module_page_reflections)
