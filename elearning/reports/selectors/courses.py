"""The course reports: all courses at a glance, or one course in depth."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from courses.models import CoursePage

from ..charts import bar_chart
from ..tables import SUPPRESSED, Table, mean, percent_label, share
from .common import months_table, narrowed
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


def _percent(part, whole):
    """`part` of `whole` in whole percent, or SUPPRESSED when either is hidden (a share of a
    hidden count would give it away)."""
    if part is SUPPRESSED or whole is SUPPRESSED:
        return SUPPRESSED
    return share(part, whole)


def _minutes_per_person(seconds, people):
    """Average minutes, shown only beside a shown count of people."""
    if people is SUPPRESSED:
        return SUPPRESSED
    return mean(seconds / 60 / people, people)


def courses_overview(*, figures, municipality_id):
    """Per course: learners who started, completed, completion rate, average study time."""
    where = figures.place(municipality_id)
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
    for key, course in figures.courses.items():
        started = figures.shown("started", key, where)
        completed = figures.shown("completed", key, where)
        seconds = sum(
            figures.seconds[(module.translation_key, where)] for module in figures.modules[key]
        )
        table.rows.append(
            [
                course.title,
                started,
                completed,
                _percent(completed, started),
                _minutes_per_person(seconds, started),
            ]
        )
    return table


def course_report(*, figures, course, municipality_id, months):
    """One course's tables: funnel, modules (study time, knowledge checks), months,
    evaluations, comments."""
    key, where = course.translation_key, figures.place(municipality_id)
    modules = figures.modules[key]
    tables = [
        _funnel_table(figures, key, where),
        _modules_table(figures, key, where),
        months_table(figures, where, months, course_key=key),
    ]
    evaluations = narrowed(figures.scope.evaluations(), municipality_id) & Q(course_key=key)
    items = evaluated_items(course, modules, figures.webinars[key], figures.course_sessions[key])
    shown = {
        item: figures.value("evaluations", *item, where)
        for item in items
        if figures.is_shown("evaluations", *item, where)
    }
    ratings = ratings_table(course, items, evaluations, shown)
    return [*tables, ratings, comments_table(items, evaluations, shown)]


def _funnel_table(figures, key, where):
    table = Table(
        slug="funnel",
        title=_("Completion funnel"),
        columns=[_("Step"), _("Learners")],
        description=_("How many learners reached each step of the course."),
    )
    table.rows.append([_("Started the course"), figures.shown("started", key, where)])
    for module in figures.modules[key]:
        label = _("Completed “%(module)s”") % {"module": module.title}
        shown = figures.shown("module", module.translation_key, "completed", where)
        table.rows.append([label, shown])
    table.rows.append([_("Completed the course"), figures.shown("completed", key, where)])
    table.chart = bar_chart(
        table,
        value_column=1,
        title=_("Completion funnel"),
        description=_("Learners per step; the numbers are in the table below the chart."),
    )
    return table


def _modules_table(figures, key, where):
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
    for module in figures.modules[key]:
        cell = ("module", module.translation_key)
        seconds = figures.seconds[(module.translation_key, where)]
        total_seconds += seconds
        started = figures.shown(*cell, "started", where)
        checked = figures.shown(*cell, "checked", where)
        table.rows.append(
            [
                module.title,
                started,
                figures.shown(*cell, "completed", where),
                _minutes_per_person(seconds, started),
                checked,
                _percent(figures.shown(*cell, "passed", where), checked),
            ]
        )
    if figures.modules[key]:
        started = figures.shown("started", key, where)
        table.rows.append(
            [
                _("Whole course, per learner"),
                started,
                "",
                _minutes_per_person(total_seconds, started),
                "",
                "",
            ]
        )
    return table
