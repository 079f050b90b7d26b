from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import any_permission_required
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.search_promotions import views as promotion_views

from .models import SynonymGroup
from .reports import REPORT_PERMISSION, SearchQueryReportView

# Who adds or changes promoted results picks the query in Wagtail's query chooser.
PROMOTION_PERMISSIONS = (
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/searches/", SearchQueryReportView.as_view(), name="site_search_report"),
        path(
            "reports/searches/results/",
            SearchQueryReportView.as_view(results_only=True),
            name="site_search_report_results",
        ),
    ]


@hooks.register("register_admin_urls", order=-1)
def register_query_chooser_guard_urls():
    """Wagtail's chooser of search queries (for a promoted result) lists the most searched words
    to every admin user; what visitors search for is for who curates the search (our report
    keeps it for them too). In front of Wagtail's addresses (order=-1: the admin tries URL hooks
    in order)."""
    curators_only = any_permission_required(*PROMOTION_PERMISSIONS)
    return [
        path(
            "searchpicks/queries/chooser/",
            curators_only(promotion_views.chooser),
            name="search_promotion_query_chooser",
        ),
        path(
            "searchpicks/queries/chooser/results/",
            curators_only(promotion_views.chooserresults),
            name="search_promotion_query_chooser_results",
        ),
    ]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return SearchReportMenuItem(
        _("What visitors search for"),
        reverse("site_search_report"),
        name="site-search-report",
        icon_name="search",
        order=1310,
    )


class SynonymGroupViewSet(ModelViewSet):
    """Settings > Search synonyms, beside Wagtail's promoted search results: for who holds the
    model's permissions (Moderators, elearning/accounts/roles.py, and administrators)."""

    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    menu_order = 910  # just after "Promoted search results" (900)
    panels = [
        FieldPanel("language"),
        FieldPanel("terms", widget=forms.Textarea(attrs={"rows": 3})),
    ]
    list_display = ["terms", "language", "updated_at"]
    list_filter = ["language"]
    search_fields = ["terms"]
    ordering = ["language", "terms"]
    # A copy would repeat terms that are already in a group, which the form refuses.
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_synonym_viewset():
    return SynonymGroupViewSet("search_synonyms")
