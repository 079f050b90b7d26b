"""The course's modules and webinars as standalone HTML pages, shared by every standard.

A learning platform shows each part of the course on its own, offline from the site: one page
per module or webinar, in the language asked for, with the site's help notice (1712, 112) and
the course's licence, which must travel with the content.
"""

import re
from dataclasses import dataclass, field
from functools import partial

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from courses.models import CoursePage, ModulePage, WebinarPage
from elearning.core.sites import page_full_url, site_root_url

from ..richtext import web_address
from ..schema import PackageRefused
from .blocks import Rendering, block_render, media_context

# Characters XML 1.0 cannot carry at all, not even escaped.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class PackageKind:
    """What differs between the standards: whether media travel, whether completion is sent."""

    media_included: bool
    completion_tracked: bool


@dataclass(frozen=True)
class ExternalLink:
    identifier: str
    title: str
    url: str


@dataclass
class PartPage:
    """One module or webinar, rendered, with what its page refers to."""

    page: object
    filename: str
    html: str
    url: str  # on the site
    files: list = field(default_factory=list)  # paths in the package, first use first
    external_links: list = field(default_factory=list)


def course_translation_get(*, course, language=None):
    """The live course in `language` (default: the course's own), or PackageRefused."""
    language = language or course.locale.language_code
    translated = (
        CoursePage.objects.live()
        .filter(translation_key=course.translation_key, locale__language_code=language)
        .first()
    )
    if translated is not None and not Page.objects.filter(pk=translated.pk).public().exists():
        raise PackageRefused(
            _(
                "The course “%(title)s” in the language “%(language)s” is restricted to some "
                "visitors; restricted pages are never exported."
            )
            % {"title": course.title, "language": language}
        )
    if translated is None:
        raise PackageRefused(
            _("The course “%(title)s” has no published version in the language “%(language)s”.")
            % {"title": course.title, "language": language}
        )
    return translated


def course_parts_list(*, course):
    """The course's live modules and webinars in the order editors gave them; those with a
    view restriction are never exported."""
    return list(course.get_children().live().public().type(ModulePage, WebinarPage).specific())


def text_xml_clean(*, text):
    """Text an editor typed, without the few control characters XML cannot hold."""
    return NOT_IN_XML.sub("", str(text or ""))


def course_metadata_get(*, course):
    """What a manifest says about the course, in the course's language, fit for XML."""
    with translation.override(course.locale.language_code):
        rights = _("Licence: %(licence)s") % {"licence": course.get_licence_display()}
        if course.attribution:
            rights += " · " + _("Made by %(attribution)s") % {"attribution": course.attribution}
    return {
        "title": text_xml_clean(text=course.title),
        "description": text_xml_clean(text=course.search_description or course.summary),
        "rights": text_xml_clean(text=rights),
    }


def parts_render(*, course, kind, files):
    """Every part of the course as a page, rendered in the course's language."""
    language = course.locale.language_code
    site = course.get_site()
    site_url = ""
    if site is not None:  # the default site is at SITE_URL, another at its own address
        site_url = site_root_url() if site.is_default_site else site.root_url
    with translation.override(language):
        return [
            part_render(
                part=part,
                position=position,
                course=course,
                kind=kind,
                files=files,
                site_url=site_url,
            )
            for position, part in enumerate(course_parts_list(course=course), start=1)
        ]


def part_render(*, part, position, course, kind, files, site_url):
    """One part as its standalone page; `files` learns which stored files the page shows."""
    url = page_full_url(part) or ""
    page_files = []
    rendering = Rendering(
        attach=partial(_file_attach, files=files, used=page_files),
        media_included=kind.media_included,
        language=course.locale.language_code,
        page_url=url,
        site_url=site_url.rstrip("/"),
    )
    context = {
        "course": course,
        "page": part,
        "language": course.locale.language_code,
        "page_url": url,
        "completion_tracked": kind.completion_tracked,
        **_part_context(part=part, rendering=rendering),
    }
    template = "module_page" if isinstance(part, ModulePage) else "webinar_page"
    return PartPage(
        page=part,
        filename=f"{position:02d}-{slugify(part.slug) or 'part'}.html",
        html=render_to_string(f"courses/standards/{template}.html", context),
        url=url,
        files=page_files,
        external_links=_external_links(part=part),
    )


def _file_attach(field_file, *, files, used):
    path = files.add(field_file)
    if path not in used:
        used.append(path)
    return path


def _part_context(*, part, rendering):
    if isinstance(part, ModulePage):
        return {"blocks": [block_render(block=block, rendering=rendering) for block in part.body]}
    return {
        "recording": media_context(asset=part.recording, rendering=rendering)
        if part.recording
        else None,
        "slides_href": rendering.attach(part.slides.file) if part.slides else "",
    }


def _external_links(*, part):
    if not isinstance(part, ModulePage):
        return []
    return [
        ExternalLink(
            identifier=block.id, title=block.value["title"], url=web_address(block.value["url"])
        )
        for block in part.body
        if block.block_type == "embed" and web_address(block.value["url"])
    ]
