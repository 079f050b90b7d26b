"""A learner's record: enrolments, progress per module, knowledge-check attempts, attests.

Modules and courses are identified by their Wagtail translation key, so a learner who switches
language keeps one record, and the record outlives a page that is later removed. Each row keeps
the learner's municipality and sector at the time of learning: when the learner deletes their
account the user link is cleared and the row stays, anonymous, for the municipal statistics.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """A learner taking a course, created on their first activity in one of its modules."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sector = models.ForeignKey(
        "core.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(_("started"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"],
                condition=Q(user__isnull=False),
                name="learners_one_enrolment_per_course",
            )
        ]

    def __str__(self):
        return f"{self.user_id or '-'} / {self.course_key}"


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class ModuleProgress(models.Model):
    """Where one learner stands in one module.

    `watched` holds, per media asset id, the merged list of [start, end] seconds actually played:
    the union of intervals, so skipping to the end adds nothing. It is kept on this row (not in
    a table of its own) because every heartbeat reads and rewrites it: one row, one update.
    `check_answers` holds the latest answer per knowledge-check block: {block id: correct}.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="module_progress",
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="module_progress"
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProgressStatus.choices,
        default=ProgressStatus.NOT_STARTED,
    )
    first_activity_at = models.DateTimeField(_("first activity"))
    last_activity_at = models.DateTimeField(_("last activity"))
    seconds_spent = models.PositiveIntegerField(_("time spent (seconds)"), default=0)
    last_media_id = models.PositiveIntegerField(_("last video or audio"), null=True, blank=True)
    last_position_seconds = models.FloatField(_("last position (seconds)"), default=0)
    last_position_at = models.DateTimeField(null=True, blank=True)
    watched = models.JSONField(_("watched segments"), default=dict, blank=True)
    check_answers = models.JSONField(_("knowledge-check answers"), default=dict, blank=True)
    best_score_percent = models.PositiveSmallIntegerField(
        _("best knowledge-check score (%)"), null=True, blank=True
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key"],
                condition=Q(user__isnull=False),
                name="learners_one_progress_per_module",
            ),
            models.CheckConstraint(
                condition=Q(last_position_seconds__gte=0),
                name="learners_position_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(best_score_percent__isnull=True) | Q(best_score_percent__lte=100),
                name="learners_score_at_most_100",
            ),
        ]

    def __str__(self):
        return f"{self.user_id or '-'} / {self.module_key}: {self.status}"


class QuizAttempt(models.Model):
    """One answer to one knowledge-check question, as submitted (kept for the learner's record)."""

    progress = models.ForeignKey(ModuleProgress, on_delete=models.CASCADE, related_name="attempts")
    block_id = models.CharField(max_length=64)
    choice = models.PositiveSmallIntegerField()
    correct = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("knowledge-check attempt")
        verbose_name_plural = _("knowledge-check attempts")
        indexes = [models.Index(fields=["progress", "block_id"], name="learners_attempt_block")]

    def __str__(self):
        return f"{self.block_id}: {self.choice} ({'right' if self.correct else 'wrong'})"


class ProgressEvent(models.Model):
    """The id of every progress event already applied, so a resent event counts once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress_events"
    )
    client_event_id = models.CharField(max_length=64)
    module_key = models.UUIDField()
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "client_event_id"], name="learners_event_once_per_user"
            )
        ]

    def __str__(self):
        return self.client_event_id


def new_attest_code():
    """Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L)."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


class Attest(models.Model):
    """Proof that a learner completed a course; anyone holding the code can verify it.

    Name, course and module titles and hours are copied in when issued: the attest states what
    was true that day, whatever later happens to the course pages. The PDF is private
    (downloaded through a view that checks the owner) and lives in the default storage under a
    random name.

    The attest outlives the holder's account: erasing it clears `user`, `learner_name` and the
    PDF, and the code still verifies the course and date. Only `name_hash` (salted and keyed
    with a server secret, see attests.attest_name_hash) remains, so a verifier who already knows
    the name can confirm it, and nobody can read it back.
    """

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="attest")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attests",
    )
    code = models.CharField(
        _("verification code"), max_length=12, unique=True, default=new_attest_code
    )
    learner_name = models.CharField(_("learner"), max_length=300, blank=True)
    name_salt = models.CharField(_("name salt"), max_length=32, blank=True, editable=False)
    name_hash = models.CharField(_("name hash"), max_length=64, blank=True, editable=False)
    course_title = models.CharField(_("course"), max_length=255)
    module_titles = models.JSONField(_("modules"), default=list, blank=True)
    study_minutes = models.PositiveIntegerField(_("study time (minutes)"))
    completed_on = models.DateField(_("completed on"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    pdf = models.FileField(_("PDF"), upload_to="attests/", blank=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.code}: {self.course_title}"


class XapiStatement(models.Model):
    """One xAPI statement for the learning record store: the outbox (see xapi.py).

    Written in the same transaction as the progress it describes, sent after the commit and
    resent by the sweep until the store has it. `payload` is the statement exactly as sent, so a
    resend carries the same `statement_id` and content and the store keeps it once.
    """

    statement_id = models.UUIDField(_("statement id"), unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="xapi_statements",
    )
    verb = models.CharField(_("verb"), max_length=16)  # a key of xapi.VERBS
    payload = models.JSONField(_("statement"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"))

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        indexes = [
            # The sweep's question ("unsent and due"); sent rows, the bulk, stay out of it.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(sent_at__isnull=True),
                name="learners_xapi_unsent_due",
            )
        ]

    def __str__(self):
        return f"{self.verb} {self.statement_id}"


REFLECTION_NOTE_MAX_LENGTH = 5000


class ReflectionNote(models.Model):
    """A learner's private answer to a reflection question, for themselves alone.

    Never shown to trainers or editors, in reports or in the admin: only the learner reads it,
    on the module page, on "My reflections" and in their data download. It goes with the account
    (CASCADE): unlike progress, a note has no anonymous statistical use. `block_id` is the
    StreamField id of the reflection block, the same in every language of the module.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflection_notes"
    )
    module_key = models.UUIDField(_("module"))
    block_id = models.CharField(max_length=64)
    text = models.TextField(_("note"), max_length=REFLECTION_NOTE_MAX_LENGTH)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reflection note")
        verbose_name_plural = _("reflection notes")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key", "block_id"], name="learners_one_note_per_question"
            )
        ]

    def __str__(self):
        return f"{self.user_id} / {self.module_key} / {self.block_id}"
