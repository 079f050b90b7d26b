"""Thin IMS Common Cartridge 1.1 packages: the course for platforms that import cartridges.

Version 1.1, because its published schemas (CP 1.2 profile, LOM manifest profile, web links)
are the ones the tests validate against. Each module or webinar becomes a folder in the
cartridge's outline holding its page (webcontent, the same standalone HTML as the SCORM
package, without completion tracking), a web link back to the page on the site, and a web link
for each external resource the module points to.

Thin: recordings, their captions and posters stay on the site and the page links to where they
play, with captions, on the site; platforms cap the size of an imported cartridge and a
recording can be larger than that. Documents (handouts, slides) are included: they are small,
and a learner must be able to download them from the platform even when the site is not
reachable.
"""

import zipfile

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .files import PackageFiles, files_copy
from .pages import (
    ExternalLink,
    PackageKind,
    course_metadata_get,
    course_translation_get,
    parts_render,
    text_xml_clean,
)

CARTRIDGE = PackageKind(media_included=False, completion_tracked=False)
LINKS_FOLDER = "links"


def cartridge_write(*, course, out, language=None) -> None:
    """Write the course (in `language`, default its own) to `out` as a thin cartridge zip."""
    course = course_translation_get(course=course, language=language)
    files = PackageFiles()
    parts = parts_render(course=course, kind=CARTRIDGE, files=files)
    with translation.override(course.locale.language_code):
        outline = [_outline_entry(part=part) for part in parts]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest_render(course=course, outline=outline))
        for part, entry in zip(parts, outline, strict=True):
            zf.writestr(part.filename, part.html)
            for link in entry["links"]:
                zf.writestr(link["href"], weblink_render(link=link))
        files_copy(files=files, zf=zf)


def manifest_render(*, course, outline):
    return render_to_string(
        "courses/standards/cartridge_manifest.xml",
        {
            "identifier": f"vif-course-{course.translation_key}-{course.locale.language_code}",
            "organization": f"organization-{course.pk}",
            "language": course.locale.language_code,
            "course": course_metadata_get(course=course),
            "parts": outline,
        },
    )


def weblink_render(*, link):
    return render_to_string("courses/standards/weblink.xml", {"link": link})


def _outline_entry(*, part):
    links = [_link_entry(link=link) for link in _links(part=part)]
    return {
        "key": part.page.pk,
        "title": text_xml_clean(text=part.page.title),
        "href": part.filename,
        "files": [part.filename, *part.files],
        "links": links,
    }


def _links(*, part):
    """The page on the site first, then the external resources in the module's order."""
    site = []
    if part.url:
        title = _("%(title)s on the library website") % {"title": part.page.title}
        site = [ExternalLink(identifier=f"site-{part.page.pk}", title=title, url=part.url)]
    return site + part.external_links


def _link_entry(*, link):
    identifier = f"link-{link.identifier}"
    return {
        "identifier": identifier,
        "title": text_xml_clean(text=link.title),
        "url": text_xml_clean(text=link.url),
        "href": f"{LINKS_FOLDER}/{identifier}.xml",
    }
