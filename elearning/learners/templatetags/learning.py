from django import template
from django.contrib.auth.models import AnonymousUser

from ..selectors import course_progress as select_course_progress
from ..selectors import module_completion_needs
from ..selectors import module_progress as select_module_progress

register = template.Library()


@register.simple_tag(takes_context=True)
def module_progress(context, module):
    """The signed-in learner's progress in `module` (None for visitors): status and position."""
    request = context.get("request")
    if request is None:
        return None
    recorded = getattr(request, "learner_progress", None)
    if recorded is not None and recorded.module_key == module.translation_key:
        return recorded
    return select_module_progress(user=request.user, module=module)


@register.simple_tag
def module_needs(module, progress):
    """What the learner still has to do to complete `module` (see module_completion_needs)."""
    return module_completion_needs(module=module, progress=progress)


@register.simple_tag(takes_context=True)
def course_progress(context, course, parts):
    """The signed-in learner's progress through the course's `parts` (one query); for a
    visitor, the parts without any state (their page is cached and shared)."""
    user = getattr(context.get("request"), "user", None) or AnonymousUser()
    return select_course_progress(user=user, course=course, parts=parts)


@register.filter
def clock(seconds):
    """Seconds as a player shows them: 3:07, or 1:02:07 past an hour."""
    total = int(seconds or 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.simple_tag(takes_context=True)
def reflection_note(context, block_id):
    """The signed-in learner's note on this reflection question (None for visitors)."""
    return (context.get("reflection_notes") or {}).get(block_id)
