"""Seeding the demo library from a build (build.py): the page tree's top (home and library in
every language), the themes and trainers, then the courses through the package importer, and
beside them what packages do not carry (recorded webinars, tools, the podcast).

Idempotent: what exists is left alone; a course is imported again only when its sources carry
a newer version than the one installed.
"""

import json
import zipfile
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.validators import validate_email

from wagtail.models import Locale, Page, Site

from courses.models import (
    CoursePackage,
    CoursePage,
    HomePage,
    LibraryPage,
    PodcastEpisodePage,
    PodcastPage,
    Theme,
    ToolPage,
    Trainer,
    WebinarPage,
)
from courses.packaging.services import package_import_path
from elearning.core.models import Sector
from elearning.core.sites import site_address
from elearning.core.upstream_internals import document_file_metadata_set
from media.captions import captions_check
from media.models import CustomDocument, CustomImage, MediaAsset, MediaCaption

from .sources import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    SOURCES_DIR,
    html_from_markdown,
    pages_read,
    podcast_read,
    site_read,
    yaml_read,
)


def demo_library_seed(build, log=print):
    """Create whatever part of the demo library is missing, from the build folder `build`."""
    index = json.loads((build / "index.json").read_text())
    site = site_read()
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    home = _home(site, locales)
    library = _translated_child(home, LibraryPage, site["library"], show_in_menus=True)
    _themes(site, locales)
    _trainers(site)
    for package in index["packages"]:
        _package_import(build / package["file"], log)
    sectors = {sector.code: sector for sector in Sector.objects.all()}
    for webinar in pages_read("webinar"):
        _webinar(library, webinar, build, index["webinars"][webinar.slug])
    for tool in pages_read("tool"):
        _tool(library, tool, sectors, site, build, index["handouts"][tool.slug])
    _podcast(library, build, index)


# The tree ----------------------------------------------------------------------------------


def _publish(page):
    page.save_revision().publish()
    return page


def _texts_of(item):
    """{language: {field: value}} from a site.yaml entry written as {field: {language: value}}."""
    return {
        language: {name: values[language] for name, values in item.items() if language in values}
        for language in LANGUAGES
    }


def _home(site, locales):
    texts = _texts_of(site["home"])
    home = HomePage.objects.filter(locale=locales[SOURCE_LANGUAGE], depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        for welcome in root.get_children():  # Wagtail's "Welcome" page
            welcome.delete()
        home = HomePage(slug="home", **texts[SOURCE_LANGUAGE])
        root.add_child(instance=home)
        _publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "root_page": home,
            **site_address(),  # SITE_URL's host and port
            "site_name": texts[SOURCE_LANGUAGE]["title"],
        },
    )
    _page_translations(home, texts)
    return home


def _translated_child(parent, model, item, **fields):
    texts = _texts_of(item)
    page = model.objects.child_of(parent).filter(slug=texts[SOURCE_LANGUAGE]["slug"]).first()
    if page is None:
        page = model(**texts[SOURCE_LANGUAGE], **fields)
        parent.add_child(instance=page)
        _publish(page)
    _page_translations(page, texts)
    return page


def _texts_by_language(source, fields):
    """{language: fields(language)} for each language the source page has."""
    return {language: fields(language) for language in source.languages}


def _source_page(parent, model, slug, fields, relations=None):
    """The Dutch page `slug` under `parent`, made and published when missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    for name, values in (relations or {}).items():
        getattr(page, name).set(values)
    _publish(page)
    return page, True


# Snippets and packages ---------------------------------------------------------------------


def _themes(site, locales):
    for item in site["themes"]:
        for language, locale in locales.items():
            if not Theme.objects.filter(locale=locale, slug=item["slug"]).exists():
                Theme.objects.create(
                    translation_key=item["key"],
                    locale=locale,
                    slug=item["slug"],
                    name=item["name"][language],
                    description=item["description"][language],
                )


def _trainers(site):
    for item in site["trainers"]:
        Trainer.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "role": item["role"][SOURCE_LANGUAGE],
                "organisation": item["organisation"],
                "bio": item["bio"][SOURCE_LANGUAGE],
            },
        )


def _package_import(path, log):
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    installed = CoursePackage.objects.filter(key=manifest["course"]["key"]).first()
    if installed and installed.version >= manifest["version"]:
        return
    report = package_import_path(source=str(path), publish=True)
    log(f"  imported {report.title} (version {report.version})")


def _themes_of(slug, language):
    return list(Theme.objects.filter(slug=slug, locale__language_code=language)) if slug else []


# Beside the packages -------------------------------------------------------------------------


def _asset(build, entry, title, kind="video"):
    """A recording of the build as a MediaAsset (processed by the normal pipeline), found
    again by title when it exists."""
    asset = MediaAsset.objects.filter(title=title, type=kind).first()
    if asset is not None:
        return asset
    path = build / entry["video" if kind == "video" else "file"]
    with path.open("rb") as stream:
        asset = MediaAsset(title=title, type=kind, duration=round(entry["duration"]))
        asset.file.save(path.name, File(stream), save=False)
        asset.full_clean()
        asset.save()
    for language, caption_path in entry.get("captions", {}).items():
        raw = (build / caption_path).read_bytes()
        caption = MediaCaption(asset=asset, language=language)
        caption.cue_count = captions_check(raw, duration=asset.duration)
        caption.file.save(Path(caption_path).name, ContentFile(raw))
    return asset


def _webinar(library, webinar, build, entry):
    shared = webinar.shared
    asset = _asset(build, entry, f"Demo: {webinar.texts[SOURCE_LANGUAGE]['title']}")

    def fields(language):
        text = webinar.texts[language]
        segments = text["recording"]
        return {
            "title": text["title"],
            "summary": text["summary"],
            "chapters": [
                ("chapter", {"start_seconds": int(start), "title": segment["slide"]})
                for start, segment in zip(entry["starts"], segments, strict=True)
            ],
            "transcript": "\n\n".join(segment["say"] for segment in segments),
        }

    page, _created = _source_page(
        library,
        WebinarPage,
        webinar.slug,
        {
            **fields(SOURCE_LANGUAGE),
            "starts_at": datetime.fromisoformat(shared["starts_at"]),
            "duration_minutes": shared["duration_minutes"],
            "recording": asset,
        },
        relations={
            "themes": _themes_of(shared["theme"], SOURCE_LANGUAGE),
            "trainers": list(Trainer.objects.filter(slug__in=shared["trainers"])),
        },
    )
    _page_translations(page, _texts_by_language(webinar, fields), themes=shared["theme"])


def _page_translations(page, texts, themes=None, audience=None):
    """The page's French and English versions with their own texts, `texts` being
    {language: fields} (a language the sources do not have gets no version)."""
    for language, fields in texts.items():
        if language == SOURCE_LANGUAGE or not fields:
            continue
        locale = Locale.objects.get(language_code=language)
        if page.get_translations().filter(locale=locale).exists():
            continue
        copy = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save()
        if themes is not None:
            copy.themes.set(_themes_of(themes, language))
        if audience is not None:
            copy.audience.set(audience)
        _publish(copy)


def _tool(library, tool, sectors, site, build, handouts):
    shared = tool.shared
    contact = shared.get("contact", {})
    email = _site_email(contact["email"]) if contact.get("email") else ""

    def fields(language):
        text = tool.texts[language]
        body = [("text", html_from_markdown(text["body"]))]
        handout = _handout(build / handouts[language], text["title"], site, language)
        return {
            "title": text["title"],
            "summary": text["summary"],
            "body": body,
            "materials": [("material", handout)],
            "contact_organisation": text.get("contact", {}).get("organisation", ""),
            "contact_text": text.get("contact", {}).get("how_to_borrow", ""),
            "contact_email": email,
        }

    audience = [sectors[code] for code in shared["audience"]]
    courses = [_course_of(slug) for slug in shared.get("courses", [])]
    page, _created = _source_page(
        library,
        ToolPage,
        tool.slug,
        {**fields(SOURCE_LANGUAGE), "kind": shared["kind"]},
        relations={
            "themes": _themes_of(shared["theme"], SOURCE_LANGUAGE),
            "audience": audience,
            "courses": [course for course in courses if course is not None],
        },
    )
    texts = _texts_by_language(tool, fields)
    _page_translations(page, texts, themes=shared["theme"], audience=audience)


def _handout(path, title, site, language):
    """The tool's printable version as a document, found again by its title when it exists."""
    labels = site["tool_handout"]
    title = labels["title"][language].format(title=title)
    document = CustomDocument.objects.filter(title=title).first()
    if document is None:
        with path.open("rb") as stream:
            document = CustomDocument(title=title, file=File(stream, name=path.name))
            document_file_metadata_set(document)
            document.save()
    return {"document": document, "description": labels["description"][language]}


def _course_of(folder):
    """The Dutch course page made from the sources' course folder `folder`."""
    key = yaml_read(SOURCES_DIR / "courses" / folder / "course.yaml")["key"]
    return CoursePage.objects.filter(translation_key=key, locale__language_code="nl").first()


def _site_email(local_part):
    """An address on the site's own domain; a site served at an IP address (a developer's
    machine) gets the reserved example.org instead."""
    address = f"{local_part}@{site_address()['hostname']}"
    try:
        validate_email(address)
    except ValidationError:
        return f"{local_part}@example.org"
    return address


def _podcast(library, build, index):
    podcast = podcast_read()
    shared = podcast.shared
    artwork = CustomImage.objects.filter(title="Demo podcast artwork").first()
    if artwork is None:
        path = build / index["artwork"]
        artwork = CustomImage(title="Demo podcast artwork")
        with path.open("rb") as stream:
            artwork.file.save(path.name, File(stream), save=False)
        artwork.save()

    def fields(language):
        text = podcast.texts[language]
        intro = html_from_markdown(text["intro"])
        return {"title": text["title"], "summary": text["summary"], "intro": intro}

    show, _created = _source_page(
        library,
        PodcastPage,
        podcast.slug,
        {
            **fields(SOURCE_LANGUAGE),
            "owner_name": shared["owner_name"],
            "owner_email": shared["owner_email"],
            "artwork": artwork,
        },
    )
    _page_translations(show, _texts_by_language(podcast, fields))
    for episode in podcast.episodes:
        _episode(show, episode, build, index["episodes"][episode.slug])


def _episode(show, episode, build, audio):
    shared = episode.shared

    def fields(language):
        text = episode.texts[language]
        entry = audio[language]
        title = f"Demo podcast: {episode.slug} ({language})"
        return {
            "title": text["title"],
            "summary": text["summary"],
            "show_notes": html_from_markdown(text["show_notes"]),
            "transcript": "\n\n".join(item["say"] for item in text["transcript"]),
            "audio": _asset(build, entry, title, kind="audio"),
        }

    page, _created = _source_page(
        show,
        PodcastEpisodePage,
        episode.slug,
        {
            **fields(SOURCE_LANGUAGE),
            "episode_number": shared["episode_number"],
            "publication_date": datetime.fromisoformat(shared["publication_date"]),
        },
        relations={"themes": _themes_of(shared["theme"], SOURCE_LANGUAGE)},
    )
    _page_translations(page, _texts_by_language(episode, fields), themes=shared["theme"])
