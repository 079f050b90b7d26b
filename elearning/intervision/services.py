"""The sign-up engine: places, the waiting list, offers, substitutes, attendance.

Every change that moves a place happens inside a transaction that first locks the session row
(SELECT ... FOR UPDATE on PostgreSQL; SQLite runs every transaction as BEGIN IMMEDIATE, one
writer at a time, see settings/base.py), then counts. So two people can never take the last
place, and the waiting list's order is the order in which sign-ups got the lock.

Rules:
- A sign-up is confirmed while a place is free, else it joins the waiting list.
- Before the cancellation cut-off a freed place goes to the first person on the waiting list:
  at once when the session's offer_hours is 0, else as an offer held for that many hours,
  then passed on (offers_expire). After the cut-off the facilitator decides (signup_promote).
- One active sign-up per person per session (also a unique constraint in the database).
- A confirmed person may hand their place to a colleague of the same organisation.
Each refusal raises SignUpRefused with a message for the person; nothing is changed then.
Messages (with calendar invites) leave after the commit, through notifications.py.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from elearning.accounts.roles import MODERATORS
from elearning.learners.models import ModuleProgress, ProgressStatus

from .models import (
    ACTIVE_STATUSES,
    HOLDING_STATUSES,
    Attendance,
    IntervisionSession,
    SignUp,
    SignUpStatus,
)
from .notifications import Notice, notify


class SignUpRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Who may do what ------------------------------------------------------------------------


def session_manageable_by(session, user):
    """The facilitator of the session, editors (Moderators) and administrators."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or session.facilitator_id == user.pk:
        return True
    return user.groups.filter(name=MODERATORS).exists()


def signup_problem(*, session, user, now=None):
    """Why `user` cannot sign up for `session` now, in words for them; None if they can."""
    now = now or timezone.now()
    first_start = session.first_start
    if session.is_cancelled:
        return _("This session has been cancelled.")
    if first_start is None or first_start <= now:
        return _("This session has already started or taken place.")
    if now < session.signup_opens_at:
        opens = formats.date_format(timezone.localtime(session.signup_opens_at), "DATETIME_FORMAT")
        return _("Sign-up opens on %(date)s.") % {"date": opens}
    if now >= session.signup_closes_at:
        return _("Sign-up for this session has closed.")
    return _eligibility_problem(session, user)


def _eligibility_problem(session, user):
    municipalities = list(session.municipalities.all())
    if municipalities and user.municipality_id not in {m.pk for m in municipalities}:
        names = ", ".join(sorted(m.name for m in municipalities))
        return _("This session is for professionals of %(names)s.") % {"names": names}
    sectors = list(session.sectors.all())
    if sectors and user.sector_id not in {s.pk for s in sectors}:
        names = ", ".join(sorted(str(s) for s in sectors))
        return _("This session is for professionals in %(names)s.") % {"names": names}
    missing = prerequisites_missing(session=session, user=user)
    if missing:
        titles = ", ".join(module.title for module in missing)
        return _("Complete these modules first: %(titles)s.") % {"titles": titles}
    return None


def prerequisites_missing(*, session, user):
    """The prerequisite modules the person has not completed (in any language)."""
    modules = list(session.prerequisite_modules.all())
    if not modules:
        return []
    completed = set(
        ModuleProgress.objects.filter(
            user=user,
            status=ProgressStatus.COMPLETED,
            module_key__in=[module.translation_key for module in modules],
        ).values_list("module_key", flat=True)
    )
    return [module for module in modules if module.translation_key not in completed]


# --- The engine -----------------------------------------------------------------------------


def _session_locked(session_id):
    session = IntervisionSession.objects.select_for_update().filter(pk=session_id).first()
    if session is None:
        raise SignUpRefused(_("This session does not exist."))
    return session


def _has_room(session):
    if session.max_places is None:
        return True
    taken = SignUp.objects.filter(session=session, status__in=HOLDING_STATUSES).count()
    return taken < session.max_places


def _own_signup(signup_id, user):
    """The person's own sign-up, or a refusal that does not tell whose another one is."""
    signup = (
        SignUp.objects.filter(pk=signup_id, user=user).first() if user.is_authenticated else None
    )
    if signup is None:
        raise SignUpRefused(_("This sign-up does not exist."))
    return signup


def _relocked(signup):
    """Lock the session of `signup`, then read the sign-up again: it may have moved meanwhile."""
    session = _session_locked(signup.session_id)
    signup.refresh_from_db()
    signup.session = session
    return session, signup


def _not_started(session, now):
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
    session = _session_locked(session_id)
    # Read the clock once the lock is held: queued_at is the waiting list's order.
    now = timezone.now()
    # What may have changed since the checks above (the row is locked now).
    if session.is_cancelled:
        raise SignUpRefused(_("This session has been cancelled."))
    if now >= session.signup_closes_at:
        raise SignUpRefused(_("Sign-up for this session has closed."))
    if SignUp.objects.filter(session=session, user=user, status__in=ACTIVE_STATUSES).exists():
        raise SignUpRefused(_("You are already signed up for this session."))
    confirmed = _has_room(session)
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
    notify(signup, Notice.CONFIRMED if confirmed else Notice.WAITLISTED)
    return signup


@transaction.atomic
def signup_cancel(*, signup_id, user):
    now = timezone.now()
    session, signup = _relocked(_own_signup(signup_id, user))
    if signup.status == SignUpStatus.CANCELLED:
        raise SignUpRefused(_("This sign-up was already cancelled."))
    _not_started(session, now)
    held_a_place = signup.status in HOLDING_STATUSES
    _cancel(signup, now)
    notify(signup, Notice.CANCELLED)
    if held_a_place:
        _place_freed(session, now)
    return signup


def _cancel(signup, now):
    signup.status = SignUpStatus.CANCELLED
    signup.cancelled_at = now
    signup.offered_until = None
    signup.sequence += 1
    signup.save(update_fields=["status", "cancelled_at", "offered_until", "sequence"])


def _confirm(signup, now):
    signup.status = SignUpStatus.CONFIRMED
    signup.confirmed_at = now
    signup.offered_until = None
    signup.sequence += 1
    signup.save(update_fields=["status", "confirmed_at", "offered_until", "sequence"])


def _place_freed(session, now):
    """Before the cut-off, the first person waiting gets the place (or an offer of it)."""
    if now >= session.cancellation_cutoff_at or not _has_room(session):
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
        _confirm(waiting, now)
        notify(waiting, Notice.PROMOTED)
        return waiting
    waiting.status = SignUpStatus.OFFERED
    waiting.offered_until = now + timedelta(hours=session.offer_hours)
    waiting.sequence += 1
    waiting.save(update_fields=["status", "offered_until", "sequence"])
    notify(waiting, Notice.OFFERED)
    return waiting


@transaction.atomic
def places_refill(*, session_id):
    """The maximum was raised: before the cut-off, people waiting move up into the new places
    (or are offered them), first in line first. Returns how many moved."""
    session = _session_locked(session_id)
    now = timezone.now()
    first_start = session.first_start
    if session.is_cancelled or (first_start is not None and first_start <= now):
        return 0
    moved = 0
    while _place_freed(session, now) is not None:
        moved += 1
    return moved


@transaction.atomic
def signup_offer_accept(*, signup_id, user):
    now = timezone.now()
    session, signup = _relocked(_own_signup(signup_id, user))
    _not_started(session, now)
    if signup.status != SignUpStatus.OFFERED or signup.offered_until <= now:
        raise SignUpRefused(_("This place is no longer offered to you."))
    _confirm(signup, now)
    notify(signup, Notice.PROMOTED)
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
    session = _session_locked(session_id)
    signup = SignUp.objects.filter(
        pk=signup_id, status=SignUpStatus.OFFERED, offered_until__lte=now
    ).first()
    if signup is None:  # accepted or passed on meanwhile
        return 0
    signup.session = session
    _cancel(signup, now)
    notify(signup, Notice.OFFER_LAPSED)
    _place_freed(session, now)
    return 1


@transaction.atomic
def signup_substitute(*, signup_id, user, colleague_email):
    """Hand a confirmed place to a colleague of the same organisation and municipality."""
    now = timezone.now()
    session, signup = _relocked(_own_signup(signup_id, user))
    _not_started(session, now)
    if signup.status != SignUpStatus.CONFIRMED:
        raise SignUpRefused(_("Only a confirmed place can be handed to a colleague."))
    colleague = _colleague(user, colleague_email)
    problem = _eligibility_problem(session, colleague)
    if problem:
        raise SignUpRefused(
            _("Your colleague cannot take this place: %(reason)s") % {"reason": problem}
        )
    if SignUp.objects.filter(session=session, user=colleague, status__in=ACTIVE_STATUSES).exists():
        raise SignUpRefused(_("Your colleague is already signed up for this session."))
    _cancel(signup, now)
    substitute = SignUp.objects.create(
        session=session,
        user=colleague,
        status=SignUpStatus.CONFIRMED,
        queued_at=signup.queued_at,
        confirmed_at=now,
        substitute_for=signup,
        municipality_id=colleague.municipality_id,
        sector_id=colleague.sector_id,
    )
    notify(signup, Notice.CANCELLED)
    notify(substitute, Notice.SUBSTITUTE)
    return substitute


def _colleague(user, email):
    """The colleague's account; one message whether it is missing or elsewhere (no probing)."""
    organisation = (user.organisation or "").strip().casefold()
    colleague = (
        get_user_model()
        .objects.filter(email__iexact=(email or "").strip(), is_active=True)
        .exclude(pk=user.pk)
        .first()
    )
    if (
        colleague is None
        or not organisation
        or (colleague.organisation or "").strip().casefold() != organisation
        or colleague.municipality_id != user.municipality_id
    ):
        raise SignUpRefused(
            _(
                "Your place can go only to a colleague with an account on this platform, in "
                "the same organisation and municipality as in your profile."
            )
        )
    return colleague


# --- The facilitator ------------------------------------------------------------------------


def _managed_signup(signup_id, by):
    signup = SignUp.objects.select_related("session").filter(pk=signup_id).first()
    if signup is None or not session_manageable_by(signup.session, by):
        raise SignUpRefused(_("This sign-up does not exist."))
    return signup


@transaction.atomic
def signup_promote(*, signup_id, by):
    """The facilitator gives a free place to someone waiting (after the cut-off, say)."""
    now = timezone.now()
    session, signup = _relocked(_managed_signup(signup_id, by))
    _not_started(session, now)
    if signup.status not in (SignUpStatus.WAITLISTED, SignUpStatus.OFFERED):
        raise SignUpRefused(_("Only someone on the waiting list can be given a place."))
    if signup.status == SignUpStatus.WAITLISTED and not _has_room(session):
        raise SignUpRefused(_("No place is free; the session is full."))
    _confirm(signup, now)
    notify(signup, Notice.PROMOTED)
    return signup


@transaction.atomic
def attendance_mark(*, signup_id, by, attendance):
    signup = _managed_signup(signup_id, by)
    if attendance not in Attendance.values and attendance != "":
        raise SignUpRefused(_("Choose attended, partly attended or did not come."))
    if signup.status != SignUpStatus.CONFIRMED:
        raise SignUpRefused(_("Attendance is kept for confirmed participants only."))
    first_start = signup.session.first_start
    if first_start is None or first_start > timezone.now():
        raise SignUpRefused(_("Attendance can be marked once the session has started."))
    SignUp.objects.filter(pk=signup.pk).update(attendance=attendance)
    signup.attendance = attendance
    return signup


@transaction.atomic
def session_changed(*, session_id):
    """Date, place or link changed: everyone signed up gets the updated invite."""
    session = _session_locked(session_id)
    IntervisionSession.objects.filter(pk=session.pk).update(sequence=F("sequence") + 1)
    session.refresh_from_db()
    for signup in session.signups.filter(status__in=ACTIVE_STATUSES):
        signup.session = session
        notify(signup, Notice.CHANGED)


@transaction.atomic
def session_cancel(*, session_id, by):
    session = _session_locked(session_id)
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
        _cancel(signup, now)
        notify(signup, Notice.SESSION_CANCELLED)
    return session


def signups_release(*, user):
    """Before an account is erased: its places go to the people waiting, as on a cancellation.

    The rows stay without the person (the foreign key is set to null), with the municipality and
    sector of the time, for attendance statistics. No message goes to the erased person.
    """
    now = timezone.now()
    for signup in SignUp.objects.filter(user=user, status__in=ACTIVE_STATUSES):
        with transaction.atomic():
            session = _session_locked(signup.session_id)
            signup.refresh_from_db()
            if signup.status not in ACTIVE_STATUSES:
                continue
            held_a_place = signup.status in HOLDING_STATUSES
            _cancel(signup, now)
            started = session.first_start is not None and session.first_start <= now
            if held_a_place and not session.is_cancelled and not started:
                _place_freed(session, now)
