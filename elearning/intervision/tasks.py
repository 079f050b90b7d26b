"""Background work of intervision. Thin: each task loads by id and calls a service."""

from celery import shared_task

from . import emails, services


@shared_task(
    name="intervision.signup_message_send",
    bind=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=900,
    max_retries=6,
    acks_late=True,
)
def signup_message_send(self, signup_id, notice):
    """The message (with its calendar invite) about one change of a sign-up."""
    emails.signup_message_send(signup_id=signup_id, notice=notice)


@shared_task(
    name="intervision.handover_message_send",
    bind=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=900,
    max_retries=6,
    acks_late=True,
)
def handover_message_send(self, handover_id):
    """The offer of a colleague's place, to the person it is offered to."""
    emails.handover_message_send(handover_id=handover_id)


@shared_task(name="intervision.reminders_sweep")
def reminders_sweep():
    """Reminders 24 hours before each date (beat schedule); each is sent once only."""
    return emails.reminders_send()


@shared_task(name="intervision.offers_sweep")
def offers_sweep():
    """Offers of a freed place not taken in time pass to the next person, and offers of a
    colleague's place lapse (beat schedule)."""
    return services.offers_expire() + services.handovers_expire()
