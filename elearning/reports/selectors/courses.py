"""The course reports: all courses at a glance, or one course in depth."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, Q, Sum
from django.utils.translation import gettext as _

from courses.models import CoursePage, ModulePage, WebinarPage
from elearning.learners.models import Enrolment, ModuleProgress, ProgressStatus

from ..charts import bar_chart
from ..tables import Table, counted, mean, percent_label, share
from .common import learners_in_sight, months_table, narrowed
from .evaluations import comments_table, evaluated_items, ratings_table


@dataclass
class CourseChoices:
    """The courses a person may open: one page per course (in their language if it has one,
    else the site's default, else any), and which course each page id belongs to."""

    pages: dict  # {translation key: page}, by title
    key_of_page: dict  # {page id of any language: translation key}


def courses_in_scope(*, scope, language):
    """One query; bounded by content, not by learners."""
    chosen, key_of_page = {}, {}
    preferred = (language, settings.LANGUAGE_CODE)
    for page in CoursePage.objects.filter(scope.courses()).select_related("locale"):
        key_of_page[page.pk] = page.translation_key
        current = chosen.get(page.translation_key)
        if current is None or _rank(page, preferred) < _rank(current, preferred):
            chosen[page.translation_key] = page
    pages = dict(sorted(chosen.items(), key=lambda item: item[1].title.lower()))
    return CourseChoices(pages=pages, key_of_page=key_of_page)


def _rank(page, preferred):
    code = page.locale.language_code
    return preferred.index(code) if code in preferred else len(preferred)


def courses_overview(*, scope, courses, municipality_id):
    """Per course: learners who started, completed, completion rate, average study time."""
    learners = learners_in_sight(scope, municipality_id)
    per_course = {
        row["course_key"]: row
        for row in Enrolment.objects.filter(learners, course_key__in=courses)
        .values("course_key")
        .annotate(started=Count("id"), completed=Count("id", filter=Q(completed_at__isnull=False)))
    }
    seconds = dict(
        ModuleProgress.objects.filter(
            learners_in_sight(scope, municipality_id, "enrolment__"),
            enrolment__course_key__in=courses,
        )
        .values("enrolment__course_key")
        .annotate(total=Sum("seconds_spent"))
        .values_list("enrolment__course_key", "total")
    )
    table = Table(
        slug="courses",
        title=_("Courses"),
        columns=[
            _("Course"),
            _("Started"),
            _("Completed"),
            percent_label(_("Completed")),
            _("Average study time (minutes)"),
        ],
        empty_text=_("No course to report on yet."),
    )
    for key, course in courses.items():
        row = per_course.get(key, {"started": 0, "completed": 0})
        started = row["started"]
        minutes = (seconds.get(key) or 0) / 60 / started if started else None
        table.rows.append(
            [
                course.title,
                counted(started),
                counted(row["completed"]),
                share(row["completed"], started),
                mean(minutes, started),
            ]
        )
    return table


def _course_items(course):
    """The course's live modules and webinars in the tree's order (two queries)."""
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    webinars = list(WebinarPage.objects.child_of(course).live().order_by("path"))
    return modules, webinars


def course_report(*, scope, course, municipality_id, months):
    """One course's tables: funnel, modules (study time, knowledge checks), months,
    evaluations, comments."""
    learners = learners_in_sight(scope, municipality_id) & Q(course_key=course.translation_key)
    progress_of = learners_in_sight(scope, municipality_id, "enrolment__") & Q(
        enrolment__course_key=course.translation_key
    )
    modules, webinars = _course_items(course)
    totals = Enrolment.objects.filter(learners).aggregate(
        started=Count("id"), completed=Count("id", filter=Q(completed_at__isnull=False))
    )
    per_module = _module_figures(progress_of, modules)
    tables = [
        _funnel_table(totals, modules, per_module),
        _modules_table(modules, per_module, totals["started"]),
        months_table(Enrolment.objects.filter(learners), months),
    ]
    evaluations = narrowed(scope.evaluations(), municipality_id) & Q(
        course_key=course.translation_key
    )
    items = evaluated_items(course, modules, webinars)
    ratings, enough = ratings_table(course, items, evaluations)
    return [*tables, ratings, comments_table(items, evaluations, enough)]


def _module_figures(progress_of, modules):
    """{module key: figures}: started, completed, seconds, checked, passed (one query)."""
    passed = Q(pk__in=[])
    for module in modules:
        passed |= Q(
            module_key=module.translation_key, best_score_percent__gte=module.min_score_percent
        )
    rows = (
        ModuleProgress.objects.filter(
            progress_of, module_key__in=[m.translation_key for m in modules]
        )
        .values("module_key")
        .annotate(
            started=Count("id"),
            completed=Count("id", filter=Q(status=ProgressStatus.COMPLETED)),
            seconds=Avg("seconds_spent"),
            total_seconds=Sum("seconds_spent"),
            checked=Count("id", filter=Q(best_score_percent__isnull=False)),
            passed=Count("id", filter=passed),
        )
    )
    return {row["module_key"]: row for row in rows}


EMPTY_FIGURES = {"started": 0, "completed": 0, "seconds": None, "checked": 0, "passed": 0}


def _funnel_table(totals, modules, per_module):
    table = Table(
        slug="funnel",
        title=_("Completion funnel"),
        columns=[_("Step"), _("Learners")],
        description=_("How many learners reached each step of the course."),
    )
    table.rows.append([_("Started the course"), counted(totals["started"])])
    for module in modules:
        figures = per_module.get(module.translation_key, EMPTY_FIGURES)
        label = _("Completed “%(module)s”") % {"module": module.title}
        table.rows.append([label, counted(figures["completed"])])
    table.rows.append([_("Completed the course"), counted(totals["completed"])])
    table.chart = bar_chart(
        table,
        value_column=1,
        title=_("Completion funnel"),
        description=_("Learners per step; the numbers are in the table below the chart."),
    )
    return table


def _modules_table(modules, per_module, started_course):
    table = Table(
        slug="modules",
        title=_("Modules: study time and knowledge checks"),
        columns=[
            _("Module"),
            _("Started"),
            _("Completed"),
            _("Average study time (minutes)"),
            _("Took the knowledge check"),
            percent_label(_("Passed the knowledge check")),
        ],
        empty_text=_("This course has no published modules."),
    )
    total_seconds = 0
    for module in modules:
        figures = per_module.get(module.translation_key, EMPTY_FIGURES)
        total_seconds += figures.get("total_seconds") or 0
        minutes = figures["seconds"] / 60 if figures["seconds"] is not None else None
        table.rows.append(
            [
                module.title,
                counted(figures["started"]),
                counted(figures["completed"]),
                mean(minutes, figures["started"]),
                counted(figures["checked"]),
                share(figures["passed"], figures["checked"]),
            ]
        )
    if modules:
        per_learner = total_seconds / 60 / started_course if started_course else None
        table.rows.append(
            [
                _("Whole course, per learner"),
                counted(started_course),
                "",
                mean(per_learner, started_course),
                "",
                "",
            ]
        )
    return table
