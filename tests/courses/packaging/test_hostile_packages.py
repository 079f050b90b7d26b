"""A hostile course package is refused with its reason and leaves nothing behind.

Every archive here is the valid package of `course_full` with one thing made wrong, built in the
test. Where the change would also break a checksum or a listing, the manifest is brought up to
date, so that the check under test is the one that refuses it. Messages are read in English
(the source language of the translations); "nothing behind" means no new or changed row of any
kind an import writes, and no new file in the upload folder.
"""

import hashlib
import io
import json
import random
import stat
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Collection, Page, Revision

from courses.models import (
    CoursePackage,
    CoursePage,
    JobStatus,
    LibraryPage,
    PackageFile,
    PackageImport,
    Theme,
    Trainer,
)
from courses.packaging import schema
from courses.packaging.schema import CONTENT_NAME, MANIFEST_NAME, PackageRefused
from courses.packaging.services import (
    package_import_confirm,
    package_import_path,
    package_import_run,
    package_preview_make,
)
from media.models import CustomDocument, CustomImage, MediaAsset, MediaCaption

from .conftest import PDF, libraries, package_bytes, png_bytes, site_emptied

pytestmark = pytest.mark.django_db

WRITTEN_MODELS = (
    Page,
    CoursePage,
    Revision,
    CustomImage,
    CustomDocument,
    MediaAsset,
    MediaCaption,
    Theme,
    Trainer,
    Collection,
    CoursePackage,
    PackageImport,
    PackageFile,
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>\n"
SVG_DRAWING = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>\n"
)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class Package:
    """A valid package taken apart, to be put together again with one thing wrong."""

    def __init__(self, raw):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            self.entries = {name: archive.read(name) for name in archive.namelist()}
        self.manifest = json.loads(self.entries.pop(MANIFEST_NAME))

    def path(self, kind):
        """The archive path of the first file of `kind` (image, document, media, caption)."""
        return next(entry["path"] for entry in self.manifest["files"] if entry["kind"] == kind)

    def listing(self, path):
        """The manifest's entry for `path`, or None."""
        if path == self.manifest["content"]["path"]:
            return self.manifest["content"]
        return next((entry for entry in self.manifest["files"] if entry["path"] == path), None)

    def put(self, path, data, **declared):
        """Add or replace an entry; its manifest entry follows (size, checksum, `declared`)."""
        self.entries[path] = data
        listed = self.listing(path)
        if listed is not None:
            listed.update(size=len(data), sha256=sha256(data), **declared)

    def content(self):
        return json.loads(self.entries[CONTENT_NAME])

    def content_put(self, content):
        self.put(CONTENT_NAME, json.dumps(content).encode())

    def zipped(self, *, manifest=True, extra=(), finish=None):
        """The archive: the entries, the manifest (as JSON; as given when bytes; left out when
        None), then `extra` (ZipInfo, bytes) pairs; `finish(archive)` runs before it is closed."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.entries.items():
                archive.writestr(name, data)
            if manifest is True:
                archive.writestr(MANIFEST_NAME, json.dumps(self.manifest))
            elif manifest is not None:
                archive.writestr(MANIFEST_NAME, manifest)
            for info, data in extra:
                archive.writestr(info, data)
            if finish:
                finish(archive)
        return out.getvalue()


def entry(name, *, mode=0o100644):
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def set_key(mapping, key, value):
    mapping[key] = value


def pop(mapping, key):
    mapping.pop(key)


def page_titled(content, title, locale="nl"):
    return next(
        page
        for page in content["pages"]
        if page["fields"]["title"] == title and page["locale"] == locale
    )


def edit_content(package, change):
    content = package.content()
    change(content)
    package.content_put(content)
    return package.zipped()


def edit_page(title, change, locale="nl"):
    """A builder that changes one page of content.json."""
    return lambda package: edit_content(
        package, lambda content: change(page_titled(content, title, locale))
    )


def edit_manifest(change):
    def build(package):
        change(package.manifest)
        return package.zipped()

    return build


def edit_file(kind, data, **declared):
    """A builder that replaces the first file of `kind`, its checksum kept right."""

    def build(package):
        package.put(package.path(kind), data, **declared)
        return package.zipped()

    return build


def extra_entry(name, data=b"evil\n"):
    return lambda package: package.zipped(extra=[(entry(name), data)])


def untouched(package):
    """The valid package as it is: for a case whose limit is lowered instead."""
    return package.zipped()


def library_key():
    return str(LibraryPage.objects.get(locale__language_code="nl").translation_key)


# The zip itself ------------------------------------------------------------------------------


def truncated(package):
    raw = package.zipped()
    return raw[: len(raw) // 2]


def symlink(package):
    link = entry("files/passwd", mode=stat.S_IFLNK | 0o777)
    return package.zipped(extra=[(link, b"/etc/passwd")])


def zip_bomb(package, *, manifest=True):
    """50 MB of zeros in a few kB: a ratio of about 1000."""
    return package.zipped(manifest=manifest, extra=[(entry("files/bomb.bin"), bytes(50 * 2**20))])


def duplicate_content(package):
    """Two content.json: a checker could read one and an importer the other."""
    second = json.dumps({"pages": []}).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of the duplicate name
        return package.zipped(extra=[(entry(CONTENT_NAME), second)])


def encrypted(package):
    def flag(archive):
        archive.getinfo(package.path("document")).flag_bits |= 0x1

    return package.zipped(finish=flag)


def unsupported_compression(package):
    """Compression method 9 (deflate64), which Python's zipfile does not read."""

    def method(archive):
        archive.getinfo(package.path("document")).compress_type = 9

    return package.zipped(finish=method)


def bad_crc(package):
    """The data is not what the zip's own CRC says: a damaged (or altered) archive."""

    def damage(archive):
        archive.getinfo(package.path("document")).CRC ^= 0xFFFF

    return package.zipped(finish=damage)


def local_name_differs(package):
    """The directory names one path, the entry's own header another of the same length."""
    path = package.path("image").encode()
    hostile = (b"../" * 20 + b"evil.png")[-len(path) :]
    raw = package.zipped()
    first = raw.index(path)  # the entry's local header, written before the directory
    return raw[:first] + hostile + raw[first + len(path) :]


# The manifest --------------------------------------------------------------------------------


def drop_manifest(package):
    return package.zipped(manifest=None)


def raw_manifest(data):
    return lambda package: package.zipped(manifest=data)


def set_in(*path_and_value):
    *path, key, value = path_and_value

    def change(manifest):
        target = manifest
        for step in path:
            target = target[step]
        target[key] = value

    return change


def listed_but_absent(package):
    del package.entries[package.path("document")]
    return package.zipped()


def present_but_unlisted(package):
    package.put("files/notes.txt", b"Not in the manifest.\n")
    return package.zipped()


def content_path_other(package):
    package.entries["course.json"] = package.entries.pop(CONTENT_NAME)
    package.manifest["content"]["path"] = "course.json"
    return package.zipped()


def file_outside_files_folder(package):
    listing = {"path": "evil.txt", "size": 0, "sha256": sha256(b""), "kind": "document"}
    package.manifest["files"].append({**listing, "media_type": "text/plain"})
    package.entries["evil.txt"] = b""
    return package.zipped()


# The files -----------------------------------------------------------------------------------


def checksum_mismatch(package):
    path = package.path("document")
    package.entries[path] = package.entries[path].replace(b"Catalog", b"Catalox")
    return package.zipped()


def size_mismatch(package):
    package.listing(package.path("document"))["size"] += 1
    return package.zipped()


def content_changed_after_sealing(package):
    content = package.content()
    content["pages"][0]["fields"]["title"] = "Changed after export"
    package.entries[CONTENT_NAME] = json.dumps(content).encode()
    return package.zipped()


def png_header_broken():
    """A PNG to libmagic (which reads the signature and size), not to Pillow (which checks the
    header's CRC)."""
    data = bytearray(png_bytes())
    data[29] ^= 0xFF  # the last byte of the IHDR chunk's CRC
    return bytes(data)


def pixel_bomb():
    """A PNG of 15000 x 15000 pixels (225 megapixels) in about 30 kB."""
    side = 15000
    rows = (b"\x00" + bytes(side // 8)) * side

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


# content.json --------------------------------------------------------------------------------


def raw_content(data):
    def build(package):
        package.put(CONTENT_NAME, data)
        return package.zipped()

    return build


def two_courses(content):
    course_fr = page_titled(content, "Reconnaître la maltraitance", "fr")
    course_fr["key"] = "0b5d7a9e-5b0e-4a8e-9a51-2f7c9d1e3a40"


def no_course(content):
    for page in content["pages"]:
        if page["type"] == "course":
            page["type"] = "module"


def module_under_module(content):
    page_titled(content, "Het gesprek")["parent"] = page_titled(content, "Signalen")["id"]


def module_under_french_course(content):
    french = page_titled(content, "Reconnaître la maltraitance", "fr")
    page_titled(content, "Signalen")["parent"] = french["id"]


def same_page_twice(content):
    content["pages"].append(dict(page_titled(content, "Signalen"), id=999))


def stream_block(page, block_type):
    return next(block for block in page["fields"]["body"] if block["type"] == block_type)


def page_key_of_library(content):
    page_titled(content, "Signalen")["key"] = library_key()


def page_key_of_library_in_capitals(content):
    page_titled(content, "Signalen")["key"] = library_key().upper()


def course_key_of_library(package):
    key = library_key()
    package.manifest["course"]["key"] = key
    content = package.content()
    for page in content["pages"]:
        if page["type"] == "course":
            page["key"] = key
    package.content_put(content)
    return package.zipped()


def manifest_key_differs_from_content(package):
    package.manifest["course"]["key"] = "6f1c2b7e-0d4a-4c3b-8f2e-1a9b8c7d6e5f"
    return package.zipped()


def only_german(content):
    for page in content["pages"]:
        page["locale"] = "de" if page["locale"] == "nl" else "de-x"


def infinite_duration(package):
    content = package.content()
    page_titled(content, "Signalen")["fields"]["duration_minutes"] = float("inf")
    package.put(CONTENT_NAME, json.dumps(content).encode())  # writes the bare word Infinity
    return package.zipped()


def text_document_stored_as_html(package):
    """Plain text to libmagic, a web page to a browser that goes by the name."""
    script = b"Meldcode voor professionals.\n<img src=x onerror=alert(document.cookie)>\n"
    package.put(package.path("document"), script, media_type="text/plain")
    return edit_content(package, named("documents", "meldcode.html"))


def named(table, filename):
    return lambda content: content[table][0].update(filename=filename)


def text_block(html):
    """A builder that puts `html` into the first text block of "Het gesprek"."""
    return edit_page("Het gesprek", lambda page: set_key(stream_block(page, "text"), "value", html))


def embed_block(url):
    value = {"url": url, "title": "Meer lezen", "description": ""}
    return edit_page(
        "Het gesprek",
        lambda page: page["fields"]["body"].append({"type": "embed", "id": "e1", "value": value}),
    )


def no_correct_answer(page):
    for choice in stream_block(page, "knowledge_check")["value"]["choices"]:
        (choice["value"] if choice.get("type") == "item" else choice)["correct"] = False


@dataclass(frozen=True)
class Case:
    id: str
    build: Callable[[Package], bytes]
    refusal: str  # a regular expression the English message must match
    patch: tuple | None = None  # ("schema" or "settings", name, value): a limit lowered


CHECKED_CASES = [
    # Not a zip archive
    Case("pdf", lambda package: PDF, "not a zip archive"),
    Case("random-bytes", lambda package: bytes(range(256)) * 64, "not a zip archive"),
    Case("empty-file", lambda package: b"", "not a zip archive"),
    Case("truncated-zip", truncated, "not a zip archive"),
    # The zip's directory
    Case("path-traversal", extra_entry("../evil.txt"), r"leaves its folder \(\.\./evil\.txt\)"),
    Case("traversal-inside-files", extra_entry("files/../../evil.txt"), "leaves its folder"),
    Case("absolute-path", extra_entry("/etc/passwd"), r"absolute path \(/etc/passwd\)"),
    Case("windows-drive", extra_entry("C:\\evil.txt"), "absolute path"),
    Case("backslashes", extra_entry("files\\..\\..\\evil.txt"), "unsafe name"),
    Case("control-character", extra_entry("files/evil\n.txt"), r"unsafe name \(files/evil\?"),
    Case("dot-segment", extra_entry("files/./evil.txt"), "unsafe name"),
    Case("empty-segment", extra_entry("files//evil.txt"), "unsafe name"),
    Case("symlink", symlink, r"symbolic link \(files/passwd\)"),
    Case("zip-bomb", zip_bomb, r"files/bomb\.bin would unpack to \d+ times .* zip bomb"),
    Case(
        "total-size-over-limit",
        untouched,
        r"Unpacked, the package would take [\d.]+\s[kKM]B; at most 4\.0\sKB is allowed",
        patch=("settings", "COURSE_PACKAGE_MAX_BYTES", 4096),
    ),
    Case(
        "too-many-entries",
        untouched,
        r"holds 7 files; at most 3 are allowed",
        patch=("schema", "MAX_ENTRIES", 3),
    ),
    Case("duplicate-entry", duplicate_content, "contains content.json twice"),
    Case("encrypted-entry", encrypted, r"encrypted file \(files/document-1\.pdf\)"),
    Case("unsupported-compression", unsupported_compression, "damaged, or packed in a way"),
    Case("bad-crc", bad_crc, "The package is damaged"),
    Case("local-header-name-differs", local_name_differs, "The package is damaged"),
    # The manifest
    Case("no-manifest", drop_manifest, "has no manifest.json"),
    Case("manifest-not-json", raw_manifest(b"{format: vif"), "manifest.json cannot be read"),
    Case("manifest-not-utf8", raw_manifest(b'{"format": "\xff\xfe"}'), "cannot be read"),
    Case(
        "manifest-nested-too-deep",
        raw_manifest(b"[" * 100_000 + b"]" * 100_000),
        "manifest.json cannot be read",
    ),
    Case("manifest-a-list", raw_manifest(b"[]"), "manifest.json must hold a JSON object"),
    Case(
        "manifest-too-large",
        untouched,
        "manifest.json is too large",
        patch=("schema", "MAX_CONTENT_BYTES", 512),
    ),
    Case(
        "wrong-format",
        edit_manifest(set_in("format", "scorm")),
        "does not describe a course package",
    ),
    Case(
        "unknown-schema-version",
        edit_manifest(set_in("schema_version", 99)),
        "uses schema version 99; this installation reads version 1",
    ),
    Case(
        "schema-version-as-string",
        edit_manifest(set_in("schema_version", "1")),
        "has no schema version",
    ),
    Case("course-key-missing", edit_manifest(lambda m: pop(m["course"], "key")), "which course"),
    Case("course-key-not-uuid", edit_manifest(set_in("course", "key", "../../x")), "which course"),
    Case("course-without-title", edit_manifest(set_in("course", "title", {})), "which course"),
    Case(
        "source-language-a-list",
        edit_manifest(set_in("course", "source_language", ["nl"])),
        "does not say which course this is",
    ),
    Case("version-0", edit_manifest(set_in("version", 0)), "no valid package version"),
    Case("version-as-string", edit_manifest(set_in("version", "2")), "no valid package version"),
    Case("version-as-bool", edit_manifest(set_in("version", True)), "no valid package version"),
    Case("no-languages", edit_manifest(lambda m: pop(m, "languages")), "languages"),
    Case("licence-too-long", edit_manifest(set_in("licence", "x" * 256)), "no valid licence"),
    Case("no-provenance", edit_manifest(set_in("provenance", None)), "where the package comes"),
    Case("content-named-otherwise", content_path_other, "names the wrong content file"),
    Case("files-not-a-list", edit_manifest(set_in("files", {})), "no valid list of files"),
    Case("file-outside-files", file_outside_files_folder, "lists a file in a form it cannot"),
    Case(
        "file-of-unknown-kind",
        edit_manifest(lambda m: m["files"][0].update(kind="script")),
        "lists a file in a form it cannot",
    ),
    Case(
        "file-kind-a-list",
        edit_manifest(lambda m: m["files"][0].update(kind=["image"])),
        "lists a file in a form it cannot",
    ),
    Case(
        "checksum-not-hex",
        edit_manifest(lambda m: m["files"][0].update(sha256="../" * 21 + "x")),
        "lists a file in a form it cannot",
    ),
    Case(
        "listed-but-absent",
        listed_but_absent,
        r"lists files/document-1\.pdf, which is not in the package",
    ),
    Case(
        "present-but-unlisted",
        present_but_unlisted,
        r"contains files/notes\.txt, which its manifest does not list",
    ),
    # The files against the manifest
    Case("checksum-mismatch", checksum_mismatch, r"document-1\.pdf does not match its checksum"),
    Case("size-mismatch", size_mismatch, r"document-1\.pdf does not match its checksum"),
    Case(
        "content-changed-after-export",
        content_changed_after_sealing,
        "content.json does not match its checksum",
    ),
    Case(
        "document-declared-html",
        edit_file("document", HTML_PAGE, media_type="text/html"),
        r"declared as text/html, a type not allowed for this kind of file \(document\)",
    ),
    Case(
        "html-as-image", edit_file("image", HTML_PAGE), "is declared as image/png but is a web page"
    ),
    Case(
        "script-as-text-document",
        edit_file("document", b"<script>alert(1)</script>\n", media_type="text/plain"),
        "is declared as text/plain but is a web page",
    ),
    Case("svg-as-media", edit_file("media", SVG_DRAWING), "but is a web page or drawing"),
    Case(
        "svg-with-xml-prolog-as-image",
        edit_file("image", b'<?xml version="1.0"?>\n' + SVG_DRAWING),
        "web page or drawing",
    ),
    Case(
        "png-declared-pdf",
        edit_file("document", png_bytes()),
        "declared as application/pdf but its content is image/png",
    ),
    Case(
        "pdf-declared-video",
        edit_file("media", PDF, media_type="video/mp4"),
        "declared as video/mp4 but its content is application/pdf",
    ),
    Case(
        "srt-as-caption",
        edit_file("caption", b"1\n00:00:00,000 --> 00:00:01,500\nWelkom.\n"),
        "declared as text/vtt but its content is",
    ),
    Case("empty-image", edit_file("image", b""), "its content is application/x-empty"),
    Case(
        "png-with-a-broken-header",
        edit_file("image", png_header_broken()),
        r"image-1\.png cannot be read as an image",
    ),
    Case(
        "pixel-bomb",
        edit_file("image", pixel_bomb()),
        r"image-1\.png has more pixels than an image may have \(50 million\)",
    ),
    # content.json
    Case("content-not-json", raw_content(b'{"pages": [}'), "content.json cannot be read"),
    Case("content-a-list", raw_content(b"[]"), "content.json must hold a JSON object"),
    Case("duration-infinity", infinite_duration, "content.json cannot be read"),
    *(
        Case(
            f"time-requirement-{name}",
            edit_page(
                "Signalen",
                lambda page, value=value: set_key(page["fields"], "min_time_percent", value),
            ),
            "content.json gives min_time_percent on Signalen as something else than a whole number",
        )
        for name, value in (("as-text", "50"), ("true", True), ("fraction", 50.5), ("null", None))
    ),
    Case(
        "unknown-image",
        edit_page(
            "Kindermishandeling herkennen", lambda page: set_key(page["fields"], "image", 99)
        ),
        r"does not hold \(in Kindermishandeling herkennen\)",
    ),
    Case(
        "unknown-document-in-body",
        edit_page(
            "Het gesprek",
            lambda page: set_key(stream_block(page, "resource")["value"], "document", 99),
        ),
        r"does not hold \(in Het gesprek\)",
    ),
    Case(
        "unknown-trainer-photo",
        lambda package: edit_content(package, lambda c: set_key(c["trainers"][0], "photo", 99)),
        r"does not hold \(in trainer an-peeters\)",
    ),
    Case(
        "image-row-naming-a-document",
        lambda package: edit_content(
            package, lambda c: set_key(c["images"][0], "file", package.path("document"))
        ),
        r"does not hold \(in images row 1\)",
    ),
    Case(
        "captions-naming-an-image",
        lambda package: edit_content(
            package,
            lambda c: set_key(c["media"][0]["captions"][0], "file", package.path("image")),
        ),
        "does not hold \\(in the captions of Opname\\)",
    ),
    Case(
        "unknown-sector",
        edit_page(
            "Kindermishandeling herkennen",
            lambda page: set_key(page["fields"], "audience", ["secret-service"]),
        ),
        "does not hold",
    ),
    Case(
        "image-stored-as-html",
        lambda package: edit_content(package, named("images", "portret.html")),
        "gives the image Portret a file name no image may have",
    ),
    Case(
        "broken-theme-row",
        lambda package: edit_content(package, lambda c: c["themes"][0].pop("name")),
        "broken row in themes",
    ),
    Case(
        "page-type-a-list",
        edit_page("Signalen", lambda page: set_key(page, "type", ["module"])),
        "page of an unknown type",
    ),
    Case(
        "unknown-page-type",
        edit_page("Signalen", lambda page: set_key(page, "type", "quiz")),
        "page of an unknown type",
    ),
    Case(
        "sets-owner",
        edit_page("Signalen", lambda page: set_key(page["fields"], "owner", 1)),
        "fields a package may not set: owner",
    ),
    Case(
        "sets-path-and-depth",
        edit_page("Signalen", lambda page: page["fields"].update(path="0001", depth=1)),
        "fields a package may not set: depth, path",
    ),
    Case(
        "no-pages",
        lambda package: edit_content(package, lambda c: set_key(c, "pages", [])),
        "holds no pages",
    ),
    Case(
        "two-courses",
        lambda package: edit_content(package, two_courses),
        "content.json holds another course than the one manifest.json names",
    ),
    Case(
        "no-course",
        lambda package: edit_content(package, no_course),
        "exactly one course",
    ),
    Case(
        "module-without-course",
        edit_page("Signalen", lambda page: set_key(page, "parent", None)),
        "outside its course: Signalen",
    ),
    Case(
        "module-under-module",
        lambda package: edit_content(package, module_under_module),
        "outside its course: Het gesprek",
    ),
    Case(
        "module-under-course-of-other-language",
        lambda package: edit_content(package, module_under_french_course),
        "outside its course: Signalen",
    ),
    Case(
        "same-page-twice",
        lambda package: edit_content(package, same_page_twice),
        "same page twice in one language",
    ),
    Case(
        "page-key-not-uuid",
        edit_page("Signalen", lambda page: set_key(page, "key", "signalen")),
        "page without a valid key",
    ),
    # Values of the wrong shape where an identifier belongs (a list cannot be looked up)
    Case(
        "locale-a-list",
        edit_page("Signalen", lambda page: set_key(page, "locale", ["nl"])),
        "content.json has a broken page",
    ),
    Case(
        "parent-a-list",
        edit_page("Signalen", lambda page: set_key(page, "parent", [7])),
        "outside its course",
    ),
    Case(
        "image-a-list",
        edit_page(
            "Kindermishandeling herkennen", lambda page: set_key(page["fields"], "image", [2])
        ),
        "does not hold",
    ),
    Case(
        "theme-a-list",
        edit_page(
            "Kindermishandeling herkennen", lambda page: set_key(page["fields"], "themes", [[1]])
        ),
        "does not hold",
    ),
    Case(
        "document-in-body-a-list",
        edit_page(
            "Het gesprek",
            lambda page: set_key(stream_block(page, "resource")["value"], "document", [1]),
        ),
        "does not hold",
    ),
    Case(
        "trainer-photo-a-list",
        lambda package: edit_content(package, lambda c: set_key(c["trainers"][0], "photo", [1])),
        "does not hold",
    ),
    # The package against this site
    Case(
        "page-key-of-the-library",
        lambda package: edit_content(package, page_key_of_library),
        "names a page of this site outside its course",
    ),
    Case(
        "page-key-of-the-library-in-capitals",
        lambda package: edit_content(package, page_key_of_library_in_capitals),
        "page without a valid key",
    ),
    Case("course-key-of-the-library", course_key_of_library, "made on this site"),
    Case(
        "manifest-and-content-name-other-courses",
        manifest_key_differs_from_content,
        "content.json holds another course than the one manifest.json names",
    ),
    Case(
        "no-library-in-its-languages",
        lambda package: edit_content(package, only_german),
        "no library in any of the package's languages",
    ),
    # Links the editor would not make
    Case(
        "javascript-link-in-rich-text",
        text_block("<p><a href=\"javascript:fetch('/admin/')\">Lees meer</a></p>"),
        r"link that is not a web, mail or phone address \(in Het gesprek\): javascript:",
    ),
    Case(
        "javascript-link-hidden-by-entities",
        text_block('<p><a href=" jav&#x09;ascript&colon;alert(1)">Lees meer</a></p>'),
        r"link that is not a web, mail or phone address \(in Het gesprek\)",
    ),
    Case(
        "data-link-in-rich-text",
        text_block('<p><a href="data:text/html;base64,PHNjcmlwdD4=">Lees meer</a></p>'),
        r"not a web, mail or phone address \(in Het gesprek\): data:text/html",
    ),
]

# Over 2 MB of text that does not compress like a zip bomb: hex digits of random bytes.
TEXT_OVER_2_MB = random.Random(23).randbytes(1024 * 1024 + 1).hex().encode()

# Refused only while writing (the values go through the models' own validation): the real test of
# "everything or nothing", as files are stored before the pages that fail.
WRITTEN_CASES = [
    Case(
        "module-of-999-minutes",
        edit_page("Signalen", lambda page: set_key(page["fields"], "duration_minutes", 999)),
        r"Signalen \(nl\) cannot be imported: .*duration",
    ),
    Case(
        "captions-with-garbage-after-the-header",
        edit_file("caption", b"WEBVTT\n\n00:00.000 --> 99:99.999\n<script>x</script>\n"),
        "captions of Opname cannot be imported",
    ),
    Case(
        "webinar-start-not-a-date",
        edit_page("Babobox", lambda page: set_key(page["fields"], "starts_at", "yesterday")),
        r"Babobox \(nl\) cannot be imported",
    ),
    Case(
        "recording-of-unknown-type",
        lambda package: edit_content(package, lambda c: set_key(c["media"][0], "type", "hologram")),
        "Opname cannot be imported",
    ),
    Case(
        "theme-key-not-uuid",
        lambda package: edit_content(package, lambda c: set_key(c["themes"][0], "key", "x")),
        "Kindermishandeling cannot be imported",
    ),
    Case("text-document-stored-as-html", text_document_stored_as_html, "Meldcode|html"),
    Case(
        "recording-stored-as-html",
        lambda package: edit_content(package, named("media", "opname.html")),
        "Opname|html",
    ),
    Case(
        "captions-stored-as-html",
        lambda package: edit_content(
            package, lambda c: c["media"][0]["captions"][0].update(filename="opname.html")
        ),
        r"captions of Opname cannot be imported: .*html",
    ),
]

# Values the admin form refuses (each block's own clean(), the model's limits, the checks of an
# upload): refused by the import and by its dry run alike.
WRITTEN_CASES += [
    Case(
        "module-of-600-minutes",
        edit_page("Signalen", lambda page: set_key(page["fields"], "duration_minutes", 600)),
        r"Signalen \(nl\) cannot be imported: .*duration",
    ),
    Case(
        "javascript-address-in-an-embed",
        embed_block("javascript:alert(document.cookie)"),
        r"Het gesprek \(nl\) cannot be imported: body: .*valid URL",
    ),
    Case(
        "knowledge-check-without-a-right-answer",
        edit_page("Het gesprek", no_correct_answer),
        r"Het gesprek \(nl\) cannot be imported: body: .*exactly one answer",
    ),
    Case(
        "captions-beyond-the-end-of-the-recording",
        edit_file(
            "caption",
            b"WEBVTT\n\n00:00.000 --> 00:01.500\nWelkom.\n\n"
            b"00:30.000 --> 00:31.000\nNa het einde.\n",
        ),
        r"captions of Opname cannot be imported: .*beyond the end of the recording",
    ),
    # The other rules of a caption upload (media/captions.py), each met in a package.
    Case(
        "captions-larger-than-an-upload-may-be",
        edit_file("caption", b"WEBVTT\n\n00:00.000 --> 00:01.000\n" + TEXT_OVER_2_MB),
        r"captions of Opname cannot be imported: .*at most 2 MB",
    ),
    Case(
        "captions-not-in-utf-8",
        edit_file("caption", "WEBVTT\n\n00:00.000 --> 00:01.000\nÉén.\n".encode("latin-1")),
        r"captions of Opname cannot be imported: .*UTF-8",
    ),
    Case(
        "captions-ending-before-they-start",
        edit_file("caption", b"WEBVTT\n\n00:01.000 --> 00:00.500\nWelkom.\n"),
        r"captions of Opname cannot be imported: .*ends before it starts",
    ),
]

# The time requirement's range is the model's (0 to 100 %), as in the admin.
WRITTEN_CASES += [
    Case(
        "time-requirement-negative",
        edit_page("Signalen", lambda page: set_key(page["fields"], "min_time_percent", -1)),
        r"Signalen \(nl\) cannot be imported: min_time_percent: .*greater than or equal to 0",
    ),
    Case(
        "time-requirement-over-100",
        edit_page("Signalen", lambda page: set_key(page["fields"], "min_time_percent", 101)),
        r"Signalen \(nl\) cannot be imported: min_time_percent: .*from 0 to 100 %",
    ),
]

ALL_CASES = CHECKED_CASES + WRITTEN_CASES


def case_of(case_id):
    return next(case for case in ALL_CASES if case.id == case_id)


# The admin's upload goes through the same checks: one case of each kind of check.
PREVIEW_CASES = [
    case_of(case_id)
    for case_id in (
        "pdf",
        "path-traversal",
        "symlink",
        "zip-bomb",
        "encrypted-entry",
        "bad-crc",
        "manifest-nested-too-deep",
        "pixel-bomb",
        "locale-a-list",
        "no-manifest",
        "unknown-schema-version",
        "checksum-mismatch",
        "html-as-image",
        "png-declared-pdf",
        "unknown-image",
        "sets-owner",
        "module-without-course",
        "page-key-of-the-library",
        "course-key-of-the-library",
        "manifest-and-content-name-other-courses",
        "image-stored-as-html",
        "total-size-over-limit",
        "javascript-link-in-rich-text",
        # Refused while writing: the preview runs the same writing (and keeps nothing)
        "module-of-600-minutes",
        "text-document-stored-as-html",
        "captions-beyond-the-end-of-the-recording",
        "knowledge-check-without-a-right-answer",
    )
]

_valid = {}


@pytest.fixture
def valid_package(request):
    """The bytes of a valid package, on a site that holds only its home and libraries.

    Exporting `course_full` takes seconds; the bytes do not depend on the database they came
    from, so the first test makes them and the others only lay out the libraries.
    """
    if "bytes" not in _valid:
        _valid["bytes"] = package_bytes(request.getfixturevalue("course_full")).getvalue()
        site_emptied()
    else:
        libraries()
    return _valid["bytes"]


def site_state():
    """Every row count an import could change, every page as it stands, every stored file."""
    rows = {model.__name__: model.objects.count() for model in WRITTEN_MODELS}
    pages = list(
        Page.objects.order_by("pk").values_list(
            "pk", "title", "slug", "path", "live", "latest_revision_id", "translation_key"
        )
    )
    root = Path(settings.MEDIA_ROOT)
    files = {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
    return {"rows": rows, "pages": pages, "files": files}


def limit_lowered(case, monkeypatch, settings):
    if case.patch:
        where, name, value = case.patch
        if where == "settings":
            setattr(settings, name, value)
        else:
            monkeypatch.setattr(schema, name, value)


def refused(call, case):
    with translation.override("en"), pytest.raises(PackageRefused, match=case.refusal) as caught:
        call()
    return caught.value


def test_the_untouched_package_imports(valid_package):
    """The control: taken apart and put together again, the package is still valid."""
    package_import_path(source=io.BytesIO(Package(valid_package).zipped()))
    assert CoursePage.objects.count() == 2


@pytest.mark.parametrize("case", ALL_CASES, ids=[case.id for case in ALL_CASES])
def test_a_hostile_package_is_refused_and_leaves_nothing(
    case, valid_package, monkeypatch, settings
):
    hostile = case.build(Package(valid_package))
    limit_lowered(case, monkeypatch, settings)
    before = site_state()

    refused(lambda: package_import_path(source=io.BytesIO(hostile)), case)

    assert site_state() == before


@pytest.mark.parametrize("case", PREVIEW_CASES, ids=[case.id for case in PREVIEW_CASES])
def test_an_upload_of_a_hostile_package_keeps_nothing(case, valid_package, monkeypatch, settings):
    hostile = case.build(Package(valid_package))
    limit_lowered(case, monkeypatch, settings)
    upload = SimpleUploadedFile("course.zip", hostile, content_type="application/zip")
    before = site_state()

    refused(lambda: package_preview_make(upload=upload), case)

    assert site_state() == before
    assert not PackageImport.objects.exists()


def test_an_upload_of_a_valid_package_is_kept_for_its_preview(valid_package):
    """The control of the test above: a valid upload does leave a row and a file."""
    upload = SimpleUploadedFile("course.zip", valid_package, content_type="application/zip")
    preview = package_preview_make(upload=upload)
    assert PackageImport.objects.get() == preview
    assert (Path(settings.MEDIA_ROOT) / preview.file.name).is_file()


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(valid_package, monkeypatch):
    """Refused on the zip's directory alone: before the manifest is looked for, and without
    opening a single entry."""
    hostile = zip_bomb(Package(valid_package), manifest=None)
    opened = []
    real_open = zipfile.ZipFile.open

    def open_entry(archive, name, *args, **kwargs):
        opened.append(name)
        return real_open(archive, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", open_entry)
    case = Case("bomb-without-manifest", zip_bomb, "files/bomb.bin .* zip bomb")

    refused(lambda: package_import_path(source=io.BytesIO(hostile)), case)

    assert opened == []


def test_files_stored_before_a_refusal_are_deleted_again(valid_package, monkeypatch):
    """A module fails validation after every file of the package was stored: they all go."""
    stored = []
    real_save = FileSystemStorage._save

    def save(storage, name, content):
        stored.append(real_save(storage, name, content))
        return stored[-1]

    monkeypatch.setattr(FileSystemStorage, "_save", save)
    case = case_of("module-of-999-minutes")
    hostile = case.build(Package(valid_package))
    before = site_state()

    refused(lambda: package_import_path(source=io.BytesIO(hostile)), case)

    assert len(stored) == 5, "two images, a document, a recording and its captions were stored"
    assert not any((Path(settings.MEDIA_ROOT) / name).exists() for name in stored)
    assert site_state() == before


def test_a_package_naming_the_library_leaves_the_library_as_it_was(valid_package):
    library = LibraryPage.objects.get(locale__language_code="nl")
    case = case_of("page-key-of-the-library")
    hostile = case.build(Package(valid_package))

    refused(lambda: package_import_path(source=io.BytesIO(hostile)), case)

    after = LibraryPage.objects.get(pk=library.pk)
    assert (after.title, after.live, after.latest_revision_id, after.get_children().count()) == (
        library.title,
        library.live,
        library.latest_revision_id,
        library.get_children().count(),
    )


@pytest.mark.parametrize("case", WRITTEN_CASES, ids=[case.id for case in WRITTEN_CASES])
def test_a_dry_run_refuses_what_the_import_refuses_with_the_same_message(case, valid_package):
    """One code path: what the import refuses while writing, its dry run refuses too."""
    hostile = case.build(Package(valid_package))
    before = site_state()

    dry = refused(lambda: package_import_path(source=io.BytesIO(hostile), dry_run=True), case)
    assert site_state() == before
    real = refused(lambda: package_import_path(source=io.BytesIO(hostile)), case)

    assert dry.message == real.message
    assert site_state() == before


def test_a_dry_run_of_a_valid_package_stores_no_file(valid_package, monkeypatch):
    stored = []
    real_save = FileSystemStorage._save

    def save(storage, name, content):
        stored.append(name)
        return real_save(storage, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", save)
    before = site_state()

    report = package_import_path(source=io.BytesIO(valid_package), dry_run=True)

    assert len(report.created) == 8 and report.course_id is None
    assert stored == [] and site_state() == before


def test_a_package_refused_while_importing_from_the_admin_keeps_only_its_failed_upload(
    valid_package, django_capture_on_commit_callbacks
):
    """The site changed between the preview and the confirmation (the same version arrived
    by another way): the confirmed import is refused, marked as failed with its reason, and
    its uploaded file is deleted."""
    upload = SimpleUploadedFile("course.zip", valid_package, content_type="application/zip")
    preview = package_preview_make(upload=upload)
    uploaded = preview.file.name
    package_import_path(source=io.BytesIO(valid_package), publish=True)
    before = site_state()

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        package_import_confirm(package_import=preview)
        package_import_run(import_id=preview.pk)  # the upload goes once its failure is saved

    preview.refresh_from_db()
    assert preview.status == JobStatus.FAILED
    with translation.override(preview.language):  # the language of the one who uploaded it
        installed = gettext("Version %(version)s of this course is already installed.")
    assert preview.problem == installed % {"version": 1}
    after = site_state()
    assert after["rows"] == before["rows"] and after["pages"] == before["pages"]
    assert uploaded in before["files"] and after["files"] == before["files"] - {uploaded}
