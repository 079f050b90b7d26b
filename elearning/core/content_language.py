"""Which of the site's languages a page's own text is written in.

A page's locale says where it lives (/fr/...), not what it says: a French copy made in the
admin, or imported from another site, keeps its Dutch text until someone translates it. Pages
must never present Dutch under `lang="fr"` (WCAG 3.1.2: a screen reader would read it with a
French voice), so every page stores the language its text is in, detected when it is saved
(BasePage.save) with py3langid, restricted to the site's languages.

Detection gives the page the benefit of the doubt: with fewer than MIN_LETTERS letters, or
when the identifier is less than MIN_CONFIDENCE sure of another language than the locale's,
the page's locale is taken. Only the first MAX_CHARS characters are read: the language of a
long transcript shows in its opening, and detection stays quick on any input.
"""

import functools

from django.conf import settings
from django.utils.html import strip_tags

from wagtail.fields import StreamField

MIN_LETTERS = 30  # about five words: below this, a title or a name decides nothing
MIN_CONFIDENCE = 0.9  # normalised probability the identifier must give another language
MAX_CHARS = 5000


@functools.cache
def _identifier():
    """The identifier, loaded once per process (about half a second) when first needed."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code, _name in settings.LANGUAGES])
    return identifier


def site_languages():
    return {code for code, _name in settings.LANGUAGES}


def text_language(text, *, fallback):
    """The site language `text` is written in, or `fallback` when the text does not say."""
    # Markup is read at most four times over (tags and attributes), words at most once.
    text = strip_tags((text or "")[: 4 * MAX_CHARS])[:MAX_CHARS]
    if sum(character.isalpha() for character in text) < MIN_LETTERS:
        return fallback
    found, confidence = _identifier().classify(text)
    if found != fallback and confidence < MIN_CONFIDENCE:
        return fallback
    return found if found in site_languages() else fallback


def page_text(page):
    """The page's own words: title, summary and its text and content fields, bounded."""
    parts = [page.title or "", getattr(page, "summary", "") or ""]
    for field in _own_text_fields(type(page)):
        value = getattr(page, field.name)
        if isinstance(field, StreamField):
            parts.extend(str(part)[:MAX_CHARS] for part in field.get_searchable_content(value))
        else:
            parts.append(str(value or "")[:MAX_CHARS])
        if sum(map(len, parts)) > MAX_CHARS:
            break
    return "\n".join(parts)


@functools.cache
def _own_text_fields(model):
    """Text and stream fields a page model adds to Wagtail's Page (not slugs or choices)."""
    from wagtail.models import Page

    inherited = {field.name for field in Page._meta.get_fields()}
    return tuple(
        field
        for field in model._meta.concrete_fields
        if field.name not in inherited
        and field.name != "summary"
        and not getattr(field, "choices", None)
        and (isinstance(field, StreamField) or field.get_internal_type() == "TextField")
    )


def page_content_language(page):
    """The language of the page's text, its locale's when the text does not say."""
    return text_language(page_text(page), fallback=page.locale.language_code)
