"""Background work of the accounts app. Thin: each task calls a service."""

from celery import shared_task

from elearning.core.retries import DATABASE_RETRY

from . import services


@shared_task(name="accounts.sessions_expired_clear", **DATABASE_RETRY)
def sessions_expired_clear():
    """Delete expired sessions (beat schedule, hourly); deleting them twice deletes nothing.

    Retried while the database is out of reach; after the last try the next hourly run
    deletes what this one could not.
    """
    services.sessions_expired_clear()
