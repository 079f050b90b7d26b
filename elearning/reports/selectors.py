"""The reports' numbers, counted in the database: each report runs a fixed number of queries
whatever the number of learners (grouped aggregates, never a loop over people). Rows are
bounded by content (courses, modules, municipalities, sectors, months), not by learners.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Avg, Count, Min, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, ModulePage, WebinarPage
from elearning.core.models import Municipality, Sector
from elearning.intervision.models import Attendance, IntervisionSession, SignUp
from elearning.learners.models import Enrolment, ModuleProgress, ProgressStatus

from .charts import bar_chart, line_chart
from .models import EvaluatedKind, Evaluation, EvaluationRating
from .tables import MIN_LEARNERS, SUPPRESSED, Table, counted, mean, percent_label, share

MONTH_CHOICES = (6, 12, 24)
DEFAULT_MONTHS = 12
SESSIONS_SHOWN = 100
COMMENTS_SHOWN = 100


# --- Courses --------------------------------------------------------------------------------


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


def _learners(scope, municipality_id, prefix=""):
    q = scope.learners(prefix)
    if municipality_id is not None:
        q &= Q(**{f"{prefix}municipality_id": municipality_id})
    return q


def _learner_count():
    """People among enrolment rows: accounts once each, erased accounts' rows one each."""
    return Count("user", distinct=True) + Count("id", filter=Q(user__isnull=True))


def courses_overview(*, scope, courses, municipality_id):
    """Per course: learners who started, completed, completion rate, average study time."""
    learners = _learners(scope, municipality_id)
    per_course = {
        row["course_key"]: row
        for row in Enrolment.objects.filter(learners, course_key__in=courses)
        .values("course_key")
        .annotate(started=Count("id"), completed=Count("id", filter=Q(completed_at__isnull=False)))
    }
    seconds = dict(
        ModuleProgress.objects.filter(
            _learners(scope, municipality_id, "enrolment__"), enrolment__course_key__in=courses
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


@dataclass
class CourseReport:
    course: CoursePage
    tables: list = field(default_factory=list)


def _course_items(course):
    """The course's live modules and webinars in the tree's order (two queries)."""
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    webinars = list(WebinarPage.objects.child_of(course).live().order_by("path"))
    return modules, webinars


def course_report(*, scope, course, municipality_id, months):
    """One course: funnel, modules (study time, knowledge checks), months, evaluations."""
    learners = _learners(scope, municipality_id) & Q(course_key=course.translation_key)
    progress_of = _learners(scope, municipality_id, "enrolment__") & Q(
        enrolment__course_key=course.translation_key
    )
    modules, webinars = _course_items(course)
    totals = Enrolment.objects.filter(learners).aggregate(
        started=Count("id"), completed=Count("id", filter=Q(completed_at__isnull=False))
    )
    per_module = _module_figures(progress_of, modules)
    report = CourseReport(course=course)
    report.tables.append(_funnel_table(totals, modules, per_module))
    report.tables.append(_modules_table(modules, per_module, totals["started"]))
    report.tables.append(_months_table(Enrolment.objects.filter(learners), months))
    evaluations = Q(course_key=course.translation_key) & scope.evaluations()
    if municipality_id is not None:
        evaluations &= Q(municipality_id=municipality_id)
    items = _evaluated_items(course, modules, webinars)
    ratings_table, enough = _ratings_table(course, items, evaluations)
    report.tables.append(ratings_table)
    report.tables.append(_comments_table(items, evaluations, enough))
    return report


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


def _months_table(enrolments, months):
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


# --- Evaluations ----------------------------------------------------------------------------


def _evaluated_items(course, modules, webinars):
    """{(kind, item key): title} of everything in the course that can be evaluated."""
    items = {(EvaluatedKind.MODULE, m.translation_key): m.title for m in modules}
    items.update({(EvaluatedKind.WEBINAR, w.translation_key): w.title for w in webinars})
    sessions = IntervisionSession.objects.filter(
        course__translation_key=course.translation_key
    ).values_list("uid", "title")
    items.update({(EvaluatedKind.SESSION, uid): title for uid, title in sessions})
    return items


def _ratings_table(course, items, evaluations):
    """Per item: how many evaluated it, and the average score of each question."""
    questions = [(block.id, block.value) for block in course.evaluation_questions]
    responses = {
        (row["kind"], row["item_key"]): row["number"]
        for row in Evaluation.objects.filter(evaluations)
        .values("kind", "item_key")
        .annotate(number=Count("id"))
    }
    averages = {
        (row["evaluation__kind"], row["evaluation__item_key"], row["question"]): row
        for row in EvaluationRating.objects.filter(
            evaluation__in=Evaluation.objects.filter(evaluations)
        )
        .values("evaluation__kind", "evaluation__item_key", "question")
        .annotate(average=Avg("score"), number=Count("id"))
    }
    table = Table(
        slug="evaluations",
        title=_("Evaluations"),
        columns=[_("About"), _("Type"), _("Evaluations")] + [text for _id, text in questions],
        description=_("Average score per statement, from 1 (do not agree) to 5 (fully agree)."),
        empty_text=_("Nobody evaluated this course yet, or it asks no evaluation."),
    )
    enough = set()
    for (kind, key), title in items.items():
        number = responses.get((kind, key), 0)
        if not number:
            continue
        if number >= MIN_LEARNERS:
            enough.add((kind, key))
        row = [title, EvaluatedKind(kind).label, counted(number)]
        for question_id, _text in questions:
            figures = averages.get((kind, key, question_id))
            row.append(mean(figures["average"], figures["number"]) if figures else SUPPRESSED)
        table.rows.append(row)
    return table, enough


def _comments_table(items, evaluations, enough):
    """The latest comments, without names, of items at least MIN_LEARNERS people evaluated
    (in a smaller group a comment could be told apart)."""
    table = Table(
        slug="comments",
        title=_("Comments"),
        columns=[_("About"), _("Month"), _("Comment")],
        description=_(
            "Comments appear without names, and only for what at least 5 people evaluated."
        ),
        empty_text=_("No comments to show."),
    )
    # Counted again inside the query (not passed in as a list) so the query runs the same way
    # whether or not any item has enough evaluations yet.
    enough_items = (
        Evaluation.objects.filter(evaluations)
        .values("kind", "item_key")
        .annotate(number=Count("id"))
        .filter(number__gte=MIN_LEARNERS)
        .values("item_key")
    )
    rows = (
        Evaluation.objects.filter(evaluations, item_key__in=enough_items)
        .exclude(comment="")
        .order_by("-created_at", "-pk")
        .values_list("kind", "item_key", "comment", "created_at")[:COMMENTS_SHOWN]
    )
    for kind, key, comment, created_at in rows:
        if (kind, key) in enough:
            month = timezone.localtime(created_at).strftime("%Y-%m")
            table.rows.append([items[(kind, key)], month, comment])
    return table


# --- Municipalities and intervision ---------------------------------------------------------


def _names():
    municipalities = dict(Municipality.objects.values_list("pk", "name"))
    sectors = {sector.pk: str(sector) for sector in Sector.objects.all()}
    return municipalities, sectors


def municipal_report(*, scope, municipality_id, months):
    """Per municipality and sector: learners, courses started and completed, intervision
    attendance and no-shows; per month; per intervision session."""
    learners = _learners(scope, municipality_id)
    signups = scope.signups()
    if municipality_id is not None:
        signups &= Q(municipality_id=municipality_id)
    municipalities, sectors = _names()
    tables = [
        _municipality_table(learners, signups, municipalities, sectors),
        _months_table(Enrolment.objects.filter(learners), months),
        _sessions_table(signups, months),
    ]
    return tables


def _municipality_table(learners, signups, municipalities, sectors):
    learning = {
        (row["municipality_id"], row["sector_id"]): row
        for row in Enrolment.objects.filter(learners)
        .values("municipality_id", "sector_id")
        .annotate(
            learners=_learner_count(),
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


def evaluations_export(*, user):
    """The person's own evaluations, for the GDPR download (JSON-ready)."""
    evaluations = Evaluation.objects.filter(user=user).prefetch_related("ratings").order_by("pk")
    return [
        {
            "about": evaluation.kind,
            "item": str(evaluation.item_key),
            "course": str(evaluation.course_key),
            "scores": {rating.question: rating.score for rating in evaluation.ratings.all()},
            "comment": evaluation.comment,
            "given_at": evaluation.created_at.isoformat(),
        }
        for evaluation in evaluations
    ]
