"""Retry policies of the background tasks: which errors are worth another try, and how long a
task waits before it. README.md, "Background tasks and their retries", lists every task.

A policy is a set of keyword arguments for `shared_task`. Celery's `retry_backoff` and
`max_retries` act only on the errors listed in `autoretry_for`: an error that is not listed
fails the task at once. So only errors that a later try can overcome are listed (a database or
mail server out of reach, a mail server answering "try again later"); bad data (a template
error, an address the server refuses for good) fails once and is not sent again and again.

Countdowns are `retry_backoff * 2**retries` seconds, capped at `retry_backoff_max`, without
Celery's jitter: the volumes are small (a burst of sign-ups is tens of messages, not thousands
coming back at once), a mail server that greylists wants the sender to wait, not to come back
after a random fraction of a second, and an operator can read the schedule in the README.
The mail policies take both numbers from settings (MAIL_RETRY_FIRST_SECONDS, MAIL_RETRY_MAX_SECONDS)
so that the tests can watch a real worker retry a message without waiting half a minute.
"""

import smtplib
import socket

from botocore.exceptions import ConnectionError as StorageConnectionError
from botocore.exceptions import HTTPClientError as StorageHTTPError

from django.conf import settings
from django.db import InterfaceError, OperationalError

# The database did not answer (restart, failover, connection lost); a query that is wrong is a
# DatabaseError too, but not one of these.
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)
# The object storage (S3) did not answer: connection refused, closed or timed out.
STORAGE_UNREACHABLE = (StorageConnectionError, StorageHTTPError)


class MailDeferred(Exception):
    """The mail server did not take the message this time and nothing was sent: it could not
    be reached, or it answered with a 4xx code ("try again later", greylisting). A later try
    sends the message once."""


def mail_send(message):
    """Send an EmailMessage; a failure that a later try can overcome raises MailDeferred.

    A permanent refusal (a 5xx answer: the address does not exist, the message is refused)
    raises the server's own error, which no policy retries.
    """
    try:
        return message.send()
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _reply in error.recipients.values()]
        if codes and all(_temporary(code) for code in codes):
            raise MailDeferred(f"recipient deferred: {codes}") from error
        raise
    except smtplib.SMTPResponseException as error:
        if _temporary(error.smtp_code):
            raise MailDeferred(f"mail server answered {error.smtp_code}") from error
        raise
    except (
        smtplib.SMTPServerDisconnected,
        ConnectionError,
        TimeoutError,
        socket.gaierror,
    ) as error:
        raise MailDeferred(f"mail server unreachable: {type(error).__name__}") from error


def _temporary(smtp_code):
    return 400 <= smtp_code < 500


# Work on database rows only: about five minutes of tries (10, 20, 40, 80, 160 s at most).
DATABASE_RETRY = {
    "autoretry_for": DATABASE_UNREACHABLE,
    "retry_backoff": 10,
    "retry_backoff_max": 300,
    "retry_jitter": False,
    "max_retries": 5,
}

# A message to a person: about an hour of tries (30 s, 1, 2, 4, 8 min, then every 15 min at
# most), enough for a mail server's restart or a greylisting delay.
MAIL_RETRY = {
    "autoretry_for": DATABASE_UNREACHABLE + (MailDeferred,),
    "retry_backoff": settings.MAIL_RETRY_FIRST_SECONDS,
    "retry_backoff_max": settings.MAIL_RETRY_MAX_SECONDS,
    "retry_jitter": False,
    "max_retries": 8,
}

# A message with a stored file (the attest's PDF): the mail policy, and the storage too.
MAIL_AND_STORAGE_RETRY = MAIL_RETRY | {
    "autoretry_for": MAIL_RETRY["autoretry_for"] + STORAGE_UNREACHABLE,
}
