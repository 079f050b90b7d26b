"""ReportFigures' counts of intervision attendance (figures.py): people who came and who did
not per municipality and sector, per session of the period, and per month."""

import datetime

from django.db.models import Count, DateTimeField, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone

from elearning.intervision.models import Attendance, Meeting, SignUp

from .counting import ALL, as_date, everyone_once, grouped, most_per_group, per_place, per_sector

CAME = (Attendance.ATTENDED, Attendance.PARTLY)


def count_attendance(figures):
    """Count attendance in sight; returns {(place, sector): people whose attendance was
    noted}, what a share of no-shows is taken of."""
    disclosure = figures.disclosure
    signups = SignUp.objects.filter(figures.scope.signups())
    noted = {
        "attended": Q(attendance__in=CAME),
        "no_show": Q(attendance=Attendance.NO_SHOW),
        "noted": ~Q(attendance=""),
    }
    accounts = grouped(
        signups.filter(user__isnull=False),
        ("municipality_id", "sector_id"),
        **{name: Count("user", distinct=True, filter=q) for name, q in noted.items()},
    )
    erased = grouped(
        signups.filter(user__isnull=True),
        ("municipality_id", "sector_id", "session_id"),
        **{name: Count("id", filter=q) for name, q in noted.items()},
    )
    session_ids = [pk for pk, *_rest in figures.sessions]
    per_session = grouped(
        signups.filter(session_id__in=session_ids),
        ("session_id", "municipality_id"),
        **{name: Count("id", filter=q) for name, q in noted.items() if name != "noted"},
        **{
            f"erased_{name}": Count("id", filter=q & Q(user__isnull=True))
            for name, q in noted.items()
            if name != "noted"
        },
    )
    for measure in ("attended", "no_show"):
        most = most_per_group(erased, measure)
        for session in session_ids:
            per_place(
                figures,
                ("session", session, measure),
                lambda p, s=session, m=measure: per_session.get((s, p), {}).get(m, 0),
            )
        for where in figures.places:
            everyone, total = per_sector(
                figures, measure, where, accounts=accounts, erased_most=most
            )
            session_cells = [("session", s, measure, where) for s in session_ids]
            for cell in session_cells:
                disclosure.at_most(cell, [everyone])
            seen = sum(disclosure.value(c) for c in session_cells)
            disclosure.at_most(everyone, session_cells, known=max(0, total - seen))
    most_noted = most_per_group(erased, "noted")
    people_noted = {}
    for where in figures.places:
        for sector in figures.sectors:
            group = (where, sector)
            people_noted[group] = accounts.get(group, {}).get("noted", 0) + most_noted.get(group, 0)
    _count_attendance_per_month(figures, signups, per_session)
    return people_noted


def _count_attendance_per_month(figures, signups, per_session):
    disclosure = figures.disclosure
    first_date = (
        Meeting.objects.filter(session=OuterRef("session_id"))
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    rows = (
        signups.filter(user__isnull=False)
        .annotate(first_date=Subquery(first_date, output_field=DateTimeField()))
        .filter(first_date__gte=figures.since, first_date__lte=timezone.now())
        .annotate(month=TruncMonth("first_date"))
    )
    counts = {
        "attended": Count("user", distinct=True, filter=Q(attendance__in=CAME)),
        "no_show": Count("user", distinct=True, filter=Q(attendance=Attendance.NO_SHOW)),
    }
    by_place = grouped(rows, ("municipality_id", "month"), **counts)
    overall = grouped(rows, ("month",), **counts)
    month_of = {
        pk: datetime.date(as_date(start).year, as_date(start).month, 1)
        for pk, _title, start in figures.sessions
    }
    for measure in ("attended", "no_show"):
        for first in figures.months:
            key = (f"people_{measure}", first)
            sessions = [pk for pk, month in month_of.items() if month == first]
            parts = []
            for where in figures.places:
                most = max(
                    (per_session.get((s, where), {}).get(f"erased_{measure}", 0) for s in sessions),
                    default=0,
                )
                value = by_place.get((where, first), {}).get(measure, 0) + most
                disclosure.count(
                    (*key, where),
                    value,
                    published=where is not None,
                    known=where is None or figures.before_launch(first),
                )
                parts.append((*key, where))
            most = max(
                (
                    sum(
                        per_session.get((s, p), {}).get(f"erased_{measure}", 0)
                        for p in figures.places
                    )
                    for s in sessions
                ),
                default=0,
            )
            disclosure.count((*key, ALL), overall.get((first,), {}).get(measure, 0) + most)
            for where in [*figures.places, ALL]:
                cells = [("session", s, measure, where) for s in sessions]
                for cell in cells:
                    disclosure.at_most(cell, [(*key, where)])
                if where != ALL:
                    disclosure.at_most((*key, where), [(*key, ALL)])
            everyone_once(figures, key, parts)
