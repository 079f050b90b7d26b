"""What a package file is, read from its own bytes: size and SHA-256 as the manifest declares,
and a type that both the manifest declares and libmagic reads from the first bytes.

The manifest's word is not enough: a file declared as a PNG that is an HTML page would be
served from our domain. HTML and SVG are never accepted (they can carry scripts); images are
also opened far enough to count their pixels (a small file can unpack to billions of pixels).
"""

import hashlib
import warnings

import magic
from PIL import Image

from django.conf import settings
from django.utils.translation import gettext as _

from . import schema
from .schema import PackageRefused

CHUNK = 1024**2
SNIFF_BYTES = 8192
# Types libmagic names differently from what exporters declare.
SNIFFED_ALIASES = {
    "audio/x-m4a": "audio/mp4",
    "audio/vnd.wave": "audio/wav",
    "audio/x-wav": "audio/wav",
    "video/x-m4v": "video/mp4",
    "application/ogg": "audio/ogg",
}
ZIPPED_DOCUMENTS = {"application/zip", "application/octet-stream"}  # OOXML and ODF are zips


def file_verify(archive, entry):
    """Size and checksum as declared; the bytes are of the declared, allowed type."""
    path, kind, declared = entry["path"], entry["kind"], entry["media_type"]
    if not schema.type_allowed(kind, declared):
        raise PackageRefused(
            _(
                "%(name)s is declared as %(type)s, a type not allowed for this kind of file "
                "(%(kind)s)."
            )
            % {"name": path, "type": declared, "kind": kind}
        )
    digest, size, head = hashlib.sha256(), 0, b""
    with archive.open(path) as stream:
        while chunk := stream.read(CHUNK):
            if len(head) < SNIFF_BYTES:
                head += chunk[: SNIFF_BYTES - len(head)]
            digest.update(chunk)
            size += len(chunk)
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise PackageRefused(
            _("%(name)s does not match its checksum: the package is damaged or was changed.")
            % {"name": path}
        )
    _type_check(path, kind, declared, head)
    if kind == "image":
        _pixels_check(archive, path)


def sniffed_type(head):
    """The type libmagic reads from a file's first bytes, in the names manifests use."""
    sniffed = magic.from_buffer(head, mime=True) if head else "application/x-empty"
    return SNIFFED_ALIASES.get(sniffed, sniffed)


def _type_check(path, kind, declared, head):
    sniffed = sniffed_type(head)
    if sniffed in schema.NEVER_ACCEPTED_TYPES or head.lstrip()[:5].lower() in (
        b"<!doc",
        b"<html",
        b"<svg ",
    ):
        raise PackageRefused(
            _("%(name)s is declared as %(declared)s but is a web page or drawing (%(type)s).")
            % {"name": path, "declared": declared, "type": sniffed}
        )
    if not _type_matches(kind, declared, sniffed, head):
        raise PackageRefused(
            _("%(name)s is declared as %(declared)s but its content is %(sniffed)s.")
            % {"name": path, "declared": declared, "sniffed": sniffed}
        )


def _type_matches(kind, declared, sniffed, head):
    if kind == "caption":
        return head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT")
    if sniffed == SNIFFED_ALIASES.get(declared, declared):
        return True
    if kind == "document" and declared.startswith("application/vnd."):
        return sniffed in ZIPPED_DOCUMENTS
    if kind == "document" and declared == "text/csv":
        return sniffed == "text/plain"
    if kind == "media":
        return (
            schema.type_allowed("media", sniffed)
            and sniffed.split("/")[0] == declared.split("/")[0]
        )
    return False


def _pixels_check(archive, path):
    """A small image file can open to billions of pixels (a decompression bomb): refuse what
    the admin refuses on upload (WAGTAILIMAGES_MAX_IMAGE_PIXELS). Only the header is read."""
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128 * 1000000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with archive.open(path) as stream, Image.open(stream) as image:
                pixels = image.width * image.height
    except Image.DecompressionBombError:  # past twice Pillow's own limit, so past ours too
        pixels = limit + 1
    except OSError as error:
        raise PackageRefused(_("%(name)s cannot be read as an image.") % {"name": path}) from error
    if pixels > limit:
        raise PackageRefused(
            _("%(name)s has more pixels than an image may have (%(limit)d million).")
            % {"name": path, "limit": limit // 1000000}
        )
