"""The site chrome in the admin: the help lines, under Settings beside the footer pages.

Only who holds the model permissions on help lines may list or change them (Wagtail's snippet
permissions): no role gets them (elearning/accounts/roles.py), so administrators alone keep
the numbers every page shows.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HelpLine


class HelpLineViewSet(SnippetViewSet):
    model = HelpLine
    icon = "help"
    menu_label = _("Help lines")
    add_to_settings_menu = True
    list_display = ["number", "name", "locale", "sort_order"]
    ordering = ["locale", "sort_order"]

    def register_chooser_viewset(self):
        """No chooser: no form picks a help line, and Wagtail opens a snippet's chooser to
        every admin user, whatever their permissions on the model."""


register_snippet(HelpLineViewSet)
