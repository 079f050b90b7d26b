"""Writing a course package: the course's live pages in every language, with their files.

The archive is written entry by entry into a file object, and every file is copied from storage
in chunks while it is hashed, so memory stays bounded whatever the size of the recordings. The
manifest comes last: it carries the checksums computed on the way.
"""

import hashlib
import json
import zipfile
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from courses.models import CoursePage, ModulePage, Theme, Trainer, WebinarPage
from elearning.core.sites import site_root_url
from media.models import MediaAsset

from . import schema
from .filetypes import SNIFF_BYTES, sniffed_type
from .offering import page_identity
from .richtext import rich_text_reduce
from .schema import PackageRefused
from .streams import page_link_outside, stream_rewrite

CHUNK = 1024**2
ZIP64_FROM = 1024**3  # entries larger than this get zip64 headers up front
STORED_KINDS = {"image", "media"}  # already compressed; deflating them only costs time


@dataclass
class _Collected:
    """What the pages refer to, gathered while their data is written."""

    page_ids: set
    images: set = field(default_factory=set)
    documents: set = field(default_factory=set)
    media: set = field(default_factory=set)
    themes: set = field(default_factory=set)
    trainers: set = field(default_factory=set)

    def reference(self, kind, old_id):
        if kind == "page":
            return old_id if old_id in self.page_ids else page_link_outside(old_id)
        getattr(self, {"image": "images", "document": "documents", "media": "media"}[kind]).add(
            old_id
        )
        return old_id


def course_pages(course, left_out=None):
    """The live pages of a course in every language, each course page followed by its parts,
    as (page, id of its parent in the package: None for a course page).

    Pages with a view restriction (or below one) are never exported: they are left out, and
    named in `left_out` (a list) when one is given.
    """
    left_out = [] if left_out is None else left_out
    translations = course.get_translations(inclusive=True).live().select_related("locale")
    source_first = sorted(translations, key=lambda page: page.locale_id != course.locale_id)
    pages = []
    for translation in source_first:
        parts = translation.get_children().live().type(ModulePage, WebinarPage)
        parts = list(parts.select_related("locale").specific())
        restricted = set(
            translation.get_descendants(inclusive=True).not_public().values_list("pk", flat=True)
        )
        if translation.pk in restricted:
            left_out.extend(page_identity(page) for page in (translation, *parts))
            continue
        pages.append((translation.specific, None))
        for part in parts:
            if part.pk in restricted:
                left_out.append(page_identity(part))
            else:
                pages.append((part, translation.pk))
    if not pages:
        raise PackageRefused(
            _("“%(title)s” has no published page that every visitor may read.")
            % {"title": course.title}
        )
    return pages


def package_write(*, course, out, version_for, progress=None):
    """Write the package of `course` into `out`; returns its manifest.

    `version_for(digest)` gives the version number for content with this digest (the same
    content keeps its number). `progress(done, total)` is told the bytes copied so far.
    """
    left_out = []
    placed = course_pages(course, left_out)
    pages = [page for page, _parent in placed]
    collected = _Collected(page_ids={page.pk for page in pages})
    page_rows = [_page_data(page, parent_id, collected) for page, parent_id in placed]
    content = _tables(collected) | {"pages": page_rows}
    entries = _file_entries(content)
    total = sum(entry["source"].size for entry in entries) or 1
    done = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        listed = []
        for entry in entries:
            listed.append(_file_write(archive, entry))
            done += entry["source"].size
            if progress:
                progress(done, total)
        if progress:
            progress(total, total)  # also for a course without files
        content_entry, digest = content_write(archive, content, listed)
        manifest = _manifest(course, pages, content_entry, listed, version_for(digest))
        manifest["content_digest"] = digest
        manifest["left_out"] = left_out  # restricted pages; importers need not read this
        archive.writestr(schema.MANIFEST_NAME, json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest


def content_write(archive, content, listed):
    """Write content.json into the archive; returns its manifest entry and the package's
    content digest (content.json and every file listed: the same content, the same digest)."""
    content_raw = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
    archive.writestr(schema.CONTENT_NAME, content_raw)
    content_entry = _described(schema.CONTENT_NAME, content_raw)
    digest = hashlib.sha256(
        "".join([content_entry["sha256"], *(e["sha256"] for e in listed)]).encode()
    ).hexdigest()
    return content_entry, digest


def _page_data(page, parent_id, collected):
    type_name = schema.PAGE_TYPE_OF_MODEL[page._meta.label]
    spec = schema.PAGE_TYPES[type_name]
    fields = {name: getattr(page, name) for name in (*schema.COMMON_FIELDS, *spec["fields"])}
    if fields.get("starts_at"):
        fields["starts_at"] = fields["starts_at"].isoformat()
    for name in spec["streams"]:
        stream = getattr(page, name)
        fields[name] = stream_rewrite(
            stream.stream_block,
            list(stream.raw_data),
            collected.reference,
            rich_text=lambda block, html: rich_text_reduce(html, block=block),
        )
    for name, kind in spec["files"].items():
        file_id = getattr(page, f"{name}_id")
        fields[name] = collected.reference(kind, file_id) if file_id else None
    for name in spec["relations"]:
        fields[name] = _relation_values(page, name, collected)
    return {
        "id": page.pk,
        "key": str(page.translation_key),
        "locale": page.locale.language_code,
        "type": type_name,
        "parent": parent_id,
        "fields": fields,
    }


def _relation_values(page, name, collected):
    if name == "audience":
        return sorted(sector.code for sector in page.audience.all())
    ids = sorted(getattr(page, name).values_list("pk", flat=True))
    getattr(collected, name).update(ids)
    return ids


def _tables(collected):
    """The rows the pages point at, each with its id in this package."""
    trainers = list(Trainer.objects.filter(pk__in=collected.trainers).order_by("pk"))
    collected.images.update(t.photo_id for t in trainers if t.photo_id)
    images = get_image_model().objects.filter(pk__in=collected.images).order_by("pk")
    documents = get_document_model().objects.filter(pk__in=collected.documents).order_by("pk")
    media = MediaAsset.objects.filter(pk__in=collected.media).prefetch_related("captions")
    themes = Theme.objects.filter(pk__in=collected.themes).select_related("locale")
    return {
        "themes": [
            {
                "id": theme.pk,
                "key": str(theme.translation_key),
                "locale": theme.locale.language_code,
                "slug": theme.slug,
                "name": theme.name,
                "description": theme.description,
            }
            for theme in themes.order_by("pk")
        ],
        "trainers": [
            {
                "id": trainer.pk,
                **{f: getattr(trainer, f) for f in ("slug", "name", "role", "organisation", "bio")},
                "photo": trainer.photo_id,
            }
            for trainer in trainers
        ],
        "images": [
            {"id": image.pk, "title": image.title, "alt_text": image.alt_text, "file": image.file}
            for image in images
        ],
        "documents": [{"id": doc.pk, "title": doc.title, "file": doc.file} for doc in documents],
        "media": [_media_row(asset) for asset in media.order_by("pk")],
    }


def _media_row(asset):
    return {
        "id": asset.pk,
        "title": asset.title,
        "type": asset.type,
        "duration": asset.duration,
        "width": asset.width,
        "height": asset.height,
        "file": asset.file,
        "captions": [
            {"language": caption.language, "file": caption.file} for caption in asset.captions.all()
        ],
    }


def _file_entries(content):
    """Every stored file the content names, given its path in the archive (in place of the
    storage object in `content`)."""
    entries = []

    def add(row, key, kind, name):
        source = row[key]
        extension = source.name.rsplit(".", 1)[-1].lower() if "." in source.name else "bin"
        path = f"{schema.FILES_DIR}{name}.{extension}"
        entries.append({"path": path, "kind": kind, "source": source})
        row[key] = path
        row["filename"] = source.name.rsplit("/", 1)[-1]

    for image in content["images"]:
        add(image, "file", "image", f"image-{image['id']}")
    for document in content["documents"]:
        add(document, "file", "document", f"document-{document['id']}")
    for asset in content["media"]:
        add(asset, "file", "media", f"media-{asset['id']}")
        for caption in asset["captions"]:
            add(caption, "file", "caption", f"caption-{asset['id']}-{caption['language']}")
    return entries


def _file_write(archive, entry):
    """Copy one stored file into the archive while hashing it; its type is read on the way."""
    source, kind = entry["source"], entry["kind"]
    compress = zipfile.ZIP_STORED if kind in STORED_KINDS else zipfile.ZIP_DEFLATED
    info = zipfile.ZipInfo(entry["path"], date_time=timezone.now().timetuple()[:6])
    info.compress_type = compress
    digest, size, head = hashlib.sha256(), 0, b""
    with (
        source.open("rb") as stream,
        archive.open(info, "w", force_zip64=source.size > ZIP64_FROM) as target,
    ):
        while chunk := stream.read(CHUNK):
            if len(head) < SNIFF_BYTES:
                head += chunk[: SNIFF_BYTES - len(head)]
            digest.update(chunk)
            target.write(chunk)
            size += len(chunk)
    return {
        "path": entry["path"],
        "size": size,
        "sha256": digest.hexdigest(),
        "kind": kind,
        "media_type": _media_type(entry["path"], kind, head),
    }


def _media_type(path, kind, head):
    if kind == "caption":
        return "text/vtt"
    sniffed = sniffed_type(head)
    if not schema.type_allowed(kind, sniffed):
        raise PackageRefused(
            _("%(name)s is of a type packages cannot carry (%(type)s).")
            % {"name": path, "type": sniffed}
        )
    return sniffed


def _described(path, raw):
    return {"path": path, "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}


def _manifest(course, pages, content_entry, files, version):
    site = Site.objects.filter(is_default_site=True).first()
    package = getattr(course, "package", None)
    languages = list(dict.fromkeys(page.locale.language_code for page in pages))
    return {
        "format": schema.FORMAT,
        "schema_version": schema.SCHEMA_VERSION,
        "course": {
            "key": str(course.translation_key),
            "title": {
                p.locale.language_code: p.title for p in pages if p.specific_class is CoursePage
            },
            "source_language": course.locale.language_code,
        },
        "version": version,
        "created_at": timezone.now().isoformat(),
        "licence": course.licence,
        "attribution": course.attribution,
        "provenance": {
            "publisher": site.site_name if site else "",
            "site": site_root_url(),
            "imported_from": package.source if package and package.source else None,
        },
        "languages": languages,
        "content": content_entry,
        "files": files,
    }
