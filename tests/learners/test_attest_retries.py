"""Issuing an attest is retried while the database, storage or mail server is out of reach, and
the learner gets one email; what cannot succeed is left to the sweep.

The mail goes through Django's SMTP backend to a real SMTP server on 127.0.0.1
(tests/fake_smtp.py); the task runs through Celery (`.apply()`), which follows each retry at
once and reports the countdown a worker would have waited.
"""

from datetime import timedelta

import pytest
from botocore.exceptions import EndpointConnectionError

from django.utils import timezone

from elearning.core.retries import MailDeferred
from elearning.learners import attests, tasks
from elearning.learners.models import Attest, Enrolment
from elearning.learners.services import attests as issuing
from elearning.learners.services import course_completion_refresh
from tests.celery_retries import retries_recorded

from .conftest import ATTEST_COMPLETED_AT, attest_enrolment

GREYLISTED = "451 4.7.1 Greylisted, please try again later"
# The mail policy's schedule (elearning/core/retries.py), in seconds: doubling up to its cap,
# with the short countdowns of settings/test.py (production's: tests/core/test_retries.py).
MAIL_COUNTDOWNS = [1, 2, 4, 8, 16, 16, 16, 16]


@pytest.fixture
def completed(attest_course, learner):
    enrolment = attest_enrolment(learner, attest_course)
    assert course_completion_refresh(enrolment=enrolment, now=ATTEST_COMPLETED_AT)
    return enrolment


def issue(enrolment):
    return tasks.attest_issue.apply(args=[enrolment.pk])


def test_a_greylisted_attest_mail_is_retried_and_arrives_once(smtp_server, completed):
    smtp_server.refusals = [GREYLISTED]

    with retries_recorded(tasks.attest_issue) as countdowns:
        issue(completed).get()

    assert countdowns == [1]
    assert len(smtp_server.delivered) == 1
    attest = Attest.objects.get(enrolment=completed)
    assert attest.pdf and attest.emailed_at is not None


def test_storage_out_of_reach_is_retried(smtp_server, completed, monkeypatch):
    store = issuing._attest_pdf_store
    failures = [EndpointConnectionError(endpoint_url="https://s3.example.org")]

    def storage_lost_once(attest_id):
        if failures:
            raise failures.pop()
        return store(attest_id)

    monkeypatch.setattr(issuing, "_attest_pdf_store", storage_lost_once)
    with retries_recorded(tasks.attest_issue) as countdowns:
        issue(completed).get()

    assert countdowns == [1]
    assert len(smtp_server.delivered) == 1


def test_a_pdf_that_cannot_be_rendered_is_not_retried(smtp_server, completed, monkeypatch):
    def broken(*, attest):
        raise ValueError("the layout does not fit")

    monkeypatch.setattr(issuing, "attest_pdf_render", broken)
    with retries_recorded(tasks.attest_issue) as countdowns:
        result = issue(completed)

    with pytest.raises(ValueError):
        result.get()
    assert countdowns == []
    assert smtp_server.delivered == []


def test_after_the_last_retry_the_sweep_takes_the_attest_up_again(smtp_server, completed):
    smtp_server.refusals = [GREYLISTED] * 20

    with retries_recorded(tasks.attest_issue) as countdowns:
        result = issue(completed)

    with pytest.raises(MailDeferred):  # what the worker logs: the task failed, and why
        result.get()
    assert countdowns == MAIL_COUNTDOWNS
    assert smtp_server.delivered == []
    attest = Attest.objects.get(enrolment=completed)
    assert attest.pdf and attest.emailed_at is None  # kept: the next try only sends the mail
    # The sweep (every 15 minutes) queues what is not fully issued, for a week.
    Enrolment.objects.filter(pk=completed.pk).update(
        completed_at=timezone.now() - timedelta(minutes=20)
    )
    assert attests.attests_pending() == [completed.pk]
