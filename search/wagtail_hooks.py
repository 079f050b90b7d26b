from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import REPORT_PERMISSION, SearchQueryReportView


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
