"""What every report shares: who of the learners is in sight, how people are counted, and
the months table."""

import datetime

from django.db.models import Count, DateTimeField, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from ..charts import line_chart
from ..tables import Table, counted

MONTH_CHOICES = (6, 12, 24)
DEFAULT_MONTHS = 12


def narrowed(in_scope, municipality_id, prefix=""):
    """A scope's Q (learners, sign-ups or evaluations), narrowed to one chosen municipality."""
    if municipality_id is None:
        return in_scope
    return in_scope & Q(**{f"{prefix}municipality_id": municipality_id})


def learners_in_sight(scope, municipality_id, prefix=""):
    return narrowed(scope.learners(prefix), municipality_id, prefix)


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


def _attendance_per_month(signups, since):
    """{month: (attended, did not come)} by the month of each session's first date."""
    from elearning.intervision.models import Attendance, Meeting

    first_date = (
        Meeting.objects.filter(session=OuterRef("session_id"))
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    rows = (
        signups.annotate(first_date=Subquery(first_date, output_field=DateTimeField()))
        .filter(first_date__gte=since, first_date__lte=timezone.now())
        .annotate(month=TruncMonth("first_date"))
        .values("month")
        .annotate(
            attended=Count("id", filter=Q(attendance__in=(Attendance.ATTENDED, Attendance.PARTLY))),
            no_show=Count("id", filter=Q(attendance=Attendance.NO_SHOW)),
        )
    )
    return {_as_date(row["month"]): (row["attended"], row["no_show"]) for row in rows}


def months_table(enrolments, months, signups=None):
    """Courses started and completed per month; with `signups`, intervision attendance too."""
    firsts = _month_starts(months)
    since = timezone.make_aware(datetime.datetime.combine(firsts[0], datetime.time()))
    started = _per_month(enrolments, "started_at", since)
    completed = _per_month(enrolments, "completed_at", since)
    columns = [_("Month"), _("Started"), _("Completed")]
    attendance = {}
    if signups is not None:
        attendance = _attendance_per_month(signups, since)
        columns += [_("Intervision: attended"), _("Intervision: did not come")]
    table = Table(
        slug="months",
        title=_("Per month"),
        columns=columns,
        description=_("Courses started and completed per month.")
        if signups is None
        else _(
            "Courses started and completed per month, and intervision attendance by the month "
            "of each session's first date."
        ),
    )
    for first in firsts:
        row = [
            first.strftime("%Y-%m"),
            counted(started.get(first, 0)),
            counted(completed.get(first, 0)),
        ]
        if signups is not None:
            row += [counted(number) for number in attendance.get(first, (0, 0))]
        table.rows.append(row)
    table.chart = line_chart(
        table,
        series_columns=[1, 2] if signups is None else [1, 2, 3],
        title=_("Per month"),
        description=_(
            "One line per measure; months with fewer than 5 people are left out. The numbers "
            "are in the table below the chart."
        ),
    )
    return table
