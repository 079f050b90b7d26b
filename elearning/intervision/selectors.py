"""Reads of intervision for pages: the agenda, one session as a person sees it, "my sessions"."""

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from elearning.accounts.roles import MODERATORS

from .models import (
    ACTIVE_STATUSES,
    HOLDING_STATUSES,
    HandoverStatus,
    IntervisionSession,
    PlaceHandover,
    SignUp,
    SignUpStatus,
)


def sessions_with_places(sessions):
    """Sessions with their first date, end of the last date, places taken and people waiting."""
    return sessions.annotate(
        first_meeting_at=Min("meetings__starts_at"),
        last_meeting_ends_at=Max("meetings__ends_at"),
        places_taken=Count(
            "signups", filter=Q(signups__status__in=HOLDING_STATUSES), distinct=True
        ),
        waiting=Count("signups", filter=Q(signups__status=SignUpStatus.WAITLISTED), distinct=True),
    )


def sessions_manageable_by(user):
    """The sessions a person runs in the admin (same rule as services.session_manageable_by)."""
    sessions = IntervisionSession.objects.all()
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return sessions
    return sessions.filter(facilitator_id=user.pk)


def agenda_sessions(*, theme_id=None, now=None):
    """Sessions to come (not cancelled), soonest first, with places taken and waiting."""
    now = now or timezone.now()
    sessions = sessions_with_places(IntervisionSession.objects.filter(cancelled_at__isnull=True))
    sessions = sessions.filter(first_meeting_at__gt=now)
    if theme_id:
        sessions = sessions.filter(theme_id=theme_id)
    return (
        sessions.select_related("theme")
        .prefetch_related("meetings")
        .order_by("first_meeting_at", "pk")
    )


def course_sessions(*, course, now=None):
    """Sessions to come linked to a course (in any of its languages)."""
    now = now or timezone.now()
    return agenda_sessions(now=now).filter(course__translation_key=course.translation_key)


COURSE_SESSIONS = 5  # intervision sessions to come listed on a course page


def course_page_context(*, page, request, context):
    """What a course page shows of intervision: its next sessions (courses/page_context.py)."""
    return {"intervision_sessions": list(course_sessions(course=page)[:COURSE_SESSIONS])}


def webinar_page_context(*, page, request, context):
    """The sign-up for a live webinar (made for any of its languages), if any, shown on its page
    until it starts (courses/page_context.py)."""
    registration = None
    if page.is_upcoming:
        registration = IntervisionSession.objects.filter(
            webinar__translation_key=page.translation_key, cancelled_at__isnull=True
        ).first()
    return {"registration": registration}


def places_left(session):
    """Free places, or None when the session has no limit (annotated sessions only)."""
    if session.max_places is None:
        return None
    return max(0, session.max_places - session.places_taken)


def waiting_position(signup):
    """1-based place on the waiting list (None when not waiting)."""
    if signup.status != SignUpStatus.WAITLISTED:
        return None
    ahead = SignUp.objects.filter(
        session_id=signup.session_id, status=SignUpStatus.WAITLISTED
    ).filter(Q(queued_at__lt=signup.queued_at) | Q(queued_at=signup.queued_at, pk__lt=signup.pk))
    return ahead.count() + 1


def active_signup(*, session, user):
    if not user.is_authenticated:
        return None
    return SignUp.objects.filter(session=session, user=user, status__in=ACTIVE_STATUSES).first()


def signup_cancellable(*, signup_id, user):
    """The person's own active sign-up with its session, or None (someone else's, unknown or
    already cancelled)."""
    if not user.is_authenticated:
        return None
    return (
        SignUp.objects.filter(pk=signup_id, user=user, status__in=ACTIVE_STATUSES)
        .select_related("session")
        .prefetch_related("session__meetings")
        .first()
    )


def my_signups(*, user, now=None):
    """The person's sign-ups: to come (active) and earlier ones, each with its session."""
    now = now or timezone.now()
    signups = (
        SignUp.objects.filter(user=user)
        .select_related("session")
        .prefetch_related("session__meetings")
        .annotate(first_meeting_at=Min("session__meetings__starts_at"))
        .order_by("first_meeting_at", "pk")
    )
    coming, earlier = [], []
    for signup in signups:
        is_coming = signup.first_meeting_at and signup.first_meeting_at > now
        if is_coming and signup.status in ACTIVE_STATUSES and not signup.session.is_cancelled:
            signup.position = waiting_position(signup)
            coming.append(signup)
        else:
            earlier.append(signup)
    return {
        "coming": coming,
        "earlier": list(reversed(earlier)),
        "handovers": list(handovers_open(user=user, now=now)),
    }


def handovers_open(*, user, now=None, session=None):
    """Places colleagues offer `user` that they can still accept, soonest first."""
    now = now or timezone.now()
    handovers = (
        PlaceHandover.objects.filter(
            colleague=user,
            status=HandoverStatus.OPEN,
            offered_until__gt=now,
            signup__status=SignUpStatus.CONFIRMED,
            signup__session__cancelled_at__isnull=True,
        )
        .select_related("signup__session", "signup__user")
        .prefetch_related("signup__session__meetings")
        .annotate(first_meeting_at=Min("signup__session__meetings__starts_at"))
        .filter(first_meeting_at__gt=now)
        .order_by("first_meeting_at", "pk")
    )
    if session is not None:
        handovers = handovers.filter(signup__session=session)
    return handovers


def handover_of(*, handover_id, user):
    """The offer made to `user` with this id (in any state), or None (someone else's, unknown)."""
    if not user.is_authenticated:
        return None
    return PlaceHandover.objects.filter(pk=handover_id, colleague=user).first()


def signups_export(*, user):
    """The person's sign-ups as JSON-ready data (GDPR right of access)."""
    rows = SignUp.objects.filter(user=user).select_related("session").order_by("queued_at", "pk")
    return [
        {
            "session": signup.session.title,
            "dates": [
                {"starts": meeting.starts_at.isoformat(), "ends": meeting.ends_at.isoformat()}
                for meeting in signup.session.meetings.all()
            ],
            "status": signup.status,
            "signed_up_at": signup.queued_at.isoformat(),
            "confirmed_at": signup.confirmed_at.isoformat() if signup.confirmed_at else None,
            "cancelled_at": signup.cancelled_at.isoformat() if signup.cancelled_at else None,
            "confidentiality_accepted_at": (
                signup.confidentiality_accepted_at.isoformat()
                if signup.confidentiality_accepted_at
                else None
            ),
            "attendance": signup.attendance,
            "requests_to_hand_over_the_place": signup.handover_requests,
        }
        for signup in rows
    ]


def handovers_export(*, user):
    """The places colleagues offered the person, and what became of each (right of access)."""
    rows = (
        PlaceHandover.objects.filter(colleague=user)
        .select_related("signup__session")
        .order_by("created_at", "pk")
    )
    return [
        {
            "session": handover.signup.session.title,
            "offered_at": handover.created_at.isoformat(),
            "offered_until": handover.offered_until.isoformat(),
            "status": handover.status,
            "decided_at": handover.decided_at.isoformat() if handover.decided_at else None,
        }
        for handover in rows
    ]
