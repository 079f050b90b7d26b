"""Handing a confirmed place to a colleague: an offer the colleague accepts or declines.

The person who gives the place (the giver) must learn nothing about the colleague:
- Whatever address the giver types (unknown, another organisation or municipality, not
  eligible for the session, already holding a place in it), the answer and the page are the
  same, and nothing changes but the giver's own count of requests. Only a colleague who can take
  the place gets an offer, by mail and under "My sessions": an active account of the same
  organisation and municipality, eligible for the session, without a place in it (someone on
  its waiting list can take it).
- At most HANDOVER_REQUESTS_MAX requests per sign-up, whatever the addresses: this caps the
  mails one person can have sent. One offer per place is open at a time; a newer request
  replaces it.
- The place stays the giver's until the colleague accepts. Accepting locks the session and
  checks again that the giver still holds the place (so the number of places taken does not
  change) and that the colleague may take it; then the giver's sign-up ends and the colleague's
  is confirmed (someone on the waiting list moves off it). Both get a message; the colleague's
  carries the calendar invite, the giver's removes the dates.
- A declined or lapsed offer leaves the place with the giver, who is told neither: that would
  say that the address reached someone who could have taken the place.
- An offer lapses after HANDOVER_HOURS, at the first date at the latest (handovers_expire, on
  the offers sweep), and as soon as the giver's place ends.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import notifications
from ..models import (
    ACTIVE_STATUSES,
    HOLDING_STATUSES,
    HandoverStatus,
    PlaceHandover,
    SignUp,
    SignUpStatus,
)
from ..notifications import Notice
from .places import cancel_signup, confirm_signup, not_started, own_signup, relocked, session_locked
from .rules import SignUpRefused, eligibility_problem

HANDOVER_HOURS = 48
HANDOVER_REQUESTS_MAX = 5


def _email_checked(email):
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise SignUpRefused(
            _("Enter your colleague's email address, for example name@example.org.")
        ) from None
    return email


@transaction.atomic
def handover_offer(*, signup_id, user, colleague_email):
    """Offer the person's confirmed place to the colleague at `colleague_email`, if they can
    take it. Returns nothing: the giver is told the same whoever the address belongs to."""
    email = _email_checked(colleague_email)
    now = timezone.now()
    session, signup = relocked(own_signup(signup_id, user))
    not_started(session, now)
    if signup.status != SignUpStatus.CONFIRMED:
        raise SignUpRefused(_("Only a confirmed place can be handed to a colleague."))
    if signup.handover_requests >= HANDOVER_REQUESTS_MAX:
        raise SignUpRefused(
            ngettext(
                "You cannot hand this place over again: you already asked %(count)d time.",
                "You cannot hand this place over again: you already asked %(count)d times.",
                HANDOVER_REQUESTS_MAX,
            )
            % {"count": HANDOVER_REQUESTS_MAX}
        )
    SignUp.objects.filter(pk=signup.pk).update(handover_requests=F("handover_requests") + 1)
    colleague = _colleague_who_can_take(signup, email)
    if colleague is None:
        return
    signup.handovers.filter(status=HandoverStatus.OPEN).update(
        status=HandoverStatus.LAPSED, decided_at=now
    )
    first_start = session.first_start
    until = now + timedelta(hours=HANDOVER_HOURS)
    handover = PlaceHandover.objects.create(
        signup=signup,
        colleague=colleague,
        created_at=now,
        offered_until=min(until, first_start) if first_start else until,
    )
    notifications.notify_handover(handover)


def _colleague_who_can_take(signup, email):
    """The colleague's account if they can take the place; else None, for whatever reason."""
    giver, session = signup.user, signup.session
    organisation = (giver.organisation or "").strip().casefold()
    colleague = (
        get_user_model()
        .objects.filter(email__iexact=email, is_active=True)
        .exclude(pk=giver.pk)
        .first()
    )
    if (
        colleague is None
        or not organisation
        or (colleague.organisation or "").strip().casefold() != organisation
        or colleague.municipality_id != giver.municipality_id
        or eligibility_problem(session, colleague)
        or SignUp.objects.filter(
            session=session, user=colleague, status__in=HOLDING_STATUSES
        ).exists()
    ):
        return None
    return colleague


def _own_handover(handover_id, user):
    """The offer made to `user`, or a refusal that does not tell whose another one is."""
    handover = (
        PlaceHandover.objects.filter(pk=handover_id, colleague=user).first()
        if user.is_authenticated
        else None
    )
    if handover is None:
        raise SignUpRefused(_("This offer does not exist."))
    return handover


def _still_open(handover, now):
    """The offer and the giver's place, read again under the session lock; refused if either
    moved on meanwhile (accepted or declined before, lapsed, the giver cancelled)."""
    session = session_locked(handover.signup.session_id)
    handover = PlaceHandover.objects.select_for_update().get(pk=handover.pk)
    giver = SignUp.objects.get(pk=handover.signup_id)
    giver.session = session
    if (
        handover.status != HandoverStatus.OPEN
        or handover.offered_until <= now
        or giver.status != SignUpStatus.CONFIRMED
    ):
        raise SignUpRefused(_("This place is no longer offered to you."))
    not_started(session, now)
    return session, handover, giver


@transaction.atomic
def handover_accept(*, handover_id, user, confidentiality_accepted=False):
    """The colleague takes the place: theirs is confirmed, the giver's ends."""
    now = timezone.now()
    session, handover, giver = _still_open(_own_handover(handover_id, user), now)
    problem = eligibility_problem(session, user)
    if problem:
        raise SignUpRefused(problem)
    if session.confidentiality_text and not confidentiality_accepted:
        raise SignUpRefused(_("Accept the confidentiality agreement to take the place."))
    mine = SignUp.objects.filter(session=session, user=user, status__in=ACTIVE_STATUSES).first()
    if mine is not None and mine.status in HOLDING_STATUSES:
        raise SignUpRefused(_("You already have a place in this session."))
    cancel_signup(giver, now)
    substitute = _place_taken_over(giver, user, mine, now)
    handover.status, handover.decided_at = HandoverStatus.ACCEPTED, now
    handover.save(update_fields=["status", "decided_at"])
    notifications.notify(giver, Notice.HANDED_OVER)
    notifications.notify(substitute, Notice.SUBSTITUTE)
    return substitute


def _place_taken_over(giver, colleague, waiting, now):
    """The colleague's confirmed sign-up, in the giver's stead: their own if they were waiting
    (they leave the waiting list), else a new one that keeps the giver's turn."""
    session = giver.session
    accepted_at = now if session.confidentiality_text else None
    if waiting is None:
        return SignUp.objects.create(
            session=session,
            user=colleague,
            status=SignUpStatus.CONFIRMED,
            queued_at=giver.queued_at,
            confirmed_at=now,
            confidentiality_accepted_at=accepted_at,
            substitute_for=giver,
            municipality_id=colleague.municipality_id,
            sector_id=colleague.sector_id,
        )
    waiting.session = session
    waiting.substitute_for = giver
    waiting.confidentiality_accepted_at = accepted_at or waiting.confidentiality_accepted_at
    waiting.save(update_fields=["substitute_for", "confidentiality_accepted_at"])
    confirm_signup(waiting, now)
    return waiting


@transaction.atomic
def handover_decline(*, handover_id, user):
    """The colleague says no: the place stays the giver's (who is not told)."""
    now = timezone.now()
    _session, handover, _giver = _still_open(_own_handover(handover_id, user), now)
    handover.status, handover.decided_at = HandoverStatus.DECLINED, now
    handover.save(update_fields=["status", "decided_at"])
    return handover


def handovers_expire(*, now=None):
    """Close the offers not accepted in time, or whose place has ended (the offers sweep).

    Nothing else changes: the place was the giver's all along. Returns how many lapsed.
    """
    now = now or timezone.now()
    stale = PlaceHandover.objects.filter(status=HandoverStatus.OPEN).filter(
        Q(offered_until__lte=now)
        | ~Q(signup__status=SignUpStatus.CONFIRMED)
        | Q(signup__session__cancelled_at__isnull=False)
    )
    return PlaceHandover.objects.filter(
        pk__in=list(stale.values_list("pk", flat=True)), status=HandoverStatus.OPEN
    ).update(status=HandoverStatus.LAPSED, decided_at=now)
