"""Seeding the information pages from their Markdown sources (see __init__.py).

Idempotent: a page is known by a fixed translation key, so seeding again (or after an editor
changed a title or a slug) adds only what is missing and never overwrites an editor's work. The
footer setting gets each page only where it names none yet.
"""

import datetime
import uuid
from pathlib import Path

import markdown

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from elearning.core.models import FooterPages

from ..models import HomePage, InformationPage

SOURCES = Path(__file__).parent
KEY_NAMESPACE = uuid.UUID("0b6a3a52-53c1-4f7e-a2a4-5e1f0c9d2b11")
# Page name -> the FooterPages field that links it.
SITE_PAGES = {
    "contact": "contact_page",
    "privacy": "privacy_page",
    "accessibility": "accessibility_page",
    "cookies": "cookie_page",
}
TRANSLATED_LANGUAGES = ("fr", "en")


class SitePagesSeedError(Exception):
    """The tree has no place for the pages yet."""


@transaction.atomic
def site_pages_seed():
    """Create whatever is missing of the four pages (nl under the Dutch home page, fr and en
    as its translations, published) and link them in the footer. Returns the pages created."""
    home = HomePage.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        raise SitePagesSeedError(_("There is no home page yet: create it before these pages."))
    created = []
    for name, field in SITE_PAGES.items():
        page, page_created = _source_page(home, name)
        created += [page] if page_created else []
        translations = (_translation(page, name, language) for language in TRANSLATED_LANGUAGES)
        created += [translation for translation in translations if translation is not None]
        _footer_link(home, field, page)
    return created


def site_page_source(name, language):
    """{title, slug, summary, last_reviewed, body}: a page's Markdown source, body as HTML."""
    text = (SOURCES / f"{name}.{language}.md").read_text(encoding="utf-8")
    _before, front_matter, body = text.split("---\n", 2)
    fields = dict(line.split(": ", 1) for line in front_matter.strip().splitlines())
    return {
        "title": fields["title"],
        "slug": fields["slug"],
        "summary": fields["summary"],
        "last_reviewed": datetime.date.fromisoformat(fields["reviewed"]),
        "body": markdown.markdown(body.strip()),
    }


def _translation_key(name):
    return uuid.uuid5(KEY_NAMESPACE, f"site-page-{name}")


def _source_page(home, name):
    """(page, created): the page in the home page's language, created when missing."""
    key = _translation_key(name)
    page = InformationPage.objects.filter(translation_key=key, locale=home.locale).first()
    if page is not None:
        return page, False
    page = InformationPage(translation_key=key, **site_page_source(name, home.locale.language_code))
    home.add_child(instance=page)
    return _published(page), True


def _translation(page, name, language):
    """The page's translation into `language`, when it was missing and could be created."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    if page.get_translations().filter(locale=locale).exists():
        return None
    if not page.get_parent().get_translations().filter(locale=locale).exists():
        return None  # no home page in this language: nothing to hang it under
    copy = page.copy_for_translation(locale)
    for field, value in site_page_source(name, language).items():
        setattr(copy, field, value)
    copy.save()
    return _published(copy)


def _published(page):
    page.save_revision().publish()
    return page


def _footer_link(home, field, page):
    site = (
        Site.objects.filter(root_page=home).first()
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return
    chosen = FooterPages.for_site(site)
    if getattr(chosen, f"{field}_id") is None:
        setattr(chosen, field, page)
        chosen.save()
