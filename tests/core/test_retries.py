"""mail_send tells a mail server that cannot take a message now from one that refuses it; the
mail policy retries for about an hour in production."""

import smtplib

import pytest

from django.core.mail import EmailMessage

from elearning.core.retries import MAIL_RETRY, MailDeferred, mail_send
from settings import base as production


def message():
    return EmailMessage(subject="Herinnering", body="Tot morgen.", to=["lies@example.org"])


def test_a_mail_server_that_is_down_defers_the_message(smtp_server):
    smtp_server.stop()  # nothing listens on its port any more

    with pytest.raises(MailDeferred) as deferred:
        mail_send(message())

    assert isinstance(deferred.value.__cause__, ConnectionRefusedError)


@pytest.mark.parametrize(
    "answer", ["451 4.7.1 Greylisted", "452 4.2.2 Mailbox full", "421 4.3.2 Busy", "close"]
)
def test_a_temporary_answer_defers_the_message(smtp_server, answer):
    smtp_server.refusals = [answer]

    with pytest.raises(MailDeferred):
        mail_send(message())

    assert smtp_server.delivered == []


@pytest.mark.parametrize("answer", ["550 5.1.1 No such user", "554 5.7.1 Rejected"])
def test_a_permanent_refusal_raises_the_servers_error(smtp_server, answer):
    smtp_server.refusals = [answer]

    with pytest.raises(smtplib.SMTPRecipientsRefused):
        mail_send(message())


def test_a_message_the_server_takes_is_sent_once(smtp_server):
    assert mail_send(message()) == 1

    assert len(smtp_server.delivered) == 1


def test_production_retries_a_deferred_message_for_about_an_hour():
    """README.md's schedule: 30 s, 1, 2, 4, 8 min, then 15 min (the tests count in seconds)."""
    first, cap = production.MAIL_RETRY_FIRST_SECONDS, production.MAIL_RETRY_MAX_SECONDS
    countdowns = [min(cap, first * 2**retries) for retries in range(MAIL_RETRY["max_retries"])]

    assert countdowns == [30, 60, 120, 240, 480, 900, 900, 900]
    assert 55 * 60 <= sum(countdowns) <= 65 * 60
