"""What the facilitator does: give a place, mark attendance, change or cancel the session."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..models import (
    ACTIVE_STATUSES,
    HOLDING_STATUSES,
    Attendance,
    IntervisionSession,
    SignUp,
    SignUpStatus,
)
from ..notifications import Notice
from .places import cancel_signup, confirm_signup, has_room, not_started, relocked, session_locked
from .rules import SignUpRefused, session_manageable_by


def _managed_signup(signup_id, by):
    signup = SignUp.objects.select_related("session").filter(pk=signup_id).first()
    if signup is None or not session_manageable_by(signup.session, by):
        raise SignUpRefused(_("This sign-up does not exist."))
    return signup


@transaction.atomic
def signup_promote(*, signup_id, by):
    """The facilitator gives a free place to someone waiting (after the cut-off, say)."""
    now = timezone.now()
    session, signup = relocked(_managed_signup(signup_id, by))
    not_started(session, now)
    if signup.status not in (SignUpStatus.WAITLISTED, SignUpStatus.OFFERED):
        raise SignUpRefused(_("Only someone on the waiting list can be given a place."))
    if signup.status == SignUpStatus.WAITLISTED and not has_room(session):
        raise SignUpRefused(_("No place is free; the session is full."))
    confirm_signup(signup, now)
    notifications.notify(signup, Notice.PROMOTED)
    return signup


@transaction.atomic
def attendance_mark_all(*, session_id, by, marks):
    """Attendance of the session's confirmed participants in one save, `marks` being
    {sign-up id: attendance or ""}. All or nothing: one sign-up that is not a confirmed
    participant of this session, or one unknown value, refuses the whole form. Returns how
    many sign-ups changed."""
    session = IntervisionSession.objects.filter(pk=session_id).first()
    if session is None or not session_manageable_by(session, by):
        raise SignUpRefused(_("This session does not exist."))
    first_start = session.first_start
    if first_start is None or first_start > timezone.now():
        raise SignUpRefused(_("Attendance can be marked once the session has started."))
    if any(value not in Attendance.values and value != "" for value in marks.values()):
        raise SignUpRefused(_("Choose attended, partly attended or did not come."))
    signups = {
        signup.pk: signup
        for signup in SignUp.objects.select_for_update()
        .filter(session=session, status=SignUpStatus.CONFIRMED, pk__in=list(marks))
        .order_by("pk")
    }
    if set(signups) != set(marks):
        raise SignUpRefused(
            _(
                "This form lists someone who is not a confirmed participant of this session. "
                "Nothing was saved."
            )
        )
    changed = [signup for pk, signup in signups.items() if signup.attendance != marks[pk]]
    for signup in changed:
        signup.attendance = marks[signup.pk]
    SignUp.objects.bulk_update(changed, ["attendance"])
    return len(changed)


@transaction.atomic
def session_places_check(*, session_id, max_places):
    """Before a new maximum is saved: lock the session as a sign-up does and count the places
    taken under the lock, so no sign-up slips in between the count and the save. A maximum
    below them is refused: nobody loses a place they hold. Returns the session as stored (the
    lock lasts until the caller's transaction ends)."""
    session = session_locked(session_id)
    if max_places is None:
        return session
    taken = SignUp.objects.filter(session=session, status__in=HOLDING_STATUSES).count()
    if max_places < taken:
        raise SignUpRefused(
            _("Places already taken: %(taken)s. The maximum cannot be lower.") % {"taken": taken}
        )
    return session


@transaction.atomic
def session_changed(*, session_id):
    """Date, place or link changed: everyone signed up gets the updated invite."""
    session = session_locked(session_id)
    IntervisionSession.objects.filter(pk=session.pk).update(sequence=F("sequence") + 1)
    session.refresh_from_db()
    for signup in session.signups.filter(status__in=ACTIVE_STATUSES):
        signup.session = session
        notifications.notify(signup, Notice.CHANGED)


@transaction.atomic
def session_cancel(*, session_id, by):
    session = session_locked(session_id)
    if not session_manageable_by(session, by):
        raise SignUpRefused(_("This session does not exist."))
    if session.is_cancelled:
        raise SignUpRefused(_("This session has been cancelled."))
    now = timezone.now()
    session.cancelled_at = now
    session.sequence += 1
    session.save(update_fields=["cancelled_at", "sequence"])
    for signup in session.signups.filter(status__in=ACTIVE_STATUSES):
        signup.session = session
        cancel_signup(signup, now)
        notifications.notify(signup, Notice.SESSION_CANCELLED)
    return session
