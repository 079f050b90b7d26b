from django import template
from django.urls import reverse
from django.utils import translation

from courses.models import CoursePage

from .. import targets
from ..models import Evaluation
from ..targets import evaluation_course

register = template.Library()


@register.simple_tag(takes_context=True)
def evaluation_offer(context, kind, item_key, course):
    """For a signed-in learner on an item of a course that asks an evaluation:
    {"url": the form, "done": already evaluated}; otherwise None."""
    user = context["request"].user
    if not user.is_authenticated or course is None:
        return None
    course = getattr(course, "specific", course)
    if not isinstance(course, CoursePage) or not evaluation_course(course).evaluation_questions:
        return None
    done = Evaluation.objects.filter(user=user, kind=kind, item_key=item_key).exists()
    return {"url": reverse("reports:evaluate", args=[kind, item_key]), "done": done}


@register.simple_tag(takes_context=True)
def evaluations_waiting(context):
    """What the signed-in learner may still evaluate (targets.evaluations_waiting)."""
    user = context["request"].user
    if not user.is_authenticated:
        return []
    return targets.evaluations_waiting(user=user, language=translation.get_language())
