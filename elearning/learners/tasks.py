"""Background work of the learner's record. Thin: each task loads by id and calls a service."""

from celery import shared_task

from elearning.core.retries import MAIL_AND_STORAGE_RETRY

from . import attests, xapi
from .services import attests as issuing
from .xapi import XapiDeliveryFailed


@shared_task(name="learners.attest_issue", bind=True, acks_late=True, **MAIL_AND_STORAGE_RETRY)
def attest_issue(self, enrolment_id):
    """Issue the attest of a completed enrolment (enqueued on commit by course completion).

    The service is idempotent and resumes where a failed attempt stopped (a retry after a mail
    failure only sends the mail), so the retry of an unreachable database, storage or mail
    server sends one email. A permanent error (the PDF cannot be rendered, the address is
    refused) is not retried here; after it, or after the last retry, the sweep queues the
    attest again every 15 minutes for a week.
    """
    issuing.attest_issue(enrolment_id=enrolment_id)


@shared_task(name="learners.attest_sweep")
def attest_sweep():
    """Issue attests the completion's own task could not (beat schedule, every 15 minutes)."""
    pending = attests.attests_pending()
    for enrolment_id in pending:
        attest_issue.delay(enrolment_id)
    return len(pending)


@shared_task(
    name="learners.xapi_statement_send",
    bind=True,
    autoretry_for=(XapiDeliveryFailed,),
    retry_backoff=True,
    retry_backoff_max=3600,
    max_retries=10,
    acks_late=True,
)
def xapi_statement_send(self, statement_pk):
    """Send one outbox statement to the learning record store (enqueued on commit, and by the
    sweep). Idempotent: a sent row is skipped, and the store keeps one statement per id.

    Run eagerly (no broker: in the request that caused the event, and in tests), a failure is
    not retried here: that would repeat the request's wait up to ten times. The row holds the
    error and its next attempt, and the sweep resends it.
    """
    try:
        xapi.xapi_statement_deliver(statement_pk=statement_pk)
    except XapiDeliveryFailed:
        if self.request.is_eager:
            return
        raise


@shared_task(name="learners.xapi_outbox_sweep")
def xapi_outbox_sweep():
    """Resend unsent statements whose next attempt is due, each as its own task (beat schedule,
    every 10 minutes): statements outlive an outage of the store and a lost worker."""
    due = xapi.xapi_outbox_due()
    for statement_pk in due:
        xapi_statement_send.delay(statement_pk)
    return len(due)
