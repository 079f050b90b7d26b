"""The record of reminders sent: one per sign-up and date, claimed before its mail leaves.

The sweep that sends them is emails.reminders_send; the mail itself is outside any transaction,
so the claim, its release and its completion are three short transactions.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Reminder


def reminder_claim(*, signup, meeting):
    """The Reminder row if this sweep is the one to send it; None if another sweep was first.

    The insert commits on its own, before any mail leaves: the unique constraint then decides
    between sweeps running at the same time, on PostgreSQL and SQLite alike.
    """
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                signup=signup, meeting=meeting, starts_at=meeting.starts_at
            )
    except IntegrityError:
        return None


@transaction.atomic
def reminder_release(*, reminder):
    """Give a claim back after its mail failed, so the next sweep tries again."""
    reminder.delete()


@transaction.atomic
def reminder_sent_mark(*, reminder):
    reminder.sent_at = timezone.now()
    reminder.save(update_fields=["sent_at"])
