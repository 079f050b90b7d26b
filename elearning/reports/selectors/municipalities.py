"""The municipalities report: learners, completions and intervision per municipality and
sector, per month, per session."""

import datetime

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from elearning.core.models import Municipality, Sector
from elearning.intervision.models import Attendance, IntervisionSession, SignUp
from elearning.learners.models import Enrolment

from ..charts import bar_chart
from ..tables import Table, counted, percent_label, share
from .common import learner_count, learners_in_sight, months_table, narrowed

SESSIONS_SHOWN = 100


def _names():
    municipalities = dict(Municipality.objects.values_list("pk", "name"))
    sectors = {sector.pk: str(sector) for sector in Sector.objects.all()}
    return municipalities, sectors


def municipal_report(*, scope, municipality_id, months):
    """Per municipality and sector: learners, courses started and completed, intervision
    attendance and no-shows; per month; per intervision session."""
    learners = learners_in_sight(scope, municipality_id)
    signups = narrowed(scope.signups(), municipality_id)
    municipalities, sectors = _names()
    tables = [
        _municipality_table(learners, signups, municipalities, sectors),
        months_table(Enrolment.objects.filter(learners), months, SignUp.objects.filter(signups)),
        _sessions_table(signups, months),
    ]
    return tables


def _municipality_table(learners, signups, municipalities, sectors):
    learning = {
        (row["municipality_id"], row["sector_id"]): row
        for row in Enrolment.objects.filter(learners)
        .values("municipality_id", "sector_id")
        .annotate(
            learners=learner_count(),
            started=Count("id"),
            completed=Count("id", filter=Q(completed_at__isnull=False)),
        )
    }
    attending = {
        (row["municipality_id"], row["sector_id"]): row
        for row in SignUp.objects.filter(signups)
        .values("municipality_id", "sector_id")
        .annotate(**_attendance_counts())
    }
    table = Table(
        slug="municipalities",
        title=_("Per municipality and sector"),
        columns=[
            _("Municipality"),
            _("Sector"),
            _("Learners"),
            _("Courses started"),
            _("Courses completed"),
            _("Intervision: attended"),
            _("Intervision: did not come"),
            percent_label(_("Intervision: did not come")),
        ],
        empty_text=_("No learners in this selection yet."),
    )
    keys = sorted(
        set(learning) | set(attending),
        key=lambda k: (municipalities.get(k[0], "~"), k[1] if k[1] is not None else 99),
    )
    for municipality_id, sector_id in keys:
        learned = learning.get((municipality_id, sector_id), {})
        came = attending.get((municipality_id, sector_id), {})
        attended, no_show = came.get("attended", 0), came.get("no_show", 0)
        table.rows.append(
            [
                municipalities.get(municipality_id, _("Not given")),
                sectors.get(sector_id, _("Not given")),
                counted(learned.get("learners", 0)),
                counted(learned.get("started", 0)),
                counted(learned.get("completed", 0)),
                counted(attended),
                counted(no_show),
                share(no_show, attended + no_show),
            ]
        )
    chart_table = Table(
        slug="",
        title="",
        columns=table.columns[:1] + table.columns[2:3],
        rows=[[f"{row[0]} – {row[1]}", row[2]] for row in table.rows],
    )
    table.chart = bar_chart(
        chart_table,
        value_column=1,
        title=_("Learners per municipality and sector"),
        description=_("The numbers are in the table below the chart."),
    )
    return table


def _attendance_counts():
    came = (Attendance.ATTENDED, Attendance.PARTLY)
    return {
        "attended": Count("id", filter=Q(attendance__in=came)),
        "no_show": Count("id", filter=Q(attendance=Attendance.NO_SHOW)),
    }


def _sessions_table(signups, months):
    """Intervision sessions of the period, latest first: attendance of the people in sight."""
    since = timezone.now() - datetime.timedelta(days=31 * months)
    sessions = list(
        IntervisionSession.objects.annotate(first_start=Min("meetings__starts_at"))
        .filter(
            first_start__gte=since,
            first_start__lte=timezone.now(),
            pk__in=SignUp.objects.filter(signups).values("session_id"),
        )
        .order_by("-first_start", "-pk")
        .values_list("pk", "title", "first_start")[:SESSIONS_SHOWN]
    )
    figures = {
        row["session_id"]: row
        for row in SignUp.objects.filter(signups, session_id__in=[pk for pk, *_rest in sessions])
        .exclude(attendance="")
        .values("session_id")
        .annotate(**_attendance_counts())
    }
    table = Table(
        slug="sessions",
        title=_("Intervision sessions"),
        columns=[
            _("Session"),
            _("First date"),
            _("Attended"),
            _("Did not come"),
            percent_label(_("Did not come")),
        ],
        description=_(
            "Sessions that started in the period; attendance as the facilitator noted it."
        ),
        empty_text=_("No intervision sessions in this period."),
    )
    for pk, title, first_start in sessions:
        row = figures.get(pk, {"attended": 0, "no_show": 0})
        table.rows.append(
            [
                title,
                timezone.localtime(first_start).strftime("%Y-%m-%d"),
                counted(row["attended"]),
                counted(row["no_show"]),
                share(row["no_show"], row["attended"] + row["no_show"]),
            ]
        )
    return table
