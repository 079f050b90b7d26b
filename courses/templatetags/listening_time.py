"""How long an audio episode lasts: in words for people, in ISO 8601 for `<time datetime>`."""

from django import template
from django.utils.translation import ngettext

register = template.Library()


def _hours_minutes_seconds(seconds):
    hours, rest = divmod(round(seconds or 0), 3600)
    minutes, seconds = divmod(rest, 60)
    return hours, minutes, seconds


@register.filter
def duration_in_words(seconds):
    """'1 hour 5 minutes', '25 minutes', '40 seconds': seconds count only under a minute."""
    hours, minutes, rest = _hours_minutes_seconds(seconds)
    if not hours and not minutes:
        return ngettext("%(count)d second", "%(count)d seconds", rest) % {"count": rest}
    if rest >= 30:  # nearest minute
        hours, minutes = divmod(hours * 60 + minutes + 1, 60)
    words = []
    if hours:
        words.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if minutes:
        words.append(
            ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
    return " ".join(words)


@register.filter
def duration_iso(seconds):
    """The machine-readable form, e.g. PT1H5M12S."""
    hours, minutes, rest = _hours_minutes_seconds(seconds)
    parts = [(hours, "H"), (minutes, "M"), (rest, "S")]
    return "PT" + ("".join(f"{value}{unit}" for value, unit in parts if value) or "0S")
