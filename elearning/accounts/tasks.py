"""Background work of the accounts app. Thin: each task calls a service."""

from celery import shared_task

from django.db import DatabaseError

from . import services


@shared_task(
    name="accounts.sessions_expired_clear",
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def sessions_expired_clear():
    """Delete expired sessions (beat schedule, hourly); deleting them twice deletes nothing."""
    services.sessions_expired_clear()
