"""What a participant is told, and when: one Notice per change, sent after the commit."""

from django.db import models

from elearning.core.background import task_enqueue_on_commit


class Notice(models.TextChoices):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    OFFERED = "offered"
    PROMOTED = "promoted"
    CANCELLED = "cancelled"
    OFFER_LAPSED = "offer_lapsed"
    SUBSTITUTE = "substitute"
    HANDED_OVER = "handed_over"
    CHANGED = "changed"
    SESSION_CANCELLED = "session_cancelled"
    REMINDER = "reminder"


def notify(signup, notice):
    """Queue the message once the change is committed (never for a rolled-back change)."""
    # robust: a broker that is down must not undo the sign-up; the message is lost then, the
    # sign-up and the person's calendar feed are not.
    task_enqueue_on_commit("intervision.signup_message_send", signup.pk, notice)


def notify_handover(handover):
    """Queue the offer of a colleague's place to the person it is offered to, after the commit."""
    task_enqueue_on_commit("intervision.handover_message_send", handover.pk)
