"""What a learner can evaluate, and when.

A module of a course: once the learner completed it. A webinar of a course: any signed-in
learner (recordings do not report progress yet). An intervision session of a course: once the
learner took part (attendance noted, or confirmed and the last date is over). Only items of a
course that asks evaluation questions can be evaluated; the questions are that course's.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, ModulePage, WebinarPage
from elearning.intervision.models import Attendance, IntervisionSession, SignUp, SignUpStatus
from elearning.learners.models import ModuleProgress, ProgressStatus

from .models import EvaluatedKind, Evaluation


@dataclass
class EvaluationTarget:
    kind: str
    item_key: object
    title: str
    course: CoursePage
    url: str  # where the learner goes back to
    session: IntervisionSession | None = None
    asking: CoursePage | None = None  # the course's version holding the statements

    @property
    def kind_label(self):
        return EvaluatedKind(self.kind).label

    @property
    def questions(self):
        """[(question id, statement)] in the course's language when it has them."""
        return [
            (block.id, block.value) for block in (self.asking or self.course).evaluation_questions
        ]


def _in_language(queryset, language):
    """The live pages of the language and of the site's default language, preferred first."""
    pages = queryset.live().filter(
        Q(locale__language_code=language) | Q(locale__language_code=settings.LANGUAGE_CODE)
    )
    return sorted(pages.select_related("locale"), key=lambda p: p.locale.language_code != language)


def evaluation_course(course):
    """The course's version that holds the questions: its own, else the default language's (a
    translation made before the questions were written has none)."""
    if course.evaluation_questions:
        return course
    versions = _in_language(
        CoursePage.objects.filter(translation_key=course.translation_key), settings.LANGUAGE_CODE
    )
    return next((version for version in versions if version.evaluation_questions), course)


def evaluation_target(*, kind, item_key, language):
    """The item to evaluate, or None (unknown, not in a course, or its course asks nothing)."""
    if kind in (EvaluatedKind.MODULE, EvaluatedKind.WEBINAR):
        model = ModulePage if kind == EvaluatedKind.MODULE else WebinarPage
        pages = _in_language(model.objects.filter(translation_key=item_key), language)
        parent = pages[0].get_parent().specific if pages else None
        if not isinstance(parent, CoursePage) or not parent.live:
            return None
        target = EvaluationTarget(kind, item_key, pages[0].title, parent, pages[0].url)
    elif kind == EvaluatedKind.SESSION:
        session = (
            IntervisionSession.objects.filter(uid=item_key, course__isnull=False)
            .select_related("course")
            .first()
        )
        courses = session and _in_language(
            CoursePage.objects.filter(translation_key=session.course.translation_key), language
        )
        if not courses:
            return None
        url = reverse("intervision:session_detail", args=[session.pk])
        target = EvaluationTarget(kind, item_key, session.title, courses[0], url, session)
    else:
        return None
    target.asking = evaluation_course(target.course)
    return target if target.questions else None


def evaluation_refusal(*, user, target):
    """Why this person cannot evaluate this item now, in their words; None when they can."""
    if Evaluation.objects.filter(user=user, kind=target.kind, item_key=target.item_key).exists():
        return _("You already evaluated this. Thank you!")
    if target.kind == EvaluatedKind.MODULE:
        completed = ModuleProgress.objects.filter(
            user=user, module_key=target.item_key, status=ProgressStatus.COMPLETED
        )
        if not completed.exists():
            return _("You can evaluate this module once you have completed it.")
    if target.kind == EvaluatedKind.SESSION and not _took_part(user, target.session):
        return _("You can evaluate this session once you have taken part in it.")
    return None


def _took_part(user, session):
    if session.is_cancelled:
        return False
    signups = SignUp.objects.filter(session=session, user=user)
    if signups.filter(attendance__in=(Attendance.ATTENDED, Attendance.PARTLY)).exists():
        return True
    last_end = session.meetings.aggregate(last=Max("ends_at"))["last"]
    over = last_end is not None and last_end <= timezone.now()
    return over and signups.filter(status=SignUpStatus.CONFIRMED, attendance="").exists()


WAITING_SHOWN = 5


def evaluations_waiting(*, user, language):
    """What the learner may evaluate and has not yet, latest first (at most WAITING_SHOWN):
    completed modules and sessions taken part in, of courses that ask an evaluation. Whether
    a course asks is looked up once per course, so modules of courses that ask nothing cost
    no query each."""
    evaluated = Evaluation.objects.filter(user=user).values("item_key")
    completed = (
        ModuleProgress.objects.filter(user=user, status=ProgressStatus.COMPLETED)
        .exclude(module_key__in=evaluated)
        .order_by("-completed_at")
        .values_list("module_key", "enrolment__course_key")[:50]
    )
    asks = {}  # {course key: whether the course asks an evaluation}
    waiting = []
    for key, course_key in completed:
        if course_key not in asks:
            versions = _in_language(CoursePage.objects.filter(translation_key=course_key), language)
            asks[course_key] = bool(
                versions and evaluation_course(versions[0]).evaluation_questions
            )
        if not asks[course_key]:
            continue
        target = evaluation_target(kind=EvaluatedKind.MODULE, item_key=key, language=language)
        if target is not None:
            waiting.append(target)
        if len(waiting) == WAITING_SHOWN:
            return waiting
    sessions = (
        SignUp.objects.filter(
            user=user,
            attendance__in=(Attendance.ATTENDED, Attendance.PARTLY),
            session__course__isnull=False,
            session__cancelled_at__isnull=True,
        )
        .exclude(session__uid__in=evaluated)
        .order_by("-pk")
        .values_list("session__uid", flat=True)[:WAITING_SHOWN]
    )
    for uid in sessions:
        target = evaluation_target(kind=EvaluatedKind.SESSION, item_key=uid, language=language)
        if target is not None and len(waiting) < WAITING_SHOWN:
            waiting.append(target)
    return waiting
