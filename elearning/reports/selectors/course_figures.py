"""ReportFigures' counts per course (figures.py): people who started and completed each
course, in total and per month, each module's progress and the evaluations of each item."""

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from elearning.learners.models import Enrolment, ModuleProgress, ProgressStatus

from ..models import EvaluatedKind, Evaluation
from .counting import ALL, grouped, per_place

MODULE_MEASURES = ("started", "completed", "checked", "passed")


def count_courses(figures):
    """Count every course in sight; returns the month counts of started and completed
    enrolments ({"started" or "completed": {(course, place, month): row}}), whose erased rows
    the people count needs (people_figures.py)."""
    in_sight = Enrolment.objects.filter(figures.scope.learners(), course_key__in=figures.courses)
    totals = grouped(
        in_sight,
        ("course_key", "municipality_id"),
        started=Count("id"),
        completed=Count("id", filter=Q(completed_at__isnull=False)),
    )
    per_month = {
        field: grouped(
            in_sight.filter(**{f"{field}_at__gte": figures.since}).annotate(
                month=TruncMonth(f"{field}_at")
            ),
            ("course_key", "municipality_id", "month"),
            number=Count("id"),
            erased=Count("id", filter=Q(user__isnull=True)),
        )
        for field in ("started", "completed")
    }
    modules = _module_rows(figures)
    evaluations = grouped(
        Evaluation.objects.filter(figures.scope.evaluations(), course_key__in=figures.courses),
        ("kind", "item_key", "municipality_id"),
        number=Count("id"),
    )
    for course_key in figures.courses:
        for field in ("started", "completed"):
            _count_course(figures, field, course_key, totals, per_month[field])
        _count_modules(figures, course_key, modules)
        _tie_modules_to_course(figures, course_key)
        _count_evaluations(figures, course_key, evaluations)
    return per_month


def _count_course(figures, field, course_key, totals, per_month):
    """People who started (or completed) one course, in all and per month of the period."""
    disclosure = figures.disclosure
    per_place(figures, (field, course_key), lambda p: totals.get((course_key, p), {}).get(field, 0))
    for first in figures.months:
        per_place(
            figures,
            (f"{field}_in", course_key, first),
            lambda p, m=first: per_month.get((course_key, p, m), {}).get("number", 0),
        )
    for where in [*figures.places, ALL]:
        disclosure.equal(
            (field, course_key, where),
            [(f"{field}_in", course_key, first, where) for first in figures.months],
            known=disclosure.value((field, course_key, where))
            - sum(
                disclosure.value((f"{field}_in", course_key, first, where))
                for first in figures.months
            ),
        )


def _module_rows(figures):
    passed = Q(pk__in=[])
    for found in figures.modules.values():
        for module in found:
            passed |= Q(
                module_key=module.translation_key,
                best_score_percent__gte=module.min_score_percent,
            )
    rows = ModuleProgress.objects.filter(
        figures.scope.learners("enrolment__"),
        enrolment__course_key__in=figures.courses,
        module_key__in=figures.module_course,
    )
    return grouped(
        rows,
        ("module_key", "enrolment__municipality_id"),
        started=Count("id"),
        completed=Count("id", filter=Q(status=ProgressStatus.COMPLETED)),
        checked=Count("id", filter=Q(best_score_percent__isnull=False)),
        passed=Count("id", filter=passed),
        seconds=Sum("seconds_spent"),
    )


def _count_modules(figures, course_key, rows):
    disclosure = figures.disclosure
    for module in figures.modules[course_key]:
        key = module.translation_key
        for measure in MODULE_MEASURES:
            per_place(
                figures,
                ("module", key, measure),
                lambda p, m=measure, k=key: rows.get((k, p), {}).get(m, 0),
            )
        for where in [*figures.places, ALL]:
            part = [rows.get((key, p), {}) for p in (figures.places if where == ALL else [where])]
            figures.seconds[(key, where)] = sum(row.get("seconds") or 0 for row in part)
            m = ("module", key)
            disclosure.at_most((*m, "started", where), [("started", course_key, where)])
            disclosure.at_most((*m, "completed", where), [(*m, "started", where)])
            disclosure.at_most((*m, "checked", where), [(*m, "started", where)])
            disclosure.at_most((*m, "passed", where), [(*m, "checked", where)])


def _tie_modules_to_course(figures, course_key):
    """Every learner of a course has progress in one of its modules (the enrolment is made
    on the first activity), and completing the course takes completing each module."""
    keys = [module.translation_key for module in figures.modules[course_key]]
    if not keys:
        return
    for where in [*figures.places, ALL]:
        started = [("module", key, "started", where) for key in keys]
        figures.disclosure.at_most(("started", course_key, where), started)
        for key in keys:
            figures.disclosure.at_most(
                ("completed", course_key, where), [("module", key, "completed", where)]
            )


def _count_evaluations(figures, course_key, rows):
    items = [(EvaluatedKind.MODULE, m.translation_key) for m in figures.modules[course_key]]
    items += [(EvaluatedKind.WEBINAR, w.translation_key) for w in figures.webinars[course_key]]
    items += [(EvaluatedKind.SESSION, uid) for uid, _title in figures.course_sessions[course_key]]
    for kind, item in items:
        per_place(
            figures,
            ("evaluations", kind, item),
            lambda p, k=kind, i=item: rows.get((k, i, p), {}).get("number", 0),
        )
        if kind == EvaluatedKind.MODULE:
            for where in [*figures.places, ALL]:
                figures.disclosure.at_most(
                    ("evaluations", kind, item, where), [("module", item, "completed", where)]
                )
