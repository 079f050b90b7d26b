"""What every report shares: the period choices, a filter narrowed to a municipality, and the
months table."""

from django.db.models import Q
from django.utils.translation import gettext as _

from ..charts import line_chart
from ..tables import Table

MONTH_CHOICES = (6, 12, 24)
DEFAULT_MONTHS = 12


def narrowed(in_scope, municipality_id, prefix=""):
    """A scope's Q (learners, sign-ups or evaluations), narrowed to one chosen municipality."""
    if municipality_id is None:
        return in_scope
    return in_scope & Q(**{f"{prefix}municipality_id": municipality_id})


def months_table(figures, where, months, *, course_key=None):
    """Per month of the period: people who started and completed (a course: that course; the
    municipalities report: any course in sight, and intervision attendance by the month of
    each session's first date)."""
    firsts = figures.months[-months:]
    columns = [_("Month"), _("Started"), _("Completed")]
    if course_key is None:
        keys = ["people_started", "people_completed", "people_attended", "people_no_show"]
        columns += [_("Intervision: attended"), _("Intervision: did not come")]
    else:
        keys = ["started_in", "completed_in"]
    table = Table(
        slug="months",
        title=_("Per month"),
        columns=columns,
        description=_("Learners who started and completed the course, per month.")
        if course_key
        else _(
            "Learners who started and completed a course per month, and intervision "
            "attendance by the month of each session's first date (people, each counted once "
            "a month)."
        ),
    )
    for first in firsts:
        row = [first.strftime("%Y-%m")]
        for key in keys:
            cell = (key, course_key, first, where) if course_key else (key, first, where)
            row.append(figures.shown(*cell))
        table.rows.append(row)
    table.chart = line_chart(
        table,
        series_columns=[1, 2] if course_key else [1, 2, 3],
        title=_("Per month"),
        description=_(
            "One line per measure; months with fewer than 5 people are left out. The numbers "
            "are in the table below the chart."
        ),
    )
    return table
