"""Reads of the learner's record, shaped for pages, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q

from wagtail.models import Page

from courses.models import CoursePage, LibraryPage, ModulePage

from .completion import module_completion_missing
from .facts import module_facts
from .models import Attest, Enrolment, ModuleProgress, ProgressStatus, QuizAttempt


def module_progress(*, user, module):
    """The learner's progress in a module (any language of it), or None."""
    if not user.is_authenticated:
        return None
    return ModuleProgress.objects.filter(user=user, module_key=module.translation_key).first()


def module_completion_needs(*, module, progress):
    """What the learner still has to do to complete the module, for its page: a list of
    `MissingRequirement`s, empty once completed; None without a record or for a module that is
    not live (a preview), where no rule applies."""
    if progress is None:
        return None
    if progress.status == ProgressStatus.COMPLETED:
        return []
    facts = module_facts([module.pk]).get(module.pk)
    if facts is None:
        return None
    return module_completion_missing(progress=progress, facts=facts)


def _pages_in_language(model, keys, language):
    """{translation key: live page} in the language, else in the default language."""
    pages = {}
    candidates = (
        model.objects.live()
        .filter(translation_key__in=keys)
        .filter(Q(locale__language_code=language) | Q(locale__language_code=settings.LANGUAGE_CODE))
        .select_related("locale")
    )
    for page in candidates:
        if page.locale.language_code == language or page.translation_key not in pages:
            pages[page.translation_key] = page
    return pages


@dataclass(frozen=True)
class OutlineEntry:
    """One part of a course as the learner's outline shows it.

    Webinars have no progress record (the player records modules only), so they have no
    state and do not count for completion; optional modules have a state but do not count.
    """

    part: Page
    progress: ModuleProgress | None = None

    @property
    def is_webinar(self):
        return getattr(self.part, "is_webinar", False)

    @property
    def counts(self):
        """Whether the course's completion waits for this part (a required module)."""
        return not self.is_webinar and self.part.required

    @property
    def status(self):
        if self.is_webinar:
            return ""
        return self.progress.status if self.progress else ProgressStatus.NOT_STARTED

    @property
    def status_label(self):
        return ProgressStatus(self.status).label if self.status else ""

    @property
    def completed(self):
        return self.status == ProgressStatus.COMPLETED


@dataclass
class CourseProgress:
    """Where a learner stands in a course: each part's state, what is left, where to go on.

    For a visitor (`personal` false) it holds the parts only, with no state: the page they see
    is cached and shared, so it says nothing about anyone.
    """

    course: CoursePage
    enrolment: Enrolment | None = None
    parts: list = field(default_factory=list)  # [OutlineEntry], in course order
    attest: Attest | None = None
    personal: bool = True

    @property
    def required_count(self):
        return sum(1 for entry in self.parts if entry.counts)

    @property
    def completed_count(self):
        return sum(1 for entry in self.parts if entry.counts and entry.completed)

    @property
    def percent(self):
        return round(100 * self.completed_count / self.required_count) if self.required_count else 0

    @property
    def started(self):
        return any(entry.progress for entry in self.parts)

    @property
    def completed(self):
        return bool(self.enrolment and self.enrolment.completed_at)

    @property
    def first_part(self):
        return self.parts[0].part if self.parts else None

    @property
    def continue_part(self):
        """Where to pick up: the module last worked in, unless done; else the first one not
        done in course order; the first part when every module is done."""
        started = [e for e in self.parts if e.progress and not e.completed]
        if started:
            return max(started, key=lambda entry: entry.progress.last_activity_at).part
        for entry in self.parts:
            if entry.status and not entry.completed:
                return entry.part
        return self.first_part

    @property
    def minutes_left(self):
        """Study time of what is left: required modules not completed, and webinars (never
        recorded, so never known to be watched); optional modules are left out."""
        return sum(
            entry.part.duration_minutes
            for entry in self.parts
            if entry.is_webinar or (entry.counts and not entry.completed)
        )


def _attest_of(enrolment):
    try:
        return enrolment.attest
    except Attest.DoesNotExist:
        return None


def course_progress(*, user, course, parts):
    """The learner's progress through `parts` (the course's live parts, in order) in one query:
    their progress rows of the course's modules, with the enrolment and its attest."""
    if not user.is_authenticated:
        return CourseProgress(
            course=course, parts=[OutlineEntry(part) for part in parts], personal=False
        )
    keys = [part.translation_key for part in parts if not getattr(part, "is_webinar", False)]
    rows = ModuleProgress.objects.filter(user=user, module_key__in=keys).select_related(
        "enrolment__attest"
    )
    by_key = {row.module_key: row for row in rows}
    enrolment = next((row.enrolment for row in by_key.values()), None)
    return CourseProgress(
        course=course,
        enrolment=enrolment,
        parts=[OutlineEntry(part, by_key.get(part.translation_key)) for part in parts],
        attest=_attest_of(enrolment) if enrolment else None,
    )


def learning_dashboard(*, user, language):
    """ "My learning": courses in progress (with where to continue), completed courses, attests."""
    enrolments = list(Enrolment.objects.filter(user=user).order_by("-started_at"))
    courses = _pages_in_language(CoursePage, [e.course_key for e in enrolments], language)
    progress_by_key = {p.module_key: p for p in ModuleProgress.objects.filter(user=user)}
    children = Q(pk__in=[])
    for course in courses.values():
        children |= Q(path__startswith=course.path, depth=course.depth + 1)
    modules_by_parent = {}
    for module in ModulePage.objects.live().filter(children).order_by("path"):
        modules_by_parent.setdefault(module.path[: -ModulePage.steplen], []).append(module)
    attests = {a.enrolment_id: a for a in Attest.objects.filter(user=user)}

    in_progress, completed = [], []
    for enrolment in enrolments:
        course = courses.get(enrolment.course_key)
        if course is None:  # the course was unpublished or removed since
            continue
        parts = [
            OutlineEntry(module, progress_by_key.get(module.translation_key))
            for module in modules_by_parent.get(course.path, [])
        ]
        entry = CourseProgress(
            course=course, enrolment=enrolment, parts=parts, attest=attests.get(enrolment.pk)
        )
        (completed if enrolment.completed_at else in_progress).append(entry)
    library = _pages_in_language(
        LibraryPage, LibraryPage.objects.values_list("translation_key", flat=True)[:1], language
    )
    return {
        "in_progress": in_progress,
        "completed": completed,
        "library": next(iter(library.values()), None),
    }


def learning_record_export(*, user):
    """The learner's whole learning record, for the GDPR download (JSON-ready)."""
    attempts = {}
    progress_rows = list(ModuleProgress.objects.filter(user=user).order_by("first_activity_at"))
    for attempt in QuizAttempt.objects.filter(progress__in=progress_rows).order_by("created_at"):
        attempts.setdefault(attempt.progress_id, []).append(
            {
                "question": attempt.block_id,
                "answer": attempt.choice,
                "correct": attempt.correct,
                "answered_at": attempt.created_at.isoformat(),
            }
        )
    return {
        "enrolments": [
            {
                "course": str(enrolment.course_key),
                "started_at": enrolment.started_at.isoformat(),
                "completed_at": enrolment.completed_at and enrolment.completed_at.isoformat(),
            }
            for enrolment in Enrolment.objects.filter(user=user).order_by("started_at")
        ],
        "modules": [
            {
                "module": str(progress.module_key),
                "status": progress.status,
                "first_activity_at": progress.first_activity_at.isoformat(),
                "last_activity_at": progress.last_activity_at.isoformat(),
                "seconds_spent": progress.seconds_spent,
                "last_position_seconds": progress.last_position_seconds,
                "watched_segments": progress.watched,
                "best_score_percent": progress.best_score_percent,
                "completed_at": progress.completed_at and progress.completed_at.isoformat(),
                "knowledge_check_attempts": attempts.get(progress.pk, []),
            }
            for progress in progress_rows
        ],
        "attests": [
            {
                "code": attest.code,
                "name": attest.learner_name,
                "course": attest.course_title,
                "modules": attest.module_titles,
                "study_minutes": attest.study_minutes,
                "completed_on": attest.completed_on.isoformat(),
                "issued_at": attest.issued_at.isoformat(),
            }
            for attest in Attest.objects.filter(user=user).order_by("issued_at")
        ],
    }
