"""Places and the waiting list: sign up, cancel, offers, erasure (see the package's docstring
for the rules and the lock)."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..models import ACTIVE_STATUSES, HOLDING_STATUSES, IntervisionSession, SignUp, SignUpStatus
from ..notifications import Notice
from .rules import SignUpRefused, signup_problem


def session_locked(session_id):
    session = IntervisionSession.objects.select_for_update().filter(pk=session_id).first()
    if session is None:
        raise SignUpRefused(_("This session does not exist."))
    return session


def has_room(session):
    if session.max_places is None:
        return True
    taken = SignUp.objects.filter(session=session, status__in=HOLDING_STATUSES).count()
    return taken < session.max_places


def own_signup(signup_id, user):
    """The person's own sign-up, or a refusal that does not tell whose another one is."""
    signup = (
        SignUp.objects.filter(pk=signup_id, user=user).first() if user.is_authenticated else None
    )
    if signup is None:
        raise SignUpRefused(_("This sign-up does not exist."))
    return signup


def relocked(signup):
    """Lock the session of `signup`, then read the sign-up again: it may have moved meanwhile."""
    session = session_locked(signup.session_id)
    signup.refresh_from_db()
    signup.session = session
    return session, signup


def not_started(session, now):
    first_start = session.first_start
    if session.is_cancelled:
        raise SignUpRefused(_("This session has been cancelled."))
    if first_start is not None and first_start <= now:
        raise SignUpRefused(_("The session has started; sign-ups can no longer change."))


def signup_create(*, session_id, user, confidentiality_accepted=False):
    """Sign `user` up: confirmed while a place is free, else on the waiting list.

    Who may sign up (dates, municipalities, sectors, modules completed) is checked before the
    lock, so that the lock is held only for what places depend on: a burst of sign-ups queues
    at the lock for a few queries each, not for the whole check.
    """
    session = IntervisionSession.objects.filter(pk=session_id).first()
    if session is None:
        raise SignUpRefused(_("This session does not exist."))
    problem = signup_problem(session=session, user=user)
    if problem:
        raise SignUpRefused(problem)
    if session.confidentiality_text and not confidentiality_accepted:
        raise SignUpRefused(_("Accept the confidentiality agreement to sign up."))
    return _signup_take_turn(session_id, user)


@transaction.atomic
def _signup_take_turn(session_id, user):
    session = session_locked(session_id)
    # Read the clock once the lock is held: queued_at is the waiting list's order.
    now = timezone.now()
    # What may have changed since the checks above (the row is locked now).
    if session.is_cancelled:
        raise SignUpRefused(_("This session has been cancelled."))
    if now >= session.signup_closes_at:
        raise SignUpRefused(_("Sign-up for this session has closed."))
    if SignUp.objects.filter(session=session, user=user, status__in=ACTIVE_STATUSES).exists():
        raise SignUpRefused(_("You are already signed up for this session."))
    confirmed = has_room(session)
    try:
        with transaction.atomic():
            signup = SignUp.objects.create(
                session=session,
                user=user,
                status=SignUpStatus.CONFIRMED if confirmed else SignUpStatus.WAITLISTED,
                queued_at=now,
                confirmed_at=now if confirmed else None,
                confidentiality_accepted_at=now if session.confidentiality_text else None,
                municipality_id=user.municipality_id,
                sector_id=user.sector_id,
            )
    except IntegrityError:  # the database's own guard against a double sign-up
        raise SignUpRefused(_("You are already signed up for this session.")) from None
    notifications.notify(signup, Notice.CONFIRMED if confirmed else Notice.WAITLISTED)
    return signup


@transaction.atomic
def signup_cancel(*, signup_id, user):
    now = timezone.now()
    session, signup = relocked(own_signup(signup_id, user))
    if signup.status == SignUpStatus.CANCELLED:
        raise SignUpRefused(_("This sign-up was already cancelled."))
    not_started(session, now)
    held_a_place = signup.status in HOLDING_STATUSES
    cancel_signup(signup, now)
    notifications.notify(signup, Notice.CANCELLED)
    if held_a_place:
        place_freed(session, now)
    return signup


def cancel_signup(signup, now):
    signup.status = SignUpStatus.CANCELLED
    signup.cancelled_at = now
    signup.offered_until = None
    signup.sequence += 1
    signup.save(update_fields=["status", "cancelled_at", "offered_until", "sequence"])


def confirm_signup(signup, now):
    signup.status = SignUpStatus.CONFIRMED
    signup.confirmed_at = now
    signup.offered_until = None
    signup.sequence += 1
    signup.save(update_fields=["status", "confirmed_at", "offered_until", "sequence"])


def place_freed(session, now):
    """Before the cut-off, the first person waiting gets the place (or an offer of it)."""
    if now >= session.cancellation_cutoff_at or not has_room(session):
        return None
    waiting = (
        SignUp.objects.filter(session=session, status=SignUpStatus.WAITLISTED)
        .order_by("queued_at", "pk")
        .first()
    )
    if waiting is None:
        return None
    waiting.session = session
    if session.offer_hours == 0:
        confirm_signup(waiting, now)
        notifications.notify(waiting, Notice.PROMOTED)
        return waiting
    waiting.status = SignUpStatus.OFFERED
    waiting.offered_until = now + timedelta(hours=session.offer_hours)
    waiting.sequence += 1
    waiting.save(update_fields=["status", "offered_until", "sequence"])
    notifications.notify(waiting, Notice.OFFERED)
    return waiting


@transaction.atomic
def places_refill(*, session_id):
    """The maximum was raised: before the cut-off, people waiting move up into the new places
    (or are offered them), first in line first. Returns how many moved."""
    session = session_locked(session_id)
    now = timezone.now()
    first_start = session.first_start
    if session.is_cancelled or (first_start is not None and first_start <= now):
        return 0
    moved = 0
    while place_freed(session, now) is not None:
        moved += 1
    return moved


@transaction.atomic
def signup_offer_accept(*, signup_id, user):
    now = timezone.now()
    session, signup = relocked(own_signup(signup_id, user))
    not_started(session, now)
    if signup.status != SignUpStatus.OFFERED or signup.offered_until <= now:
        raise SignUpRefused(_("This place is no longer offered to you."))
    confirm_signup(signup, now)
    notifications.notify(signup, Notice.PROMOTED)
    return signup


def offers_expire(*, now=None):
    """Offers not taken in time are passed on (beat schedule). Returns how many lapsed."""
    now = now or timezone.now()
    lapsed = SignUp.objects.filter(status=SignUpStatus.OFFERED, offered_until__lte=now)
    count = 0
    for signup_id, session_id in lapsed.values_list("pk", "session_id"):
        count += _offer_lapse(signup_id, session_id, now)
    return count


@transaction.atomic
def _offer_lapse(signup_id, session_id, now):
    session = session_locked(session_id)
    signup = SignUp.objects.filter(
        pk=signup_id, status=SignUpStatus.OFFERED, offered_until__lte=now
    ).first()
    if signup is None:  # accepted or passed on meanwhile
        return 0
    signup.session = session
    cancel_signup(signup, now)
    notifications.notify(signup, Notice.OFFER_LAPSED)
    place_freed(session, now)
    return 1


def signups_release(*, user):
    """Before an account is erased: its places go to the people waiting, as on a cancellation.

    The rows stay without the person (the foreign key is set to null), with the municipality and
    sector of the time, for attendance statistics. No message goes to the erased person.
    """
    now = timezone.now()
    for signup in SignUp.objects.filter(user=user, status__in=ACTIVE_STATUSES):
        with transaction.atomic():
            session = session_locked(signup.session_id)
            signup.refresh_from_db()
            if signup.status not in ACTIVE_STATUSES:
                continue
            held_a_place = signup.status in HOLDING_STATUSES
            cancel_signup(signup, now)
            started = session.first_start is not None and session.first_start <= now
            if held_a_place and not session.is_cancelled and not started:
                place_freed(session, now)
