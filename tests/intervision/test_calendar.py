"""The calendar invite of a sign-up, as a calendar app reads it."""

from datetime import UTC, datetime, timedelta

import pytest
from dateutil.rrule import rruleset, rrulestr
from icalendar import Calendar

from django.utils import timezone

from elearning.intervision import calendar
from elearning.intervision.models import IntervisionSession, Meeting, Mode, SignUpStatus
from tests.factories import SignUpFactory

from .conftest import SITE_HOST, dates_add, session_make
from .libical import itip_errors

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


def exdates(event):
    found = event.get("EXDATE", [])
    return [
        value.dt for line in (found if isinstance(found, list) else [found]) for value in line.dts
    ]


def starts(event):
    """Every start of the event, as a calendar app expands it (DTSTART, RRULE, EXDATE, RDATE)."""
    first = event.decoded("DTSTART")
    if "RRULE" in event:
        dates = rruleset()
        dates.rrule(rrulestr(event["RRULE"].to_ical().decode(), dtstart=first))
        for skipped in exdates(event):
            dates.exdate(skipped)
        return list(dates)
    return [first] + [value[0] if isinstance(value, tuple) else value for value in rdates(event)]


def session_on(*local_starts, hours=2):
    """A session whose dates begin at `local_starts` (naive, on the site's clock)."""
    session = session_make()
    meeting = session.meetings.get()
    for index, local in enumerate(local_starts):
        start = timezone.make_aware(local)
        if index:
            meeting = Meeting(session=session)
        meeting.starts_at, meeting.ends_at = start, start + timedelta(hours=hours)
        meeting.save()
    return session


def test_a_weekly_series_is_one_event_with_a_weekly_rule(learner):
    session = session_make()
    meetings = dates_add(session, 2, 1)  # created out of order: the invite lists them by date

    # One UID per message (RFC 5546): a calendar app may keep only the first of several events.
    event = only_event(invite(SignUpFactory(session=session, user=learner)))

    assert event["UID"] == f"{session.uid}@{SITE_HOST}"
    # Outlook and Exchange follow an RRULE; an RDATE alone they ignore.
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=3;INTERVAL=1"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=2)
    assert starts(event) == [meeting.starts_at for meeting in meetings]
    assert "RDATE" not in event


def test_a_weekly_series_keeps_its_hour_across_the_change_to_summer_time(learner):
    # Summer time starts on Sunday 28 March 2027 in Brussels: 14:00 is 13:00 UTC, then 12:00 UTC.
    session = session_on(datetime(2027, 3, 24, 14), datetime(2027, 3, 31, 14))

    parsed = invite(SignUpFactory(session=session, user=learner))

    event = only_event(parsed)
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert [start.astimezone(UTC).hour for start in starts(event)] == [13, 12]
    [zone] = parsed.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Brussels"
    assert itip_errors(parsed.to_ical()) == []


def test_every_other_day_is_a_daily_rule_with_an_interval(learner):
    session = session_on(*(datetime(2027, 2, day, 9, 30) for day in (1, 3, 5, 7)))

    event = only_event(invite(SignUpFactory(session=session, user=learner)))

    assert event["RRULE"].to_ical() == b"FREQ=DAILY;COUNT=4;INTERVAL=2"
    assert starts(event) == list(
        session.meetings.order_by("starts_at").values_list("starts_at", flat=True)
    )


def test_dates_with_a_gap_are_a_rule_that_skips_the_days_without_a_date(learner):
    session = session_make()
    meetings = dates_add(session, 1, 3)  # one week, then two weeks later

    event = only_event(invite(SignUpFactory(session=session, user=learner)))

    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=4;INTERVAL=1"
    assert exdates(event) == [meetings[1].starts_at + timedelta(weeks=1)]
    assert starts(event) == [meeting.starts_at for meeting in meetings]


def test_dates_at_different_hours_are_rdates(learner):
    session = session_on(datetime(2027, 2, 2, 9, 30), datetime(2027, 2, 9, 14))

    event = only_event(invite(SignUpFactory(session=session, user=learner)))

    meetings = list(session.meetings.order_by("starts_at"))
    assert "RRULE" not in event
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
        meetings[0].starts_at,
        meetings[0].ends_at,
    )
    assert rdates(event) == [meetings[1].starts_at]


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

    meetings = dates_add(session, 1)
    IntervisionSession.objects.filter(pk=session.pk).update(sequence=1)  # as session_changed does
    signup.session.refresh_from_db()
    after = only_event(invite(signup))

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert starts(before) == [meetings[0].starts_at]
    assert starts(after) == [meeting.starts_at for meeting in meetings]


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
