"""ReportFigures' counts of people across courses (figures.py), for the municipalities
report: learners and completers per municipality and sector, and per month."""

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from elearning.learners.models import Enrolment

from .counting import ALL, everyone_once, grouped, most_per_group, per_sector


def count_people(figures, erased_per_month):
    """Count people across the courses in sight; `erased_per_month` are the month counts of
    count_courses (course_figures.py), whose erased rows are people without an account."""
    disclosure = figures.disclosure
    in_sight = Enrolment.objects.filter(figures.scope.learners())
    accounts = grouped(
        in_sight.filter(user__isnull=False),
        ("municipality_id", "sector_id"),
        learners=Count("user", distinct=True),
        completers=Count("user", distinct=True, filter=Q(completed_at__isnull=False)),
    )
    erased = grouped(
        in_sight.filter(user__isnull=True),
        ("municipality_id", "sector_id", "course_key"),
        learners=Count("id"),
        completers=Count("id", filter=Q(completed_at__isnull=False)),
    )
    for measure, per_course in (("learners", "started"), ("completers", "completed")):
        most = most_per_group(erased, measure)
        for where in figures.places:
            everyone, _total = per_sector(
                figures, measure, where, accounts=accounts, erased_most=most
            )
            per_course_cells = [(per_course, c, where) for c in figures.courses]
            for cell in per_course_cells:
                disclosure.at_most(cell, [everyone])
            disclosure.at_most(everyone, per_course_cells)
        _count_people_per_month(figures, in_sight, per_course, erased_per_month[per_course])
    for where in figures.places:
        for sector in figures.sectors:
            disclosure.at_most(("completers", where, sector), [("learners", where, sector)])
        disclosure.at_most(("completers", where), [("learners", where)])


def _count_people_per_month(figures, in_sight, per_course, erased):
    disclosure = figures.disclosure
    field = f"{per_course}_at"
    rows = in_sight.filter(user__isnull=False, **{f"{field}__gte": figures.since}).annotate(
        month=TruncMonth(field)
    )
    by_place = grouped(rows, ("municipality_id", "month"), number=Count("user", distinct=True))
    overall = grouped(rows, ("month",), number=Count("user", distinct=True))
    for first in figures.months:
        key = (f"people_{per_course}", first)
        parts = []
        for where in figures.places:
            most = max(
                (erased.get((c, where, first), {}).get("erased", 0) for c in figures.courses),
                default=0,
            )
            value = by_place.get((where, first), {}).get("number", 0) + most
            disclosure.count(
                (*key, where),
                value,
                published=where is not None,
                known=where is None or figures.before_launch(first),
            )
            parts.append((*key, where))
        most = max(
            (
                sum(erased.get((c, p, first), {}).get("erased", 0) for p in figures.places)
                for c in figures.courses
            ),
            default=0,
        )
        disclosure.count(
            (*key, ALL),
            overall.get((first,), {}).get("number", 0) + most,
            known=figures.before_launch(first),
        )
        for where in [*figures.places, ALL]:
            cells = [(f"{per_course}_in", c, first, where) for c in figures.courses]
            for cell in cells:
                disclosure.at_most(cell, [(*key, where)])
            disclosure.at_most((*key, where), cells)
            if where != ALL:
                disclosure.at_most((*key, where), [(*key, ALL)])
        everyone_once(figures, key, parts)
