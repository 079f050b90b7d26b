"""The messages of intervision are retried while the mail server defers them, and sent once.

Django's SMTP backend talks to a real SMTP server on 127.0.0.1 (tests/fake_smtp.py) that answers
as the test says; the task runs through Celery (`.apply()`), which follows each retry at once
and reports the countdown a worker would have waited.
"""

import smtplib

import pytest

from django.db import OperationalError

from elearning.core.retries import MailDeferred
from elearning.intervision import emails, services, tasks
from elearning.intervision.models import HandoverStatus, PlaceHandover, SignUpStatus
from elearning.intervision.notifications import Notice
from tests.celery_retries import retries_recorded
from tests.factories import SignUpFactory

from .conftest import person_make, session_make

pytestmark = pytest.mark.django_db

GREYLISTED = "451 4.7.1 Greylisted, please try again later"
UNKNOWN_ADDRESS = "550 5.1.1 No such user here"
# The mail policy's schedule (elearning/core/retries.py), in seconds, without jitter: doubling
# up to its cap, with the short countdowns of settings/test.py (production's: 30 s to 15 min,
# tests/core/test_retries.py).
MAIL_COUNTDOWNS = [1, 2, 4, 8, 16, 16, 16, 16]


@pytest.fixture
def confirmed():
    return SignUpFactory(session=session_make(), user=person_make(email="lies@example.org"))


def send_confirmation(signup):
    return tasks.signup_message_send.apply(args=[signup.pk, Notice.CONFIRMED.value])


@pytest.mark.parametrize("deferral", [GREYLISTED, "421 4.3.2 Busy, try later", "close"])
def test_a_deferred_message_is_retried_with_backoff_and_arrives_once(
    smtp_server, confirmed, deferral
):
    smtp_server.refusals = [deferral, deferral]

    with retries_recorded(tasks.signup_message_send) as countdowns:
        send_confirmation(confirmed).get()

    assert countdowns == [1, 2]
    [message] = smtp_server.delivered
    assert b"To: lies@example.org" in message


def test_an_address_the_server_refuses_for_good_is_not_retried(smtp_server, confirmed):
    smtp_server.refusals = [UNKNOWN_ADDRESS]

    with retries_recorded(tasks.signup_message_send) as countdowns:
        result = send_confirmation(confirmed)

    with pytest.raises(smtplib.SMTPRecipientsRefused):
        result.get()
    assert countdowns == []
    assert smtp_server.delivered == []


def test_after_the_last_retry_the_message_is_given_up_and_the_sign_up_stands(
    smtp_server, confirmed
):
    smtp_server.refusals = [GREYLISTED] * 20

    with retries_recorded(tasks.signup_message_send) as countdowns:
        result = send_confirmation(confirmed)

    with pytest.raises(MailDeferred):  # what the worker logs: the task failed, and why
        result.get()
    assert countdowns == MAIL_COUNTDOWNS
    assert smtp_server.delivered == []
    confirmed.refresh_from_db()
    assert confirmed.status == SignUpStatus.CONFIRMED  # the place is kept: only a mail is lost


def test_a_database_out_of_reach_is_retried(smtp_server, confirmed, monkeypatch):
    send = emails.signup_message_send
    failures = [OperationalError("server closed the connection unexpectedly")]

    def database_lost_once(**kwargs):
        if failures:
            raise failures.pop()
        return send(**kwargs)

    monkeypatch.setattr(emails, "signup_message_send", database_lost_once)
    with retries_recorded(tasks.signup_message_send) as countdowns:
        send_confirmation(confirmed).get()

    assert countdowns == [1]
    assert len(smtp_server.delivered) == 1


def test_a_bad_notice_is_not_retried(smtp_server, confirmed):
    with retries_recorded(tasks.signup_message_send) as countdowns:
        result = tasks.signup_message_send.apply(args=[confirmed.pk, "no-such-notice"])

    with pytest.raises(ValueError):
        result.get()
    assert countdowns == []
    assert smtp_server.delivered == []


def test_the_offer_of_a_colleagues_place_is_retried_and_arrives_once(smtp_server, committed):
    giver = SignUpFactory(session=session_make(), user=person_make(email="an@example.org"))
    colleague = person_make(email="bram@example.org")
    smtp_server.refusals = [GREYLISTED]

    with retries_recorded(tasks.handover_message_send) as countdowns:
        committed(
            services.handover_offer,
            signup_id=giver.pk,
            user=giver.user,
            colleague_email=colleague.email,
        )

    assert countdowns == [1]
    [message] = smtp_server.delivered
    assert b"To: bram@example.org" in message
    handover = PlaceHandover.objects.get(signup=giver)
    assert handover.status == HandoverStatus.OPEN
