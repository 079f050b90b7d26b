"""The report screens in the Wagtail admin, and their downloads.

Each view first works out what the person may see (scope.py); a course or municipality outside
it, typed into the URL, is refused like any admin page the person may not open. A download is
the table as shown, built by the same code in the same request.
"""

from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import permission_denied

from elearning.core.models import Municipality
from elearning.core.spreadsheets import csv_response, xlsx_response

from ..scope import ReportScope, scope_for
from ..selectors import (
    DEFAULT_MONTHS,
    MONTH_CHOICES,
    ReportFigures,
    course_report,
    courses_in_scope,
    courses_overview,
    municipal_report,
)

REPORT_PERMISSIONS = (
    "reports.view_all_reports",
    "reports.view_course_reports",
    "reports.view_municipal_reports",
)


def may_see_reports(user):
    """Whether to offer the reports at all (what they then show is scope.py's business)."""
    return user.is_active and any(user.has_perm(p) for p in REPORT_PERMISSIONS)


def _number(params, name, errors, label):
    """A chosen id from the query string: None when absent; a note when it is not a number."""
    raw = params.get(name, "")
    if raw == "":
        return None
    if not raw.isdigit() or len(raw) > 18:
        errors.append(_("“%(label)s” was not understood and is ignored.") % {"label": label})
        return None
    return int(raw)


def _months(params, errors):
    raw = params.get("months", "")
    if raw == "":
        return DEFAULT_MONTHS
    if raw.isdigit() and int(raw) in MONTH_CHOICES:
        return int(raw)
    errors.append(_("“%(label)s” was not understood and is ignored.") % {"label": _("Period")})
    return DEFAULT_MONTHS


def _municipality_choices(scope):
    municipalities = Municipality.objects.order_by("name")
    if not scope.all_municipalities:
        municipalities = municipalities.filter(pk__in=scope.municipality_ids)
    return list(municipalities.values_list("pk", "name"))


class OutOfScope(Exception):
    """A course or municipality the person may not see, asked for in the URL."""


def _filters(request, scope, municipalities):
    errors = []
    municipality_id = _number(request.GET, "municipality", errors, _("Municipality"))
    if municipality_id is not None and municipality_id not in dict(municipalities):
        if not scope.all_municipalities:
            raise OutOfScope
        errors.append(
            _("“%(label)s” was not understood and is ignored.") % {"label": _("Municipality")}
        )
        municipality_id = None
    return municipality_id, _months(request.GET, errors), errors


def _export(request, tables, report_name, errors):
    """?export=csv|xlsx&table=<slug>: that table, as shown. A download that does not exist
    gives the page with a note."""
    kind, slug = request.GET.get("export"), request.GET.get("table")
    table = next((t for t in tables if t.slug == slug), None)
    if kind not in ("csv", "xlsx") or table is None:
        errors.append(_("This download does not exist; choose one below its table."))
        return None
    # No names or titles in the file name: downloads folders and mail show it.
    filename = f"{report_name}-{table.slug}-{timezone.localdate():%Y-%m-%d}.{kind}"
    if kind == "csv":
        return csv_response(table.export_rows(as_text=True), filename=filename)
    return xlsx_response(
        table.export_rows(as_text=False), filename=filename, sheet_title=table.title
    )


@dataclass
class ReportRequest:
    """What a report view was asked, checked against what the person may see."""

    scope: ReportScope
    municipalities: list  # [(id, name)] the person may choose
    municipality_id: int | None
    months: int
    errors: list  # notes on what was not understood

    def figures(self, courses):
        """Every count this person may see, with the privacy rule applied to all at once."""
        return ReportFigures(
            scope=self.scope,
            courses=courses,
            municipality_ids=[pk for pk, _name in self.municipalities],
        )


def _report_request(request):
    """The checked request, or None when the person may not open it (no report role, or a
    municipality outside their scope in the URL)."""
    if not may_see_reports(request.user):
        return None
    scope = scope_for(request.user)
    municipalities = _municipality_choices(scope)
    try:
        municipality_id, months, errors = _filters(request, scope, municipalities)
    except OutOfScope:
        return None
    return ReportRequest(scope, municipalities, municipality_id, months, errors)


def _answer(request, asked, tables, report_name, template, **context):
    """The download asked for, or the page."""
    if "export" in request.GET:
        download = _export(request, tables, report_name, asked.errors)
        if download:
            return download
    context.update(
        {
            "scope": asked.scope,
            "tables": tables,
            "municipalities": asked.municipalities,
            "municipality_id": asked.municipality_id,
            "months": asked.months,
            "month_choices": MONTH_CHOICES,
            "filter_errors": asked.errors,
        }
    )
    return TemplateResponse(request, template, context)


@never_cache
def learning_report(request):
    """Courses: an overview, or one course in depth (funnel, modules, months, evaluations)."""
    asked = _report_request(request)
    if asked is None:
        return permission_denied(request)
    choices = courses_in_scope(scope=asked.scope, language=translation.get_language())
    course_id = _number(request.GET, "course", asked.errors, _("Course"))
    if course_id is not None and course_id not in choices.key_of_page:
        return permission_denied(request)
    figures = {"figures": asked.figures(choices.pages), "municipality_id": asked.municipality_id}
    if course_id is None:
        course, name = None, "courses"
        tables = [courses_overview(**figures)]
    else:
        course, name = choices.pages[choices.key_of_page[course_id]], f"course-{course_id}"
        tables = course_report(course=course, months=asked.months, **figures)
    return _answer(
        request,
        asked,
        tables,
        name,
        "reports/admin/learning_report.html",
        courses=choices.pages.values(),
        course=course,
    )


@never_cache
def municipal_report_view(request):
    """Municipalities and sectors: learners, completions, intervision attendance."""
    asked = _report_request(request)
    if asked is None:
        return permission_denied(request)
    choices = courses_in_scope(scope=asked.scope, language=translation.get_language())
    tables = municipal_report(
        figures=asked.figures(choices.pages),
        municipality_id=asked.municipality_id,
        months=asked.months,
    )
    return _answer(request, asked, tables, "municipalities", "reports/admin/municipal_report.html")
