"""Opening a course package safely: the whole archive is checked before anything is written.

Order matters. The zip's own directory is checked first (names, links, counts, sizes, the
compression ratio of every entry), so a zip bomb or a path like `../../settings.py` is refused
before one byte is decompressed. Then the manifest, then every file against the manifest
(size, SHA-256, and its type as read from its first bytes), and only then `content.json`.
Every refusal is a `PackageRefused` with a message for the editor who uploaded the file.
"""

import hashlib
import json
import re
import stat
import uuid
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from . import schema
from .filetypes import file_verify
from .schema import PackageRefused

CHUNK = 1024**2
UNSAFE_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\\:*?\"<>|]")
SHA256 = re.compile(r"[0-9a-f]{64}")
# Raised while unpacking an entry whose directory looked fine: damaged data (CRC, deflate
# stream, a local header naming another file) or a compression method zipfile cannot read.
UNPACKING_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)


@dataclass
class PackageArchive:
    """A checked package: its manifest, its content and a way to read its files."""

    archive: zipfile.ZipFile
    manifest: dict
    content: dict
    files: dict  # path -> manifest entry

    def open(self, path):
        return self.archive.open(path)

    @property
    def key(self):
        return uuid.UUID(self.manifest["course"]["key"])

    @property
    def version(self):
        return self.manifest["version"]

    def close(self):
        self.archive.close()


def package_archive_open(source):
    """Open and check a package (a path or a binary file object); refuse it when anything is off."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise PackageRefused(
            _("This file is not a course package: it is not a zip archive.")
        ) from error
    try:
        entries = _entries_check(archive)
        manifest, _raw = _json_read(archive, entries, schema.MANIFEST_NAME)
        files = _manifest_check(manifest, entries)
        for entry in files.values():
            file_verify(archive, entry)
        content = _content_read(archive, entries, manifest["content"])
        _course_check(manifest, content)
        return PackageArchive(archive=archive, manifest=manifest, content=content, files=files)
    except UNPACKING_ERRORS as error:
        archive.close()
        raise PackageRefused(
            _("The package is damaged, or packed in a way this installation cannot unpack.")
        ) from error
    except BaseException:
        archive.close()
        raise


def _entries_check(archive):
    """The zip directory: safe names, no links, no encryption, bounded counts and sizes."""
    infos = archive.infolist()
    if len(infos) > schema.MAX_ENTRIES:
        raise PackageRefused(
            _("The package holds %(count)d files; at most %(limit)d are allowed.")
            % {"count": len(infos), "limit": schema.MAX_ENTRIES}
        )
    entries, total = {}, 0
    for info in infos:
        _name_check(info.filename)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackageRefused(
                _("The package contains a symbolic link (%(name)s); links are not allowed.")
                % {"name": info.filename}
            )
        if info.flag_bits & 0x1:
            raise PackageRefused(
                _("The package contains an encrypted file (%(name)s).") % {"name": info.filename}
            )
        if info.filename in entries:
            raise PackageRefused(
                _("The package contains %(name)s twice.") % {"name": info.filename}
            )
        _ratio_check(info)
        total += info.file_size
        entries[info.filename] = info
    if total > _max_total_bytes():
        raise PackageRefused(
            _("Unpacked, the package would take %(size)s; at most %(limit)s is allowed.")
            % {"size": filesizeformat(total), "limit": filesizeformat(_max_total_bytes())}
        )
    return {name: info for name, info in entries.items() if not info.is_dir()}


def _name_check(name):
    parts = name.rstrip("/").split("/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise PackageRefused(
            _("The package contains an absolute path (%(name)s).") % {"name": _shown(name)}
        )
    if ".." in parts:
        raise PackageRefused(
            _("The package contains a path that leaves its folder (%(name)s).")
            % {"name": _shown(name)}
        )
    if not name or UNSAFE_CHARACTERS.search(name) or any(p in ("", ".") for p in parts):
        raise PackageRefused(
            _("The package contains a file with an unsafe name (%(name)s).")
            % {"name": _shown(name)}
        )


def _ratio_check(info):
    """A zip bomb is a small entry that unpacks huge: refuse a ratio no real file reaches."""
    if info.file_size < schema.RATIO_CHECK_FROM_BYTES:
        return
    if info.file_size > max(info.compress_size, 1) * schema.MAX_COMPRESSION_RATIO:
        raise PackageRefused(
            _(
                "%(name)s would unpack to %(ratio)d times its packed size; this looks like a "
                "zip bomb."
            )
            % {"name": info.filename, "ratio": info.file_size // max(info.compress_size, 1)}
        )


def _json_read(archive, entries, name):
    info = entries.get(name)
    if info is None:
        raise PackageRefused(_("The package has no %(name)s.") % {"name": name})
    if info.file_size > schema.MAX_CONTENT_BYTES:
        raise PackageRefused(_("%(name)s is too large.") % {"name": name})
    with archive.open(info) as stream:
        raw = stream.read()
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_constant_refuse)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise PackageRefused(
            _("%(name)s cannot be read: it is not valid JSON.") % {"name": name}
        ) from error
    if not isinstance(value, dict):
        raise PackageRefused(_("%(name)s must hold a JSON object.") % {"name": name})
    return value, raw


def _constant_refuse(name):
    """NaN and Infinity: Python reads them, JSON has no such numbers (and fields choke on them)."""
    raise ValueError(name)


def _manifest_check(manifest, entries):
    """Identity, version and licence are right, and the file list matches the archive exactly."""
    if manifest.get("format") != schema.FORMAT:
        raise PackageRefused(_("manifest.json does not describe a course package."))
    version = manifest.get("schema_version")
    if not _is_int(version):
        raise PackageRefused(_("manifest.json has no schema version."))
    if version != schema.SCHEMA_VERSION:
        raise PackageRefused(
            _(
                "This package uses schema version %(found)s; this installation reads version "
                "%(known)s. Update the platform or ask for a package of version %(known)s."
            )
            % {"found": version, "known": schema.SCHEMA_VERSION}
        )
    _identity_check(manifest)
    declared = manifest.get("files")
    content = manifest.get("content")
    if not isinstance(declared, list) or not _is_entry(content, with_kind=False):
        raise PackageRefused(_("manifest.json has no valid list of files."))
    if content["path"] != schema.CONTENT_NAME:
        raise PackageRefused(_("manifest.json names the wrong content file."))
    files = {}
    for entry in declared:
        if not _is_entry(entry, with_kind=True) or not entry["path"].startswith(schema.FILES_DIR):
            raise PackageRefused(_("manifest.json lists a file in a form it cannot have."))
        files[entry["path"]] = entry
    _listing_check(files, content, entries)
    return files


def _identity_check(manifest):
    if not _course_named(manifest.get("course")):
        raise PackageRefused(_("manifest.json does not say which course this is."))
    version = manifest.get("version")
    if not _is_int(version) or version < 1:
        raise PackageRefused(_("manifest.json has no valid package version (1 or higher)."))
    languages = manifest.get("languages")
    if (
        not isinstance(languages, list)
        or not languages
        or not all(isinstance(code, str) for code in languages)
    ):
        raise PackageRefused(_("manifest.json does not list the package's languages."))
    for field in ("licence", "attribution"):
        if not isinstance(manifest.get(field), str) or len(manifest[field]) > 255:
            raise PackageRefused(_("manifest.json has no valid %(field)s.") % {"field": field})
    if not isinstance(manifest.get("provenance"), dict):
        raise PackageRefused(_("manifest.json does not say where the package comes from."))


def _course_named(course):
    """A course key (UUID), titles per language, and optionally the language it was made in."""
    if not isinstance(course, dict) or not isinstance(course.get("key"), str):
        return False
    try:
        uuid.UUID(course["key"])
    except ValueError:
        return False
    titles = course.get("title")
    return (
        isinstance(titles, dict)
        and bool(titles)
        and all(isinstance(t, str) and 0 < len(t) <= 255 for t in titles.values())
        and isinstance(course.get("source_language") or "", str)
    )


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_entry(entry, *, with_kind):
    if not isinstance(entry, dict):
        return False
    shape = (
        isinstance(entry.get("path"), str)
        and _is_int(entry.get("size"))
        and entry["size"] >= 0
        and isinstance(entry.get("sha256"), str)
        and SHA256.fullmatch(entry["sha256"])
    )
    if not with_kind:
        return bool(shape)
    return (
        bool(shape)
        and isinstance(entry.get("kind"), str)
        and entry["kind"] in schema.FILE_KINDS
        and isinstance(entry.get("media_type"), str)
    )


def _listing_check(files, content, entries):
    for path in [content["path"], *files]:
        if path not in entries:
            raise PackageRefused(
                _("manifest.json lists %(name)s, which is not in the package.") % {"name": path}
            )
    listed = {schema.MANIFEST_NAME, content["path"], *files}
    for name in entries:
        if name not in listed:
            raise PackageRefused(
                _("The package contains %(name)s, which its manifest does not list.")
                % {"name": _shown(name)}
            )


def _content_read(archive, entries, declared):
    content, raw = _json_read(archive, entries, declared["path"])
    if len(raw) != declared["size"] or hashlib.sha256(raw).hexdigest() != declared["sha256"]:
        raise PackageRefused(
            _("%(name)s does not match its checksum: the package is damaged or was changed.")
            % {"name": declared["path"]}
        )
    return content


def _course_check(manifest, content):
    """content.json holds the course the manifest names: the manifest's key decides which
    installed course an import replaces, the pages' keys which pages it writes."""
    key = str(uuid.UUID(manifest["course"]["key"]))
    pages = content.get("pages") if isinstance(content.get("pages"), list) else []
    for page in pages:
        if isinstance(page, dict) and page.get("type") == "course" and page.get("key") != key:
            raise PackageRefused(
                _("content.json holds another course than the one manifest.json names.")
            )


def _max_total_bytes():
    return settings.COURSE_PACKAGE_MAX_BYTES  # settings/base.py; 20 GiB unless configured


def _shown(name):
    """A hostile name shown in a message: printable and short."""
    return UNSAFE_CHARACTERS.sub("?", name)[:120]
