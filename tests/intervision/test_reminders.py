"""Reminders a day before each date: confirmed participants only, exactly once."""

from datetime import timedelta

import pytest

from django.core import mail
from django.utils import timezone, translation

from elearning.intervision import emails, services
from elearning.intervision.models import IntervisionSession, Meeting, Reminder

from .conftest import mails_to, person_make, session_make

pytestmark = pytest.mark.django_db


def confirmed_participants(committed, session, count=1):
    people = [person_make() for _ in range(count)]
    for person in people:
        committed(services.signup_create, session_id=session.pk, user=person)
    mail.outbox.clear()
    return people


def reminder_subject(language="nl"):
    """The subject in the person's language (their profile's; nl for person_make's people)."""
    with translation.override(language):
        return "[Leerplatform] " + str(emails.SUBJECTS["reminder"])


def test_a_date_23_hours_ahead_is_reminded_once(committed):
    session = session_make(starts_in=timedelta(hours=23))
    [person] = confirmed_participants(committed, session)

    assert emails.reminders_send() == 1

    [message] = mails_to(person)
    assert message.subject == reminder_subject()
    [reminder] = Reminder.objects.all()
    assert reminder.meeting == session.meetings.get() and reminder.sent_at is not None


def test_a_date_25_hours_ahead_is_not_reminded_yet(committed):
    confirmed_participants(committed, session_make(starts_in=timedelta(hours=25)))

    assert emails.reminders_send() == 0
    assert mail.outbox == [] and not Reminder.objects.exists()


def test_someone_waiting_is_not_reminded(committed):
    session = session_make(starts_in=timedelta(hours=23), max_places=1)
    [confirmed, waiting] = confirmed_participants(committed, session, count=2)

    assert emails.reminders_send() == 1

    assert len(mails_to(confirmed)) == 1 and mails_to(waiting) == []


def test_a_cancelled_session_is_not_reminded(committed):
    session = session_make(starts_in=timedelta(hours=23))
    confirmed_participants(committed, session)
    IntervisionSession.objects.filter(pk=session.pk).update(cancelled_at=timezone.now())

    assert emails.reminders_send() == 0
    assert mail.outbox == []


def test_sweeping_again_sends_nothing_more(committed):
    session = session_make(starts_in=timedelta(hours=23))
    confirmed_participants(committed, session, count=2)

    sent = [emails.reminders_send(), emails.reminders_send()]

    assert sent == [2, 0]
    assert len(mail.outbox) == 2


def test_two_sweeps_at_the_same_time_send_each_reminder_once(committed, monkeypatch):
    """Sweep B starts while sweep A has claimed its first reminder and not yet sent it."""
    session = session_make(starts_in=timedelta(hours=23))
    people = confirmed_participants(committed, session, count=2)
    claim = emails.reminder_claim
    second_sweep = []

    def claim_then_let_the_other_sweep_run(*, signup, meeting):
        reminder = claim(signup=signup, meeting=meeting)
        if not second_sweep:  # only sweep A lets another one run, once
            second_sweep.append("running")
            second_sweep[0] = emails.reminders_send()
        return reminder

    monkeypatch.setattr(emails, "reminder_claim", claim_then_let_the_other_sweep_run)

    first_sweep = emails.reminders_send()

    # A took the first person and saw the second one taken by B (the unique pair refused it).
    assert (first_sweep, second_sweep) == (1, [1])
    assert [len(mails_to(person)) for person in people] == [1, 1]
    assert Reminder.objects.filter(sent_at__isnull=False).count() == 2


def test_a_reminder_that_could_not_be_sent_is_tried_again(committed, monkeypatch):
    session = session_make(starts_in=timedelta(hours=23))
    [person] = confirmed_participants(committed, session)

    def refuse(message, *args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMessage.send", refuse)
        assert emails.reminders_send() == 0
    assert not Reminder.objects.exists()

    assert emails.reminders_send() == 1
    assert len(mails_to(person)) == 1


def test_each_date_of_a_series_is_reminded_in_its_turn(committed):
    session = session_make(starts_in=timedelta(hours=23))
    first = session.meetings.get()
    second = Meeting.objects.create(
        session=session,
        starts_at=first.starts_at + timedelta(weeks=1),
        ends_at=first.ends_at + timedelta(weeks=1),
    )
    [person] = confirmed_participants(committed, session)

    assert emails.reminders_send() == 1
    assert emails.reminders_send(now=second.starts_at - timedelta(hours=2)) == 1

    assert [reminder.meeting for reminder in Reminder.objects.order_by("pk")] == [first, second]
    assert len(mails_to(person)) == 2


def test_a_date_moved_after_its_reminder_is_reminded_again_at_its_new_time(committed):
    session = session_make(starts_in=timedelta(hours=20))
    [person] = confirmed_participants(committed, session)
    assert emails.reminders_send() == 1
    meeting = session.meetings.get()
    meeting.starts_at += timedelta(hours=2)  # still within the next 24 hours
    meeting.ends_at += timedelta(hours=2)
    meeting.save()

    assert emails.reminders_send() == 1
    assert emails.reminders_send() == 0

    assert len(mails_to(person)) == 2
    assert sorted(Reminder.objects.values_list("starts_at", flat=True))[-1] == meeting.starts_at
