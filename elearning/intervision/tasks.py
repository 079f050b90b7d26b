"""Background work of intervision. Thin: each task loads by id and calls a service."""

from celery import shared_task

from elearning.core.retries import MAIL_RETRY

from . import emails, services


@shared_task(name="intervision.signup_message_send", bind=True, acks_late=True, **MAIL_RETRY)
def signup_message_send(self, signup_id, notice):
    """The message (with its calendar invite) about one change of a sign-up.

    Retried only while nothing left (mail server or database out of reach, a 4xx answer), so a
    retry does not send the message twice. After the last try the message is not sent: the
    worker logs the failure, and the person's "My sessions" page shows the sign-up as it is.
    """
    emails.signup_message_send(signup_id=signup_id, notice=notice)


@shared_task(name="intervision.handover_message_send", bind=True, acks_late=True, **MAIL_RETRY)
def handover_message_send(self, handover_id):
    """The offer of a colleague's place, to the person it is offered to (retries: as above;
    an offer that lapsed meanwhile is not sent)."""
    emails.handover_message_send(handover_id=handover_id)


@shared_task(name="intervision.reminders_sweep")
def reminders_sweep():
    """Reminders 24 hours before each date (beat schedule); each is sent once only. Not
    retried: a reminder that did not leave is given back and the next sweep sends it."""
    return emails.reminders_send()


@shared_task(name="intervision.offers_sweep")
def offers_sweep():
    """Offers of a freed place not taken in time pass to the next person, and offers of a
    colleague's place lapse (beat schedule; not retried, the next run does the same work)."""
    return services.offers_expire() + services.handovers_expire()
