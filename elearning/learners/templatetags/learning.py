from django import template

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
