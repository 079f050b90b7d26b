"""Reads of the learner's record, shaped for pages, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q

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


@dataclass
class CourseProgress:
    course: CoursePage
    enrolment: Enrolment
    modules: list = field(default_factory=list)  # [(module page, progress or None)]
    continue_module: ModulePage | None = None
    attest: Attest | None = None

    @property
    def required_count(self):
        return sum(1 for module, _progress in self.modules if module.required)

    @property
    def completed_count(self):
        return sum(
            1
            for module, progress in self.modules
            if module.required and progress and progress.status == ProgressStatus.COMPLETED
        )

    @property
    def percent(self):
        return round(100 * self.completed_count / self.required_count) if self.required_count else 0


def _continue_module(modules):
    """Where to pick up: the module last worked in, unless done; else the first one not done."""
    started = [(m, p) for m, p in modules if p and p.status != ProgressStatus.COMPLETED]
    if started:
        return max(started, key=lambda pair: pair[1].last_activity_at)[0]
    for module, progress in modules:
        if not progress or progress.status != ProgressStatus.COMPLETED:
            return module
    return None


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
        modules = [
            (module, progress_by_key.get(module.translation_key))
            for module in modules_by_parent.get(course.path, [])
        ]
        entry = CourseProgress(
            course=course,
            enrolment=enrolment,
            modules=modules,
            continue_module=_continue_module(modules),
            attest=attests.get(enrolment.pk),
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
