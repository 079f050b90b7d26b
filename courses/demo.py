"""Seed the demo library (part of `seed_demo`, elearning/demo/): idempotent, so running it again
changes nothing.

The content itself is data in demo_content.py; this module only places it in the page tree:
Dutch pages first, then French and English translations with translated titles and summaries.
"""

import uuid
from datetime import datetime

from django.db import transaction

from wagtail.models import Locale, Page, Site

from elearning.core.models import Sector
from elearning.core.sites import site_address

from . import demo_content as content
from .demo_audio import demo_episode_audio
from .models import (
    CompletionRule,
    CoursePage,
    HomePage,
    LibraryPage,
    ModulePage,
    PodcastEpisodePage,
    PodcastPage,
    Theme,
    ToolPage,
    Trainer,
    WebinarPage,
)

HOME = {
    "title": {
        "nl": "VIF-leerplatform",
        "fr": "Plateforme d'apprentissage VIF",
        "en": "VIF learning library",
    },
    "summary": {
        "nl": "Korte opleidingen, webinars en praktische tools voor professionals die "
        "intrafamiliaal geweld ontmoeten.",
        "fr": "Formations courtes, webinaires et outils pratiques pour les professionnels "
        "confrontés aux violences intrafamiliales.",
        "en": "Short training, webinars and practical tools for professionals who meet "
        "domestic and family violence.",
    },
}
LIBRARY = {
    "slugs": {"fr": "bibliotheque", "en": "library"},
    "title": {"nl": "Bibliotheek", "fr": "Bibliothèque", "en": "Library"},
    "summary": {
        "nl": "Alle opleidingsreeksen, webinars en tools op één plek.",
        "fr": "Toutes les séries de formation, webinaires et outils en un seul endroit.",
        "en": "Every training series, webinar and tool in one place.",
    },
}


def _completion_rule(body):
    """A module with a question is completed by answering it right; others by reading them."""
    if any(kind == "knowledge_check" for kind, _value in body):
        return CompletionRule.CHECK_PASSED
    return CompletionRule.VIEWED


def _stream(body):
    return [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in body]


def _publish(page):
    page.save_revision().publish()
    return page


def _child(parent, model, slug, **fields):
    """The live child with this slug, created and published when it does not exist yet."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    _publish(page)
    return page, True


def _translate(page, translations, locales):
    """French and English copies of a Dutch page, with translated title and summary."""
    for locale in locales:
        if page.get_translations().filter(locale=locale).exists():
            continue
        copy = page.copy_for_translation(locale)
        copy.title = translations["title"].get(locale.language_code, page.title)
        copy.summary = translations["summary"].get(locale.language_code, page.summary)
        copy.slug = translations.get("slugs", {}).get(locale.language_code, copy.slug)
        copy.save()
        _publish(copy)


def _home(locale_nl):
    home = HomePage.objects.filter(locale=locale_nl, depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title=HOME["title"]["nl"], slug="home", summary=HOME["summary"]["nl"])
        for welcome in root.get_children():  # Wagtail's "Welcome" page
            welcome.delete()
        root.add_child(instance=home)
        _publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, **site_address(), "site_name": HOME["title"]["nl"]},
    )
    return home


def _themes(locales):
    themes = {}
    nl = Locale.objects.get(language_code="nl")
    for item in content.THEMES:
        theme, _created = Theme.objects.get_or_create(
            slug=item["slug"],
            locale=nl,
            defaults={"name": item["name"]["nl"], "description": item["description"]["nl"]},
        )
        for locale in locales:
            if not Theme.objects.filter(
                translation_key=theme.translation_key, locale=locale
            ).exists():
                copy = theme.copy_for_translation(locale)
                copy.name = item["name"][locale.language_code]
                copy.description = item["description"][locale.language_code]
                copy.save()
        themes[item["slug"]] = theme
    return themes


def _trainers():
    trainers = {}
    for item in content.TRAINERS:
        trainers[item["slug"]], _created = Trainer.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "role": item["role"]["nl"],
                "organisation": item["organisation"],
                "bio": item["bio"],
            },
        )
    return trainers


def _relate(page, themes=(), trainers=(), audience=()):
    if hasattr(page, "themes"):
        page.themes.set(themes)
    if hasattr(page, "trainers"):
        page.trainers.set(trainers)
    if hasattr(page, "audience"):
        page.audience.set(audience)
    _publish(page)


def _courses(library, themes, trainers, sectors, locales):
    for item in content.COURSES:
        course, created = _child(
            library,
            CoursePage,
            item["slug"],
            title=item["title"]["nl"],
            summary=item["summary"]["nl"],
            learning_objectives=[("objective", text) for text in item["learning_objectives"]],
            licence=item["licence"],
            attribution=item["attribution"],
        )
        if created:
            _relate(
                course,
                themes=[themes[item["theme"]]],
                trainers=[trainers[slug] for slug in item["trainers"]],
                audience=[sectors[code] for code in item["audience"]],
            )
        _translate(course, item, locales)
        for module_item in item["modules"]:
            module, _created = _child(
                course,
                ModulePage,
                module_item["slug"],
                title=module_item["title"]["nl"],
                summary=module_item["summary"]["nl"],
                duration_minutes=module_item["duration_minutes"],
                content_warning=module_item["content_warning"],
                body=_stream(module_item["body"]),
                completion_rule=_completion_rule(module_item["body"]),
                min_score_percent=100,
            )
            _translate(module, module_item, locales)


def _webinars(library, themes, trainers, locales):
    for item in content.WEBINARS:
        webinar, created = _child(
            library,
            WebinarPage,
            item["slug"],
            title=item["title"]["nl"],
            summary=item["summary"]["nl"],
            starts_at=datetime.fromisoformat(item["starts_at"]),
            duration_minutes=item["duration_minutes"],
            chapters=[("chapter", chapter) for chapter in item["chapters"]],
            transcript=item["transcript"],
        )
        if created:
            _relate(
                webinar,
                themes=[themes[item["theme"]]],
                trainers=[trainers[slug] for slug in item["trainers"]],
            )
        _translate(webinar, item, locales)


def _tools(library, themes, sectors, locales):
    for item in content.TOOLS:
        tool, created = _child(
            library,
            ToolPage,
            item["slug"],
            title=item["title"]["nl"],
            summary=item["summary"]["nl"],
            kind=item["kind"],
            body=_stream([("text", item["body"])]),
        )
        if created:
            _relate(
                tool,
                themes=[themes[item["theme"]]] if item["theme"] else [],
                audience=[sectors[code] for code in item["audience"]],
            )
        _translate(tool, item, locales)


def _episode(show, item, themes, locales):
    episode = PodcastEpisodePage.objects.child_of(show).filter(slug=item["slug"]).first()
    if episode is None:
        audio = demo_episode_audio(slug=item["slug"])
        if audio is None:  # no ffmpeg: an episode cannot be saved without sound; the show stays
            return
        episode, _created = _child(
            show,
            PodcastEpisodePage,
            item["slug"],
            title=item["title"]["nl"],
            summary=item["summary"]["nl"],
            audio=audio,
            episode_number=item["episode_number"],
            publication_date=datetime.fromisoformat(item["publication_date"]),
            show_notes=item["show_notes"],
            transcript=item["transcript"],
        )
        _relate(episode, themes=[themes[item["theme"]]])
    _translate(episode, item, locales)


def _podcast(library, themes, locales):
    item = content.PODCAST
    show, _created = _child(
        library,
        PodcastPage,
        item["slug"],
        title=item["title"]["nl"],
        summary=item["summary"]["nl"],
        intro=item["intro"],
        owner_name=item["owner_name"],
        owner_email=item["owner_email"],
    )
    _translate(show, item, locales)
    for episode_item in item["episodes"]:
        _episode(show, episode_item, themes, locales)


@transaction.atomic
def demo_library_seed():
    """Create whatever part of the demo library is missing (pages, themes, trainers)."""
    locale_nl, _created = Locale.objects.get_or_create(language_code="nl")
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "en")]
    home = _home(locale_nl)
    _translate(home, HOME, locales)
    library, _created = _child(
        home,
        LibraryPage,
        "bibliotheek",
        title=LIBRARY["title"]["nl"],
        summary=LIBRARY["summary"]["nl"],
        show_in_menus=True,
    )
    _translate(library, LIBRARY, locales)
    themes = _themes(locales)
    trainers = _trainers()
    sectors = {sector.code: sector for sector in Sector.objects.all()}
    _courses(library, themes, trainers, sectors, locales)
    _webinars(library, themes, trainers, locales)
    _tools(library, themes, sectors, locales)
    _podcast(library, themes, locales)
