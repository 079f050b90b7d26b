"""Reads of the learner's record, shaped for pages, in a fixed number of queries."""

from dataclasses import dataclass, field
from operator import attrgetter

from django.conf import settings
from django.db.models import Q

from wagtail.models import Page

from courses.models import CoursePage, LibraryPage, ModulePage

from .completion import module_completion_missing
from .facts import module_facts
from .models import Attest, Enrolment, ModuleProgress, ProgressStatus, QuizAttempt, ReflectionNote


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


def page_titles(*, model, keys, language):
    """{translation key: title} of the live pages of `model`, in the language where a
    translation exists, else in the default language; a page gone or unpublished is left out.
    For the data download, which names what its keys stand for (one query per kind of page)."""
    return {key: page.title for key, page in _pages_in_language(model, keys, language).items()}


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
    enrolments = list(Enrolment.objects.filter(user=user).order_by("started_at"))
    language = user.preferred_language
    courses = page_titles(
        model=CoursePage, keys=[e.course_key for e in enrolments], language=language
    )
    modules = page_titles(
        model=ModulePage, keys=[p.module_key for p in progress_rows], language=language
    )
    return {
        "enrolments": [
            {
                "course": str(enrolment.course_key),
                "course_title": courses.get(enrolment.course_key),
                "started_at": enrolment.started_at.isoformat(),
                "completed_at": enrolment.completed_at and enrolment.completed_at.isoformat(),
            }
            for enrolment in enrolments
        ],
        "modules": [
            {
                "module": str(progress.module_key),
                "module_title": modules.get(progress.module_key),
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
                "course_key": str(attest.enrolment.course_key),
                "study_minutes": attest.study_minutes,
                "completed_on": attest.completed_on.isoformat(),
                "issued_at": attest.issued_at.isoformat(),
            }
            for attest in Attest.objects.filter(user=user)
            .select_related("enrolment")
            .order_by("issued_at")
        ],
    }


# --- Reflection notes: the learner's alone (never in the admin, reports or exports for others) ---


def reflection_notes_of_module(*, user, module):
    """{reflection block id: note} of the signed-in learner in this module, in any language."""
    if not user.is_authenticated:
        return {}
    notes = ReflectionNote.objects.filter(user=user, module_key=module.translation_key)
    return {note.block_id: note for note in notes}


def module_page_reflections(*, page, request, context):
    """The module page's context (courses/page_context.py): the signed-in learner's notes."""
    if not any(block.block_type == "reflection" for block in page.body):
        return {}  # nothing to show them under: no query
    return {"reflection_notes": reflection_notes_of_module(user=request.user, module=page)}


@dataclass
class ModuleReflections:
    module: ModulePage | None  # None once the module is unpublished or removed
    notes: list = field(default_factory=list)  # [(question or None, note)], in page order


@dataclass
class CourseReflections:
    course: CoursePage | None
    modules: list = field(default_factory=list)  # [ModuleReflections], in course order


def _module_reflections(module, notes):
    """The module's notes in the order of its questions; a note whose question is gone, last."""
    by_block = {note.block_id: note for note in notes}
    entry = ModuleReflections(module=module)
    for block in module.body if module else ():
        if block.block_type == "reflection" and block.id in by_block:
            entry.notes.append((block.value["question"], by_block.pop(block.id)))
    entry.notes.extend((None, note) for note in sorted(by_block.values(), key=_updated_at))
    return entry


_updated_at = attrgetter("updated_at")


def reflections_overview(*, user, language):
    """ "My reflections": every note, grouped by course then module, in three queries.

    Courses come in title order, modules in course order. Notes on modules no longer published
    come last, in a group without a course.
    """
    notes_by_module = {}
    for note in ReflectionNote.objects.filter(user=user):
        notes_by_module.setdefault(note.module_key, []).append(note)
    modules = _pages_in_language(ModulePage, list(notes_by_module), language)
    parent_paths = {module.path[: -ModulePage.steplen] for module in modules.values()}
    courses = {course.path: course for course in CoursePage.objects.filter(path__in=parent_paths)}
    groups = {}
    for module in sorted(modules.values(), key=lambda page: page.path):
        course = courses.get(module.path[: -ModulePage.steplen])
        group = groups.setdefault(course.pk, CourseReflections(course=course))
        group.modules.append(_module_reflections(module, notes_by_module[module.translation_key]))
    overview = sorted(groups.values(), key=lambda group: group.course.title.casefold())
    gone = [notes for key, notes in notes_by_module.items() if key not in modules]
    if gone:
        orphans = CourseReflections(course=None)
        orphans.modules = [_module_reflections(None, notes) for notes in gone]
        overview.append(orphans)
    return overview


def reflection_notes_export(*, user):
    """The learner's notes with their course, module and question, for the data download."""
    return [
        {
            "course": str(group.course.translation_key) if group.course else None,
            "course_title": group.course.title if group.course else None,
            "module": str(note.module_key),
            "module_title": entry.module.title if entry.module else None,
            "question": question,
            "note": note.text,
            "updated_at": note.updated_at.isoformat(),
        }
        for group in reflections_overview(user=user, language=user.preferred_language)
        for entry in group.modules
        for question, note in entry.notes
    ]
