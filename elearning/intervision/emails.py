"""The messages participants receive: one email per change of their sign-up, with its invite.

Discretion: a mailbox is read over shoulders and on shared screens, so a subject never names
the session, its theme or anything about violence, and the body opens with a neutral sentence
(inbox previews show the first line); the session itself is named further down.

Each message states what is true when it is sent. A notice the sign-up has already moved past
(a "confirmed" message still queued when the person cancelled) is dropped: the message about
the newer change follows and carries the newer invite.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from elearning.accounts.adapter import offered_language
from elearning.core.retries import mail_send
from elearning.core.sites import site_url

from . import calendar, selectors
from .models import (
    ACTIVE_STATUSES,
    HandoverStatus,
    Meeting,
    Mode,
    PlaceHandover,
    SignUp,
    SignUpStatus,
)
from .notifications import Notice
from .services.reminders import reminder_claim, reminder_release, reminder_sent_mark

logger = logging.getLogger(__name__)

# A reminder goes out once a date is this close.
REMINDER_AHEAD = timedelta(hours=24)

SUBJECTS = {
    Notice.CONFIRMED: _("Your place is confirmed"),
    Notice.WAITLISTED: _("Your registration"),
    Notice.OFFERED: _("A place is available for you"),
    Notice.PROMOTED: _("Your place is confirmed"),
    Notice.CANCELLED: _("Your registration is cancelled"),
    Notice.OFFER_LAPSED: _("Your registration"),
    Notice.SUBSTITUTE: _("Your place is confirmed"),
    Notice.HANDED_OVER: _("Your registration is cancelled"),
    Notice.CHANGED: _("Change to your appointment"),
    Notice.SESSION_CANCELLED: _("Change to your appointment"),
    Notice.REMINDER: _("Reminder"),
}

# The statuses in which each notice is still true when the message leaves.
STILL_TRUE = {
    Notice.CONFIRMED: {SignUpStatus.CONFIRMED},
    Notice.PROMOTED: {SignUpStatus.CONFIRMED},
    Notice.SUBSTITUTE: {SignUpStatus.CONFIRMED},
    Notice.REMINDER: {SignUpStatus.CONFIRMED},
    Notice.WAITLISTED: {SignUpStatus.WAITLISTED},
    Notice.OFFERED: {SignUpStatus.OFFERED},
    Notice.CANCELLED: {SignUpStatus.CANCELLED},
    Notice.OFFER_LAPSED: {SignUpStatus.CANCELLED},
    Notice.HANDED_OVER: {SignUpStatus.CANCELLED},
    Notice.SESSION_CANCELLED: {SignUpStatus.CANCELLED},
    Notice.CHANGED: set(ACTIVE_STATUSES),
}

# Notices whose invite removes the events from the person's calendar.
CANCELLING = {
    Notice.CANCELLED,
    Notice.OFFER_LAPSED,
    Notice.HANDED_OVER,
    Notice.SESSION_CANCELLED,
}
# The offer of a colleague's place: as discreet as the offer of a freed place.
HANDOVER_SUBJECT = _("A place is available for you")


# --- What the message says --------------------------------------------------------------------


def _moment(value):
    """A date and time as people read it in the active language: "dinsdag 10 maart 2026, 14:00"."""
    local = timezone.localtime(value)
    day = f"{formats.date_format(local, 'l')} {formats.date_format(local, 'DATE_FORMAT')}"
    return f"{day}, {formats.time_format(local, 'TIME_FORMAT')}"


def meeting_display(meeting):
    """One date of a session, with its hours: "dinsdag 10 maart 2026, 14:00–16:00"."""
    starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    if starts.date() != ends.date():
        return f"{_moment(starts)} – {_moment(ends)}"
    return f"{_moment(starts)}–{formats.time_format(ends, 'TIME_FORMAT')}"


def _context(signup, notice, meeting):
    session, user = signup.session, signup.user
    context = {
        "name": user.first_name,
        "session": session,
        "meetings": [
            meeting_display(each) for each in session.meetings.order_by("starts_at", "pk")
        ],
        "online": session.mode == Mode.ONLINE,
        "join_url": calendar.join_url_for(signup),
        "status": signup.status,
        "confirmed": signup.status == SignUpStatus.CONFIRMED,
        "cancelled": signup.status == SignUpStatus.CANCELLED or session.is_cancelled,
        "my_sessions_url": calendar.page_url("intervision:my_sessions") or site_url(),
    }
    if notice == Notice.WAITLISTED:
        context["position"] = selectors.waiting_position(signup)
    if notice == Notice.OFFERED and signup.offered_until:
        context["offered_until"] = _moment(signup.offered_until)
    if notice == Notice.SUBSTITUTE and signup.substitute_for_id:
        context["colleague"] = _name_of(signup.substitute_for.user)
    if notice == Notice.HANDED_OVER:
        taker = SignUp.objects.filter(substitute_for=signup).select_related("user").first()
        context["colleague"] = _name_of(taker.user if taker else None)
    if meeting is not None:
        context["meeting"] = meeting_display(meeting)
    return context


def _name_of(user):
    return user.get_full_name() if user is not None else ""


def signup_message(*, signup, notice, meeting=None):
    """The email for one notice, in the person's language, with the invite as `invite.ics`."""
    notice = Notice(notice)
    language = offered_language(signup.user.preferred_language)
    with translation.override(language):
        message = EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(SUBJECTS[notice]),
            body=render_to_string(
                f"intervision/email/{notice.value}.txt", _context(signup, notice, meeting)
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[signup.user.email],
            # Screen readers and translation tools pick the language from here.
            headers={"Content-Language": language},
        )
    cancel = notice in CANCELLING
    method = "CANCEL" if calendar.invite_cancels(signup, cancel=cancel) else "REQUEST"
    invite = calendar.signup_invite(signup, cancel=cancel)
    message.attach("invite.ics", invite, f"text/calendar; method={method}")
    return message


# --- Sending ----------------------------------------------------------------------------------


def _signup_loaded(signup_id):
    """The sign-up with its person and session; None when either is gone (erased account)."""
    signup = (
        SignUp.objects.select_related("session", "user", "substitute_for__user")
        .filter(pk=signup_id)
        .first()
    )
    if signup is None or signup.user is None or not signup.user.is_active:
        return None
    return signup


def signup_message_send(*, signup_id, notice):
    """Send the message about one change of a sign-up. Returns whether a message left."""
    notice = Notice(notice)
    signup = _signup_loaded(signup_id)
    if signup is None or signup.status not in STILL_TRUE[notice]:
        return False
    mail_send(signup_message(signup=signup, notice=notice))
    return True


def handover_message(*, handover):
    """The offer of a colleague's place, in the language of the person it is offered to.

    No calendar invite: the place is not theirs yet; the invite comes once they accept it.
    """
    signup, colleague = handover.signup, handover.colleague
    session = signup.session
    language = offered_language(colleague.preferred_language)
    with translation.override(language):
        context = {
            "name": colleague.first_name,
            "giver": _name_of(signup.user),
            "offered_until": _moment(handover.offered_until),
            "session": session,
            "meetings": [
                meeting_display(each) for each in session.meetings.order_by("starts_at", "pk")
            ],
            "online": session.mode == Mode.ONLINE,
            "my_sessions_url": calendar.page_url("intervision:my_sessions") or site_url(),
        }
        return EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(HANDOVER_SUBJECT),
            body=render_to_string("intervision/email/handover_offered.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[colleague.email],
            headers={"Content-Language": language},
        )


def handover_message_send(*, handover_id):
    """Send the offer of a colleague's place while it is still open. Returns whether it left."""
    handover = (
        PlaceHandover.objects.select_related("signup__session", "signup__user", "colleague")
        .filter(pk=handover_id, status=HandoverStatus.OPEN, colleague__is_active=True)
        .first()
    )
    if handover is None:
        return False
    mail_send(handover_message(handover=handover))
    return True


# --- Reminders --------------------------------------------------------------------------------


def _meetings_due(now):
    return Meeting.objects.filter(
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_AHEAD,
        session__cancelled_at__isnull=True,
    ).order_by("starts_at", "pk")


def _reminder_candidates(meeting):
    return list(
        SignUp.objects.filter(
            session_id=meeting.session_id,
            status=SignUpStatus.CONFIRMED,
            user__isnull=False,
            user__is_active=True,
        )
        .exclude(reminders__meeting=meeting, reminders__starts_at=meeting.starts_at)
        .select_related("session", "user")
        .order_by("pk")
    )


def _reminder_send(signup, meeting):
    reminder = reminder_claim(signup=signup, meeting=meeting)
    if reminder is None:
        return False
    try:
        signup_message(signup=signup, notice=Notice.REMINDER, meeting=meeting).send()
    except Exception:
        # Give the claim back, so the next sweep tries again (one refused address must not
        # stop the others, nor be lost for good).
        logger.exception("intervision reminder not sent (sign-up %s)", signup.pk)
        reminder_release(reminder=reminder)
        return False
    reminder_sent_mark(reminder=reminder)
    return True


def reminders_send(*, now=None):
    """Remind each confirmed participant of a date starting within 24 hours, once.

    Run by the beat schedule every 15 minutes. Returns how many reminders this sweep sent.
    """
    now = now or timezone.now()
    sent = 0
    for meeting in _meetings_due(now):
        for signup in _reminder_candidates(meeting):
            sent += _reminder_send(signup, meeting)
    return sent
