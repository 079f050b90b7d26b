"""Reads of intervision for pages: the agenda, one session as a person sees it, "my sessions"."""

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from elearning.accounts.roles import MODERATORS

from .models import ACTIVE_STATUSES, HOLDING_STATUSES, IntervisionSession, SignUp, SignUpStatus


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
    return {"coming": coming, "earlier": list(reversed(earlier))}


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
        }
        for signup in rows
    ]
