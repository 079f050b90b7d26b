from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme, Trainer


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    icon = "user"
    menu_label = _("Trainers")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["name", "organisation"]
    search_fields = ["name", "organisation"]


register_snippet(ThemeViewSet)
register_snippet(TrainerViewSet)
