"""Every invite and the personal feed, read by libical's iTIP check (RFC 5546) as well as by the
`icalendar` library that writes them: an independent reader of what calendar apps receive."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from django.utils import timezone

from elearning.intervision import calendar
from elearning.intervision.models import IntervisionSession, Mode, SignUpStatus
from tests.factories import SignUpFactory

from .conftest import dates_add, session_make
from .libical import itip_errors

pytestmark = pytest.mark.django_db

ONLINE = {"mode": Mode.ONLINE, "address": "", "join_url": "https://meet.example.org/intervisie-7"}


def confirmed(learner):
    return SignUpFactory(session=session_make(), user=learner)


def waitlisted_online(learner):
    return SignUpFactory(
        session=session_make(**ONLINE), user=learner, status=SignUpStatus.WAITLISTED
    )


def offered(learner):
    return SignUpFactory(session=session_make(), user=learner, status=SignUpStatus.OFFERED)


def confirmed_online(learner):
    return SignUpFactory(session=session_make(**ONLINE), user=learner)


def series_of_three(learner):
    session = session_make()
    dates_add(session, 1, 2)
    return SignUpFactory(session=session, user=learner)


def series_with_a_gap(learner):
    session = session_make()
    dates_add(session, 1, 3)
    return SignUpFactory(session=session, user=learner)


def series_at_different_hours(learner):
    session = session_make()
    dates_add(session, 1, longer=timedelta(0))
    later = session.meetings.order_by("starts_at").last()
    later.starts_at += timedelta(hours=3)
    later.ends_at += timedelta(hours=3)
    later.save()
    return SignUpFactory(session=session, user=learner)


def series_of_unequal_dates(learner):
    session = session_make(**ONLINE)
    dates_add(session, 1, longer=timedelta(minutes=45))
    return SignUpFactory(session=session, user=learner)


def cancelled_by_the_person(learner):
    signup = series_of_three(learner)
    signup.status = SignUpStatus.CANCELLED
    return signup


def session_called_off(learner):
    signup = series_of_unequal_dates(learner)
    IntervisionSession.objects.filter(pk=signup.session_id).update(cancelled_at=timezone.now())
    signup.session.refresh_from_db()
    return signup


INVITES = [
    confirmed,
    waitlisted_online,
    offered,
    confirmed_online,
    series_of_three,
    series_with_a_gap,
    series_at_different_hours,
    series_of_unequal_dates,
    cancelled_by_the_person,
    session_called_off,
]


@pytest.mark.parametrize("make", INVITES, ids=[make.__name__ for make in INVITES])
def test_every_invite_passes_libicals_itip_check(learner, make):
    signup = make(learner)

    invite = calendar.signup_invite(signup)

    assert itip_errors(invite) == []
    parsed = Calendar.from_ical(invite)
    assert parsed["METHOD"] in ("REQUEST", "CANCEL")
    assert len(parsed.walk("VEVENT")) == 1  # one UID per message


def test_the_personal_feed_passes_libicals_itip_check(learner):
    makes = (
        confirmed,
        offered,
        series_with_a_gap,
        series_at_different_hours,
        series_of_unequal_dates,
    )
    for make in makes:
        make(learner)

    feed = calendar.personal_feed(learner)

    assert itip_errors(feed) == []
    events = Calendar.from_ical(feed).walk("VEVENT")
    assert len(events) == 5
    assert len({str(event["UID"]) for event in events}) == 5
    assert not any("ATTENDEE" in event for event in events)


def test_the_check_refuses_what_itip_forbids(learner):
    """The check is not a formality: libical refuses a feed that names an attendee, and an
    invite that names none."""
    confirmed(learner)
    attendee = "ATTENDEE:mailto:leerling@example.org\r\n"
    feed = calendar.personal_feed(learner).replace(b"END:VEVENT", f"{attendee}END:VEVENT".encode())
    invite = Calendar.from_ical(calendar.signup_invite(confirmed(learner)))
    for event in invite.walk("VEVENT"):
        del event["ATTENDEE"]
    without_attendee = invite.to_ical()

    assert any("ATTENDEE" in error for error in itip_errors(feed))
    assert any("ATTENDEE" in error for error in itip_errors(without_attendee))
