"""Evaluation averages and comments, as a course report shows them."""

import uuid

from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, ModulePage, WebinarPage
from elearning.intervision.models import IntervisionSession
from elearning.learners.selectors import page_titles

from ..models import EvaluatedKind, Evaluation, EvaluationRating
from ..tables import SUPPRESSED, Table, mean

COMMENTS_SHOWN = 100


def evaluated_items(course, modules, webinars, sessions):
    """{(kind, item key): title} of everything in the course that can be evaluated
    (`sessions`: [(uid, title)] of the course's intervision sessions)."""
    items = {(EvaluatedKind.MODULE, m.translation_key): m.title for m in modules}
    items.update({(EvaluatedKind.WEBINAR, w.translation_key): w.title for w in webinars})
    items.update({(EvaluatedKind.SESSION, uid): title for uid, title in sessions})
    return items


def ratings_table(course, items, evaluations, shown):
    """Per item whose number of evaluations is `shown` ({item: number}): that number and the
    average score of each question (an item whose number is hidden is left out: its row would
    say someone evaluated it)."""
    questions = [(block.id, block.value) for block in course.evaluation_questions]
    averages = {
        (row["evaluation__kind"], row["evaluation__item_key"], row["question"]): row
        for row in EvaluationRating.objects.filter(
            evaluation__in=Evaluation.objects.filter(evaluations)
        )
        .values("evaluation__kind", "evaluation__item_key", "question")
        .annotate(average=Avg("score"), number=Count("id"))
    }
    table = Table(
        slug="evaluations",
        title=_("Evaluations"),
        columns=[_("About"), _("Type"), _("Evaluations")] + [text for _id, text in questions],
        description=_("Average score per statement, from 1 (do not agree) to 5 (fully agree)."),
        empty_text=_("Nobody evaluated this course yet, or it asks no evaluation."),
    )
    for (kind, key), title in items.items():
        if (kind, key) not in shown:
            continue
        row = [title, EvaluatedKind(kind).label, shown[(kind, key)]]
        for question_id, _text in questions:
            figures = averages.get((kind, key, question_id))
            row.append(mean(figures["average"], figures["number"]) if figures else SUPPRESSED)
        table.rows.append(row)
    return table


# A key no item has: the list of items below is never empty, so the query runs the same way
# however many items have enough evaluations.
_NO_ITEM = uuid.UUID(int=0)


def comments_table(items, evaluations, shown):
    """The latest comments, without names, of items whose number of evaluations is `shown`
    (at least MIN_LEARNERS people: in a smaller group a comment could be told apart)."""
    table = Table(
        slug="comments",
        title=_("Comments"),
        columns=[_("About"), _("Month"), _("Comment")],
        description=_(
            "Comments appear without names, and only for what at least 5 people evaluated."
        ),
        empty_text=_("No comments to show."),
    )
    rows = (
        Evaluation.objects.filter(evaluations, item_key__in=[_NO_ITEM, *(k for _c, k in shown)])
        .exclude(comment="")
        .order_by("-created_at", "-pk")
        .values_list("kind", "item_key", "comment", "created_at")[:COMMENTS_SHOWN]
    )
    for kind, key, comment, created_at in rows:
        if (kind, key) in shown:
            month = timezone.localtime(created_at).strftime("%Y-%m")
            table.rows.append([items[(kind, key)], month, comment])
    return table


def evaluations_export(*, user):
    """The person's own evaluations, for the GDPR download (JSON-ready), with the titles of
    what they evaluated in their language beside the keys (one query per kind of item)."""
    evaluations = list(
        Evaluation.objects.filter(user=user).prefetch_related("ratings").order_by("pk")
    )
    titles = _evaluated_titles(evaluations, language=user.preferred_language)
    return [
        {
            "about": evaluation.kind,
            "item": str(evaluation.item_key),
            "item_title": titles.get((evaluation.kind, evaluation.item_key)),
            "course": str(evaluation.course_key),
            "course_title": titles.get(("course", evaluation.course_key)),
            "scores": {rating.question: rating.score for rating in evaluation.ratings.all()},
            "comment": evaluation.comment,
            "given_at": evaluation.created_at.isoformat(),
        }
        for evaluation in evaluations
    ]


def _evaluated_titles(evaluations, *, language):
    """{(kind, key): title} of the evaluated items and ("course", key): title of their courses."""

    def keys(kind):
        return [e.item_key for e in evaluations if e.kind == kind]

    titles = {}
    for kind, model in ((EvaluatedKind.MODULE, ModulePage), (EvaluatedKind.WEBINAR, WebinarPage)):
        found = page_titles(model=model, keys=keys(kind), language=language)
        titles.update({(kind, key): title for key, title in found.items()})
    sessions = IntervisionSession.objects.filter(uid__in=keys(EvaluatedKind.SESSION))
    titles.update(
        {(EvaluatedKind.SESSION, uid): title for uid, title in sessions.values_list("uid", "title")}
    )
    courses = page_titles(
        model=CoursePage, keys=[e.course_key for e in evaluations], language=language
    )
    titles.update({("course", key): title for key, title in courses.items()})
    return titles
