"""The municipalities report: people per municipality and sector (learning and intervision),
per month, per intervision session."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from elearning.core.models import Municipality, Sector

from ..charts import bar_chart
from ..tables import MIN_LEARNERS, SUPPRESSED, Table, percent_label, share
from .common import months_table
from .counting import ALL

MEASURES = ("learners", "completers", "attended", "no_show")


def _names():
    municipalities = dict(Municipality.objects.values_list("pk", "name"))
    sectors = {sector.pk: str(sector) for sector in Sector.objects.all()}
    return municipalities, sectors


def municipal_report(*, figures, municipality_id, months):
    """Per municipality and sector: learners, who completed a course, intervision attendance
    and no-shows; per month; per intervision session. Every figure counts people."""
    where = figures.place(municipality_id)
    return [
        _municipality_table(figures, where),
        months_table(figures, where, months),
        _sessions_table(figures, where, months),
    ]


def _no_show_share(no_show, attended, noted):
    """Who did not come, of the people whose attendance was noted; hidden beside a hidden
    count."""
    if no_show is SUPPRESSED or attended is SUPPRESSED or noted < MIN_LEARNERS:
        return SUPPRESSED
    return share(no_show, noted)


def _municipality_table(figures, where):
    municipalities, sectors = _names()
    table = Table(
        slug="municipalities",
        title=_("Per municipality and sector"),
        columns=[
            _("Municipality"),
            _("Sector"),
            _("Learners"),
            _("Completed a course"),
            _("Intervision: attended"),
            _("Intervision: did not come"),
            percent_label(_("Intervision: did not come")),
        ],
        description=_(
            "People, each counted once per row. A row in which every number covers fewer "
            "than 5 people is left out."
        ),
        empty_text=_("No learners in this selection yet."),
    )
    places = figures.places if where == ALL else [where]
    places = sorted(places, key=lambda p: (p is None, municipalities.get(p, "")))
    for place in places:
        for sector in figures.sectors:
            counts = [figures.shown(measure, place, sector) for measure in MEASURES]
            if all(count is SUPPRESSED for count in counts):
                continue  # its mere presence would say that someone is in it
            table.rows.append(
                [
                    municipalities.get(place, _("Not given")),
                    sectors.get(sector, _("Not given")),
                    *counts,
                    _no_show_share(counts[3], counts[2], figures.noted[(place, sector)]),
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


def _sessions_table(figures, where, months):
    """Intervision sessions of the period, latest first: attendance of the people in sight."""
    since = timezone.now() - datetime.timedelta(days=31 * months)
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
            "Sessions that started in the period; attendance as the facilitator noted it. A "
            "session of which both numbers cover fewer than 5 people is left out."
        ),
        empty_text=_("No intervision sessions in this period."),
    )
    for pk, title, first_start in figures.sessions:
        if first_start < since:
            continue
        attended = figures.shown("session", pk, "attended", where)
        no_show = figures.shown("session", pk, "no_show", where)
        if attended is SUPPRESSED and no_show is SUPPRESSED:
            continue
        whole = SUPPRESSED
        if attended is not SUPPRESSED and no_show is not SUPPRESSED:
            whole = share(no_show, attended + no_show)
        table.rows.append(
            [
                title,
                timezone.localtime(first_start).strftime("%Y-%m-%d"),
                attended,
                no_show,
                whole,
            ]
        )
    return table
