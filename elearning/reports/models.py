"""Evaluations learners give, and who coordinates which municipality (the SPOC).

An evaluation is about one item a learner took part in: a module, a webinar or an intervision
session, identified like progress is (a page's translation key, a session's uid), so one
learner gives one evaluation per item whatever the language. The course the item belongs to
sets the questions (CoursePage.evaluation_questions); each rating keeps the question's block id.
Like progress, an evaluation keeps the learner's municipality and sector, and loses the person
when the account is deleted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MIN_SCORE, MAX_SCORE = 1, 5
COMMENT_MAX_LENGTH = 2000


class EvaluatedKind(models.TextChoices):
    MODULE = "module", _("Module")
    WEBINAR = "webinar", _("Webinar")
    SESSION = "session", _("Intervision session")


class Evaluation(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="evaluations",
    )
    kind = models.CharField(_("about"), max_length=8, choices=EvaluatedKind.choices)
    item_key = models.UUIDField(_("item"))
    course_key = models.UUIDField(_("course"), db_index=True)
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sector = models.ForeignKey(
        "core.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "item_key"],
                condition=Q(user__isnull=False),
                name="reports_one_evaluation_per_item",
                violation_error_message=_("You already evaluated this."),
            )
        ]
        # Who may read which reports (scope.py narrows each to the person's courses or
        # municipalities); held here because every report is about learning on this site.
        permissions = [
            ("view_all_reports", _("Can see every report")),
            ("view_course_reports", _("Can see the reports of the courses one teaches")),
            (
                "view_municipal_reports",
                _("Can see the reports of the municipalities one coordinates"),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.item_key}"


class EvaluationRating(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="ratings")
    question = models.CharField(_("question"), max_length=64)  # the question's block id
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "question"], name="reports_one_rating_per_question"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=MIN_SCORE, score__lte=MAX_SCORE),
                name="reports_score_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.score}"


class MunicipalCoordinator(models.Model):
    """A SPOC: sees the aggregated reports of this municipality, and of no other."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="coordinated",
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="coordinators",
    )

    class Meta:
        verbose_name = _("municipal coordinator (SPOC)")
        verbose_name_plural = _("municipal coordinators (SPOC)")
        ordering = ["municipality__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"],
                name="reports_coordinator_once",
                violation_error_message=_("This person already coordinates this municipality."),
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.municipality}"
