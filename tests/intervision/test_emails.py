"""What a participant receives after each change: one discreet email with its calendar invite."""

from datetime import timedelta
from functools import partial

import pytest

from django.core import mail
from django.utils import formats, timezone, translation

from elearning.intervision import calendar, emails, services
from elearning.intervision.calendar import series_uid
from elearning.intervision.models import Meeting, Mode, SignUpStatus
from elearning.intervision.notifications import Notice
from tests.factories import UserFactory

from .conftest import SITE_HOST, TELLING_WORDS, invite_of, mails_to, person_make, session_make

pytestmark = pytest.mark.django_db

JOIN_URL = "https://meet.example.org/intervisie-42"


def online_session(**fields):
    return session_make(mode=Mode.ONLINE, address="", join_url=JOIN_URL, **fields)


def sign_up(committed, session, person):
    return committed(services.signup_create, session_id=session.pk, user=person)


def cancel(committed, signup):
    return committed(services.signup_cancel, signup_id=signup.pk, user=signup.user)


def translated(text, language):
    with translation.override(language):
        return str(text)


def vevents(message):
    calendar, _mimetype = invite_of(message)
    return calendar.walk("VEVENT")


# Each scenario brings `person` up to one notice and returns the step that sets it off.


def reach_confirmed(committed, person):
    session = online_session()
    return lambda: sign_up(committed, session, person)


def reach_waitlisted(committed, person):
    session = online_session(max_places=1)
    sign_up(committed, session, person_make())
    return lambda: sign_up(committed, session, person)


def reach_offer(committed, person, *, offer_hours):
    session = online_session(max_places=1, offer_hours=offer_hours)
    holder = sign_up(committed, session, person_make())
    sign_up(committed, session, person)
    return lambda: cancel(committed, holder)


def reach_cancelled(committed, person):
    signup = sign_up(committed, online_session(), person)
    return lambda: cancel(committed, signup)


def reach_offer_lapsed(committed, person):
    reach_offer(committed, person, offer_hours=48)()
    too_late = timezone.now() + timedelta(hours=49)
    return lambda: committed(services.offers_expire, now=too_late)


def handed_over(committed, giver, colleague):
    """`giver` offers their place to `colleague`; the step returned is the acceptance."""
    signup = sign_up(committed, online_session(), giver)
    committed(
        services.handover_offer,
        signup_id=signup.pk,
        user=giver,
        colleague_email=colleague.email,
    )
    [handover] = colleague.intervision_handovers.all()
    return lambda: committed(services.handover_accept, handover_id=handover.pk, user=colleague)


def reach_substitute(committed, person):
    return handed_over(committed, person_make(first_name="Jan", last_name="Claes"), person)


def reach_handed_over(committed, person):
    return handed_over(committed, person, person_make(first_name="Lies", last_name="Peeters"))


def reach_changed(committed, person):
    session = online_session()
    sign_up(committed, session, person)
    return lambda: committed(services.session_changed, session_id=session.pk)


def reach_session_cancelled(committed, person):
    session = online_session()
    sign_up(committed, session, person)
    editor = UserFactory(is_superuser=True)
    return lambda: committed(services.session_cancel, session_id=session.pk, by=editor)


def reach_reminder(committed, person):
    sign_up(committed, online_session(starts_in=timedelta(hours=23)), person)
    return emails.reminders_send


SCENARIOS = {
    Notice.CONFIRMED: reach_confirmed,
    Notice.WAITLISTED: reach_waitlisted,
    Notice.OFFERED: partial(reach_offer, offer_hours=48),
    Notice.PROMOTED: partial(reach_offer, offer_hours=0),
    Notice.CANCELLED: reach_cancelled,
    Notice.OFFER_LAPSED: reach_offer_lapsed,
    Notice.SUBSTITUTE: reach_substitute,
    Notice.HANDED_OVER: reach_handed_over,
    Notice.CHANGED: reach_changed,
    Notice.SESSION_CANCELLED: reach_session_cancelled,
    Notice.REMINDER: reach_reminder,
}
CANCELLING = {
    Notice.CANCELLED,
    Notice.OFFER_LAPSED,
    Notice.HANDED_OVER,
    Notice.SESSION_CANCELLED,
}
# A confirmed place in a session that takes place: only these messages open the room.
WITH_JOIN_LINK = {
    Notice.CONFIRMED,
    Notice.PROMOTED,
    Notice.SUBSTITUTE,
    Notice.CHANGED,
    Notice.REMINDER,
}


def test_every_notice_has_a_scenario():
    assert set(SCENARIOS) == set(Notice)


@pytest.mark.parametrize("notice", list(Notice))
def test_each_change_sends_one_discreet_message_with_its_invite(notice, committed, learner):
    set_off = SCENARIOS[notice](committed, learner)
    mail.outbox.clear()

    set_off()

    [message] = mails_to(learner)
    subject = message.subject
    assert subject == "[Leerplatform] " + translated(emails.SUBJECTS[notice], "nl")
    assert not [word for word in TELLING_WORDS if word in subject.lower()]
    assert "Intervisie" not in subject
    # The opening lines show in inbox previews: the session is named only further down.
    assert "Intervisie" not in "".join(message.body.splitlines()[:3])
    assert "Intervisie partnergeweld" in message.body
    calendar, mimetype = invite_of(message)
    method = "CANCEL" if notice in CANCELLING else "REQUEST"
    assert mimetype == f"text/calendar; method={method}"
    assert calendar["METHOD"] == method
    [event] = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "Intervisie partnergeweld"
    assert str(event["ATTENDEE"]) == f"mailto:{learner.email}"
    gets_link = notice in WITH_JOIN_LINK
    assert (JOIN_URL in message.body) is gets_link
    assert (JOIN_URL in str(event.get("DESCRIPTION", ""))) is gets_link


def test_a_french_learner_gets_french(committed):
    person = person_make(preferred_language="fr")
    session = session_make()

    sign_up(committed, session, person)

    [message] = mails_to(person)
    with translation.override("fr"):
        french_date = formats.date_format(
            timezone.localtime(session.meetings.get().starts_at), "DATE_FORMAT"
        )
    assert french_date in message.body  # "10 mars 2026": French month names
    assert message.extra_headers["Content-Language"] == "fr"
    assert message.subject == "[Leerplatform] " + translated(emails.SUBJECTS["confirmed"], "fr")


def test_an_on_site_session_gives_its_address_and_no_link(committed, learner):
    sign_up(committed, session_make(), learner)

    [message] = mails_to(learner)
    assert "Stadhuis, Botermarkt 1, 9000 Gent" in message.body
    [event] = vevents(message)
    assert event["LOCATION"] == "Stadhuis, Botermarkt 1, 9000 Gent"


def test_the_waiting_list_position_is_stated(committed):
    session = session_make(max_places=1)
    people = [person_make(preferred_language="en") for _ in range(3)]

    for person in people:
        sign_up(committed, session, person)

    first, second = mails_to(people[1])[0], mails_to(people[2])[0]
    assert "Your position on the waiting list: 1." in first.body
    assert "Your position on the waiting list: 2." in second.body
    assert "position" not in mails_to(people[0])[0].body


def test_an_offer_says_until_when_and_where_to_accept(committed):
    person = person_make(preferred_language="en")
    reach_offer(committed, person, offer_hours=48)()

    [_waitlisted, offered] = mails_to(person)
    signup = person.intervision_signups.get()
    with translation.override("en"):
        until = formats.date_format(timezone.localtime(signup.offered_until), "DATE_FORMAT")
    [held] = [line for line in offered.body.splitlines() if line.startswith("Held for you until:")]
    assert until in held
    with translation.override("en"):
        my_sessions = calendar.page_url("intervision:my_sessions")
    assert my_sessions.startswith(f"http://{SITE_HOST}/")  # absolute: it is read in a mail app
    assert f"\n{my_sessions}\n" in offered.body
    [event] = vevents(offered)
    assert (event["STATUS"], event["TRANSP"]) == ("TENTATIVE", "TRANSPARENT")


def test_a_substitute_hears_who_handed_over_the_place(committed):
    person = person_make(preferred_language="en")
    reach_substitute(committed, person)()

    [_offer, message] = mails_to(person)
    assert "Your colleague Jan Claes has handed their place to you." in message.body


def test_the_invite_keeps_its_uid_and_raises_its_sequence_until_the_cancellation(
    committed, learner
):
    session = session_make()
    signup = sign_up(committed, session, learner)
    committed(services.session_changed, session_id=session.pk)
    cancel(committed, signup)

    confirmed, changed, cancelled = (vevents(message)[0] for message in mails_to(learner))
    uid = series_uid(session, SITE_HOST)
    assert {str(event["UID"]) for event in (confirmed, changed, cancelled)} == {uid}
    sequences = [event["SEQUENCE"] for event in (confirmed, changed, cancelled)]
    assert sequences == sorted(set(sequences))  # strictly growing
    assert invite_of(mails_to(learner)[-1])[0]["METHOD"] == "CANCEL"
    assert cancelled["STATUS"] == "CANCELLED"


def test_signing_up_again_after_cancelling_outranks_the_cancellation(committed, learner):
    session = session_make()
    cancel(committed, sign_up(committed, session, learner))
    sign_up(committed, session, learner)

    _first, cancellation, again = (vevents(message)[0] for message in mails_to(learner))
    assert again["UID"] == cancellation["UID"]
    # Otherwise the calendar would take the new invite for an outdated copy and ignore it.
    assert again["SEQUENCE"] > cancellation["SEQUENCE"]
    assert again["STATUS"] == "CONFIRMED"


def test_a_series_is_one_event_and_the_mail_lists_every_date(committed, learner):
    session = session_make()
    first = session.meetings.get()
    Meeting.objects.create(
        session=session,
        starts_at=first.starts_at + timedelta(days=14),
        ends_at=first.ends_at + timedelta(days=14),
    )

    sign_up(committed, session, learner)

    [message] = mails_to(learner)
    [event] = vevents(message)
    assert str(event["UID"]) == series_uid(session, SITE_HOST)
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=2;INTERVAL=2"  # every other week
    assert message.body.count("\n- ") == 2


def test_a_message_the_sign_up_has_moved_past_is_dropped(
    django_capture_on_commit_callbacks, learner
):
    session = session_make()
    with django_capture_on_commit_callbacks() as signed_up:
        signup = services.signup_create(session_id=session.pk, user=learner)
    with django_capture_on_commit_callbacks() as cancelled:
        services.signup_cancel(signup_id=signup.pk, user=learner)

    # The queue delivers late: "confirmed" leaves after the person already cancelled.
    for callback in signed_up + cancelled:
        callback()

    [message] = mails_to(learner)
    assert message.subject == "[Leerplatform] " + translated(emails.SUBJECTS["cancelled"], "nl")


def test_nothing_is_sent_to_an_erased_person(committed, learner):
    signup = sign_up(committed, session_make(), learner)
    mail.outbox.clear()
    learner.delete()  # the sign-up stays, without the person, for the statistics

    sent = emails.signup_message_send(signup_id=signup.pk, notice=Notice.CHANGED)

    assert sent is False
    assert emails.signup_message_send(signup_id=987654, notice=Notice.CHANGED) is False
    assert mail.outbox == []


def test_the_status_shown_is_the_current_one(committed):
    """A change message to someone still waiting says so, and gives no link."""
    person = person_make(preferred_language="en")
    session = online_session(max_places=1)
    sign_up(committed, session, person_make())
    sign_up(committed, session, person)
    mail.outbox.clear()

    committed(services.session_changed, session_id=session.pk)

    [message] = mails_to(person)
    assert "You are still on the waiting list." in message.body
    assert JOIN_URL not in message.body
    assert person.intervision_signups.get().status == SignUpStatus.WAITLISTED
