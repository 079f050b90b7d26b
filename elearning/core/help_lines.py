"""The help lines the help box on every page names, in the visitor's language.

Read on every render of every page, so kept per language in the shared cache under the page
cache's generation: saving or deleting a line raises that generation (signal_handlers.py), which
refreshes these lines and every cached page that shows them at once. Plain dicts only: the shared
cache holds no model instance.
"""

from django.conf import settings

from .generations import generation_value, generation_values_store
from .models import HelpLine
from .page_cache import page_cache_generation


def help_lines_for_language(language_code):
    """[{number, tel_url, name, description}] of this language, or of the default language
    when this one has none (a language added later still shows where to find help)."""
    key = f"help-lines:{page_cache_generation()}:{language_code}"
    lines = generation_value(key)
    if lines is None:
        lines = _lines(language_code) or _lines(settings.LANGUAGE_CODE)
        generation_values_store({key: lines}, timeout=settings.PAGE_CACHE_TIMEOUT)
    return lines


def _lines(language_code):
    rows = HelpLine.objects.filter(locale__language_code=language_code).order_by("sort_order", "pk")
    return tuple(
        {
            "number": line.number,
            "tel_url": line.tel_url,
            "name": line.name,
            "description": line.description,
        }
        for line in rows
    )
