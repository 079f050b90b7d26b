"""The admin report of what visitors search for: most searched first, or only the searches
that found nothing (what editors should write or promote next)."""

import datetime

from django_filters import BooleanFilter, ChoiceFilter

from django.db.models import IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import UnansweredQuery

PERIODS = {"7": _("Last 7 days"), "30": _("Last 30 days"), "365": _("Last year")}
DEFAULT_PERIOD = "30"
REPORT_PERMISSION = "wagtailsearchpromotions.change_searchpromotion"


def _hits_since(model, since):
    total = (
        model.objects.filter(query=OuterRef("pk"), date__gte=since)
        .values("query")
        .annotate(total=Sum("hits"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=IntegerField()), Value(0))


class SearchQueryFilterSet(WagtailFilterSet):
    period = ChoiceFilter(
        label=_("Period"), choices=list(PERIODS.items()), method="keep", empty_label=None
    )
    unanswered = BooleanFilter(label=_("Only searches without results"), method="only_unanswered")

    class Meta:
        model = Query
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # the period shapes the counts (SearchQueryReportView.get_base_queryset)

    def only_unanswered(self, queryset, name, value):
        return queryset.filter(unanswered_hits__gt=0) if value else queryset


class SearchQueryReportView(ReportView):
    page_title = _("What visitors search for")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    filterset_class = SearchQueryFilterSet
    default_ordering = "-searches"
    index_url_name = "site_search_report"
    index_results_url_name = "site_search_report_results"
    columns = [
        Column("query_string", label=_("Search words"), sort_key="query_string"),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        NumberColumn("unanswered_hits", label=_("Without results"), sort_key="unanswered_hits"),
    ]
    export_headings = {
        "query_string": _("Search words"),
        "searches": _("Searches"),
        "unanswered_hits": _("Without results"),
    }
    list_export = ["query_string", "searches", "unanswered_hits"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def get_base_queryset(self):
        period = self.request.GET.get("period", DEFAULT_PERIOD)
        days = int(period if period in PERIODS else DEFAULT_PERIOD)
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        return (
            Query.objects.annotate(
                searches=_hits_since(QueryDailyHits, since),
                unanswered_hits=_hits_since(UnansweredQuery, since),
            )
            .filter(searches__gt=0)
            .order_by("-searches", "query_string")
        )
