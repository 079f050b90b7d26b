"""What every report shares: who of the learners is in sight, how people are counted, and
the months table."""

import datetime

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from ..charts import line_chart
from ..tables import Table, counted

MONTH_CHOICES = (6, 12, 24)
DEFAULT_MONTHS = 12


def learners_in_sight(scope, municipality_id, prefix=""):
    q = scope.learners(prefix)
    if municipality_id is not None:
        q &= Q(**{f"{prefix}municipality_id": municipality_id})
    return q


def learner_count():
    """People among enrolment rows: accounts once each, erased accounts' rows one each."""
    return Count("user", distinct=True) + Count("id", filter=Q(user__isnull=True))


def _month_starts(months):
    """The first day of each of the last `months` months, oldest first (this month included)."""
    today = timezone.localdate()
    year, month = today.year, today.month
    firsts = []
    for _step in range(months):
        firsts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


def _per_month(queryset, date_field, since):
    rows = (
        queryset.filter(**{f"{date_field}__gte": since})
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(number=Count("id"))
    )
    return {_as_date(row["month"]): row["number"] for row in rows}


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def months_table(enrolments, months):
    firsts = _month_starts(months)
    since = timezone.make_aware(datetime.datetime.combine(firsts[0], datetime.time()))
    started = _per_month(enrolments, "started_at", since)
    completed = _per_month(enrolments, "completed_at", since)
    table = Table(
        slug="months",
        title=_("Per month"),
        columns=[_("Month"), _("Started"), _("Completed")],
        description=_("Courses started and completed per month."),
    )
    for first in firsts:
        table.rows.append(
            [
                first.strftime("%Y-%m"),
                counted(started.get(first, 0)),
                counted(completed.get(first, 0)),
            ]
        )
    table.chart = line_chart(
        table,
        series_columns=[1, 2],
        title=_("Started and completed per month"),
        description=_(
            "One line per measure; months with fewer than 5 learners are left out. The numbers "
            "are in the table below the chart."
        ),
    )
    return table
