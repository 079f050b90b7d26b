"""A real Celery worker retries a message the mail server deferred, and the mail arrives once.

A file of its own because the test is transactional (the worker sees only committed rows), as
tests/learners/test_attests_worker.py explains. The worker takes the task from Redis in a thread
of this process; Django's SMTP backend talks to a real SMTP server on 127.0.0.1.
"""

import pytest
from celery.signals import task_retry, task_success

from elearning.intervision import services, tasks
from elearning.intervision.models import SignUpStatus
from tests.waiting import eventually

from .conftest import person_make, session_make

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
]


@pytest.fixture(autouse=True)
def messages_sent_here():
    """Here the message tasks go to the broker and the worker (the package's conftest would run
    them in the test's thread)."""


@pytest.fixture
def message_outcomes():
    """What happened to each run of the sign-up message task: "retry <seconds>" or "sent"."""
    outcomes = []

    def retried(sender=None, reason=None, **kwargs):
        if sender.name == tasks.signup_message_send.name:
            outcomes.append(f"retry {reason.when}")

    def succeeded(sender=None, **kwargs):
        if sender.name == tasks.signup_message_send.name:
            outcomes.append("sent")

    task_retry.connect(retried, weak=False)
    task_success.connect(succeeded, weak=False)
    yield outcomes
    task_retry.disconnect(retried)
    task_success.disconnect(succeeded)


def test_a_greylisted_confirmation_is_retried_by_the_worker_and_arrives_once(
    smtp_server, message_outcomes, celery_worker_real
):
    if celery_worker_real is None:
        pytest.skip("needs a broker and a real worker: runs in make test-integration")
    session = session_make(confidentiality_text="")
    person = person_make(email="lies@example.org")
    smtp_server.refusals = ["451 4.7.1 Greylisted, please try again later"]

    signup = services.signup_create(session_id=session.pk, user=person)

    assert signup.status == SignUpStatus.CONFIRMED
    # The first try is deferred; the worker tries again after the mail policy's first countdown
    # (30 s in production, 1 s in settings/test.py: the broker holds the retry until then).
    eventually(lambda: "sent" in message_outcomes, timeout=120, message="no confirmation sent")
    assert message_outcomes == ["retry 1", "sent"]
    [message] = smtp_server.delivered
    assert b"To: lies@example.org" in message
