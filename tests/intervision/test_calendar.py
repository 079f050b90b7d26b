"""The calendar invite of a sign-up, as a calendar app reads it."""

from datetime import UTC, timedelta

import pytest
from icalendar import Calendar

from django.utils import timezone

from elearning.intervision import calendar
from elearning.intervision.models import IntervisionSession, Mode, SignUpStatus
from tests.factories import SignUpFactory

from .conftest import SITE_HOST, dates_add, session_make

pytestmark = pytest.mark.django_db

JOIN_URL = "https://meet.example.org/intervisie-7"


def invite(signup, **kwargs):
    return Calendar.from_ical(calendar.signup_invite(signup, **kwargs))


def only_event(parsed):
    [event] = parsed.walk("VEVENT")
    return event


def test_a_confirmed_place_is_a_firm_appointment(learner):
    session = session_make()
    meeting = session.meetings.get()
    parsed = invite(SignUpFactory(session=session, user=learner))

    assert (parsed["METHOD"], parsed["VERSION"]) == ("REQUEST", "2.0")
    assert parsed["PRODID"]
    event = only_event(parsed)
    assert event["UID"] == f"{session.uid}@{SITE_HOST}"
    assert event["SEQUENCE"] == 0
    assert event["SUMMARY"] == "Intervisie partnergeweld"
    assert event["LOCATION"] == "Stadhuis, Botermarkt 1, 9000 Gent"
    assert event["DESCRIPTION"] == "Casusbespreking in kleine groep."
    assert (event["STATUS"], event["TRANSP"]) == ("CONFIRMED", "OPAQUE")
    assert event.decoded("DTSTART") == meeting.starts_at.astimezone(UTC)
    assert event.decoded("DTEND") == meeting.ends_at.astimezone(UTC)
    assert event["DTSTART"].to_ical().endswith(b"Z")  # written in UTC
    assert abs(event.decoded("DTSTAMP") - timezone.now()) < timedelta(minutes=1)
    assert str(event["ORGANIZER"]) == "mailto:leerplatform@example.org"
    attendee = event["ATTENDEE"]
    assert str(attendee) == f"mailto:{learner.email}"
    assert attendee.params["PARTSTAT"] == "ACCEPTED"
    assert attendee.params["CN"] == "Lies Peeters"


def test_the_session_page_is_linked_once_it_exists(learner):
    session = session_make()

    event = only_event(invite(SignUpFactory(session=session, user=learner)))

    page = calendar.session_page_url(session)
    assert event.get("URL") == page  # absent (None) until the learner pages are there


@pytest.mark.parametrize("status", [SignUpStatus.WAITLISTED, SignUpStatus.OFFERED])
def test_a_place_not_held_yet_is_tentative_and_keeps_the_time_free(learner, status):
    session = session_make(mode=Mode.ONLINE, address="", join_url=JOIN_URL)

    parsed = invite(SignUpFactory(session=session, user=learner, status=status))

    assert parsed["METHOD"] == "REQUEST"
    event = only_event(parsed)
    assert (event["STATUS"], event["TRANSP"]) == ("TENTATIVE", "TRANSPARENT")
    assert event["ATTENDEE"].params["PARTSTAT"] == "TENTATIVE"
    assert JOIN_URL not in str(event["DESCRIPTION"])


def test_a_confirmed_online_place_carries_the_join_link(learner):
    session = session_make(mode=Mode.ONLINE, address="", join_url=JOIN_URL)

    event = only_event(invite(SignUpFactory(session=session, user=learner)))

    assert event["LOCATION"] == "Online"
    assert JOIN_URL in str(event["DESCRIPTION"])


@pytest.mark.parametrize(
    "cancelled_by", ["the notice", "the person", "the facilitator (session cancelled)"]
)
def test_a_cancellation_removes_the_event_without_the_link(learner, cancelled_by):
    session = session_make(mode=Mode.ONLINE, address="", join_url=JOIN_URL)
    signup = SignUpFactory(session=session, user=learner)
    if cancelled_by == "the person":
        signup.status = SignUpStatus.CANCELLED
    elif cancelled_by.startswith("the facilitator"):
        IntervisionSession.objects.filter(pk=session.pk).update(cancelled_at=timezone.now())
        signup.session.refresh_from_db()

    parsed = invite(signup, cancel=cancelled_by == "the notice")

    assert parsed["METHOD"] == "CANCEL"
    event = only_event(parsed)
    assert (event["STATUS"], event["TRANSP"]) == ("CANCELLED", "TRANSPARENT")
    assert JOIN_URL not in str(event["DESCRIPTION"])


def rdates(event):
    """The RDATE values: datetimes, or (start, end) pairs for periods."""
    found = event.get("RDATE", [])
    return [
        value.dt for line in (found if isinstance(found, list) else [found]) for value in line.dts
    ]


def test_a_series_is_one_event_whose_other_dates_are_rdates(learner):
    session = session_make()
    meetings = dates_add(session, 2, 1)  # created out of order: the invite lists them by date

    # One UID per message (RFC 5546): a calendar app may keep only the first of several events.
    event = only_event(invite(SignUpFactory(session=session, user=learner)))

    assert event["UID"] == f"{session.uid}@{SITE_HOST}"
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
        meetings[0].starts_at,
        meetings[0].ends_at,
    )
    assert rdates(event) == [meeting.starts_at for meeting in meetings[1:]]


def test_dates_of_different_lengths_are_periods_that_keep_their_own_end(learner):
    session = session_make()
    meetings = dates_add(session, 1, longer=timedelta(minutes=30))

    event = only_event(invite(SignUpFactory(session=session, user=learner)))

    assert rdates(event) == [(meetings[1].starts_at, meetings[1].ends_at)]
    assert event["RDATE"].params["VALUE"] == "PERIOD"


def test_a_date_added_later_updates_the_same_event(learner):
    session = session_make()
    signup = SignUpFactory(session=session, user=learner)
    before = only_event(invite(signup))

    dates_add(session, 1)
    IntervisionSession.objects.filter(pk=session.pk).update(sequence=1)  # as session_changed does
    signup.session.refresh_from_db()
    after = only_event(invite(signup))

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert len(rdates(after)) == 1 and not rdates(before)


def test_the_uid_never_changes_and_the_sequence_adds_session_and_sign_up(learner):
    session = session_make()
    signup = SignUpFactory(session=session, user=learner)
    before = only_event(invite(signup))

    IntervisionSession.objects.filter(pk=session.pk).update(sequence=3)
    signup.session.refresh_from_db()
    signup.sequence = 2
    after = only_event(invite(signup))

    assert after["UID"] == before["UID"]
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 5)


def test_the_organizer_is_the_sending_address_without_its_display_name(learner, settings):
    settings.DEFAULT_FROM_EMAIL = "Leerplatform VIF <noreply@leerplatform.example>"

    event = only_event(invite(SignUpFactory(session=session_make(), user=learner)))

    assert str(event["ORGANIZER"]) == "mailto:noreply@leerplatform.example"
    assert event["ORGANIZER"].params["CN"] == "Leerplatform VIF"


def test_the_uid_carries_the_sites_host(learner, settings):
    settings.SITE_URL = "https://leren.gent.be"

    event = only_event(invite(SignUpFactory(session=session_make(), user=learner)))

    assert str(event["UID"]).endswith("@leren.gent.be")
