"""Writes of the reports app: evaluations given by learners, and the SPOCs' group."""

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from elearning.accounts.roles import COORDINATORS

from .models import (
    COMMENT_MAX_LENGTH,
    MAX_SCORE,
    MIN_SCORE,
    Evaluation,
    EvaluationRating,
    MunicipalCoordinator,
)
from .targets import evaluation_refusal


def coordinator_group_sync(*, user):
    """A person coordinating a municipality is in the Municipal coordinators group (which opens
    the admin and the reports); without any municipality left, they leave it."""
    group = Group.objects.filter(name=COORDINATORS).first()
    if group is None:  # before roles_ensure ran (a flushed test database)
        return
    if MunicipalCoordinator.objects.filter(user=user).exists():
        user.groups.add(group)
    else:
        user.groups.remove(group)


class EvaluationRefused(Exception):
    """An evaluation that is not recorded, with the reason in the learner's words."""

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)


@transaction.atomic
def evaluation_submit(*, user, target, scores, comment=""):
    """Record one learner's evaluation of one item: a score from 1 to 5 for every question of
    the course, and an optional comment. One per learner per item (the database holds it too,
    so two tabs sending at once record one)."""
    refusal = evaluation_refusal(user=user, target=target)
    if refusal:
        raise EvaluationRefused(refusal)
    questions = [question_id for question_id, _text in target.questions]
    if set(scores) != set(questions) or not all(
        isinstance(score, int) and MIN_SCORE <= score <= MAX_SCORE for score in scores.values()
    ):
        raise EvaluationRefused(_("Give every statement a score from 1 to 5."))
    if len(comment) > COMMENT_MAX_LENGTH:
        raise EvaluationRefused(_("The comment is too long."))
    try:
        with transaction.atomic():
            evaluation = Evaluation.objects.create(
                user=user,
                kind=target.kind,
                item_key=target.item_key,
                course_key=target.course.translation_key,
                municipality_id=user.municipality_id,
                sector_id=user.sector_id,
                comment=comment.strip(),
            )
    except IntegrityError:
        raise EvaluationRefused(_("You already evaluated this. Thank you!")) from None
    EvaluationRating.objects.bulk_create(
        EvaluationRating(evaluation=evaluation, question=question_id, score=scores[question_id])
        for question_id in questions
    )
    return evaluation


def evaluations_anonymise(*, user):
    """Erasure: the scores stay, without the person, for the averages; the comments go, since
    free text can name its writer."""
    Evaluation.objects.filter(user=user).update(user=None, comment="")
