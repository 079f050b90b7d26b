from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.models import LibraryPage
        from courses.page_context import page_context_register

        from . import signal_handlers  # noqa: F401
        from .selectors import library_page_context

        page_context_register(LibraryPage, library_page_context)
