"""Sending a private file once a view has decided that the person asking may have it.

Only image renditions are public. Every other upload leaves through a view that checks
permission and then calls `protected_file_response`, which sends the file the way the
installation is set up (settings.PROTECTED_FILES_SEND):

- "stream": the application reads the file through the storage API and answers a byte range
  itself (206), so players can seek (make run, tests, a server with nothing in front);
- "accel": nginx sends it; the answer is empty and carries X-Accel-Redirect to the `internal`
  location PROTECTED_FILES_ACCEL_PREFIX, and nginx answers byte ranges;
- "redirect": object storage sends it, from an address signed at this moment (the bucket is
  private). Pages link the view, never a signed address, so a cached page holds nothing that
  expires.
"""

import hashlib
import mimetypes
import posixpath
import re
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header, http_date
from django.views.decorators.http import condition

STREAM, ACCEL, REDIRECT = "stream", "accel", "redirect"
CHUNK_BYTES = 64 * 1024
# One range only (what players and download managers ask for); anything else gets the whole file,
# which HTTP allows (RFC 9110, 14.2).
SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
# Types Python's table may lack on older systems; a caption track must be text/vtt.
TYPES = {".vtt": "text/vtt; charset=utf-8", ".m4a": "audio/mp4"}


class Unsatisfiable(Exception):
    """The range lies wholly beyond the end of the file."""


def protected_file_response(request, file, *, content_type=None, disposition=None):
    """The answer that sends `file` (a stored FieldFile), for a request already allowed to have it.

    `disposition` is a Content-Disposition value (default: shown inline under its own name).
    A file missing from storage answers 404 when the application reads it itself.
    """
    if not file:
        raise Http404
    content_type = content_type or file_type(file.name)
    disposition = disposition or content_disposition_header(False, posixpath.basename(file.name))
    method = settings.PROTECTED_FILES_SEND
    if method == REDIRECT:
        return _redirect(file, content_type, disposition)
    if method == ACCEL:
        response = _accel(file, content_type)
    elif method == STREAM:
        response = _stream(request, file, content_type)
    else:
        raise ImproperlyConfigured(
            f"PROTECTED_FILES_SEND is {method!r}: use stream, accel or redirect"
        )
    response["Content-Disposition"] = disposition
    # Whoever asks decides what is answered: no shared cache may keep it.
    response["Cache-Control"] = "private"
    # Never run as a page, even if a file is something else than its type claims.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def file_type(name):
    extension = posixpath.splitext(name)[1].lower()
    return TYPES.get(extension) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _redirect(file, content_type, disposition):
    # S3Storage.url signs the address with the storage's expiry; the parameters make the bucket
    # answer with our type and name instead of what was stored with the object.
    parameters = {"ResponseContentType": content_type, "ResponseContentDisposition": disposition}
    response = redirect(file.storage.url(file.name, parameters=parameters))
    response["Cache-Control"] = "no-store"  # the address expires; ask again next time
    return response


def _accel(file, content_type):
    response = HttpResponse(content_type=content_type)
    prefix = settings.PROTECTED_FILES_ACCEL_PREFIX.rstrip("/")
    response["X-Accel-Redirect"] = f"{prefix}/{quote(file.name)}"
    return response


def _stream(request, file, content_type):
    storage, name = file.storage, file.name
    try:
        size = storage.size(name)
    except OSError as error:  # FileNotFoundError on disk
        raise Http404 from error
    modified = _modified_time(storage, name)
    etag = _etag(name, size, modified)

    @condition(etag_func=lambda request: etag, last_modified_func=lambda request: modified)
    def send(request):
        try:
            byte_range = _requested_range(request, size, etag, modified)
        except Unsatisfiable:
            response = HttpResponse(status=416, content_type=content_type)
            response["Content-Range"] = f"bytes */{size}"
            return response
        try:
            handle = storage.open(name, "rb")
        except OSError as error:
            raise Http404 from error
        if byte_range is None:
            response = FileResponse(handle, content_type=content_type)
            response["Content-Length"] = str(size)
        else:
            start, end = byte_range
            response = StreamingHttpResponse(
                _chunks(handle, start, end - start + 1), status=206, content_type=content_type
            )
            response["Content-Length"] = str(end - start + 1)
            response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Accept-Ranges"] = "bytes"
        return response

    return send(request)


def _modified_time(storage, name):
    try:
        return storage.get_modified_time(name)
    except (NotImplementedError, OSError):
        return None


def _etag(name, size, modified):
    stamp = modified.timestamp() if modified else ""
    return '"{}"'.format(hashlib.sha256(f"{name}\0{size}\0{stamp}".encode()).hexdigest()[:32])


def _requested_range(request, size, etag, modified):
    """(first, last) byte, both included; None for the whole file."""
    match = SINGLE_RANGE.match(request.headers.get("Range", "").strip())
    if match is None or request.method not in ("GET", "HEAD"):
        return None
    if not _range_still_valid(request.headers.get("If-Range"), etag, modified):
        return None  # the file changed since the client's copy: send it whole
    first, last = match.groups()
    if not first:
        if not last:
            return None
        suffix = int(last)  # "the last n bytes"
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return max(size - suffix, 0), size - 1
    start = int(first)
    if last and int(last) < start:
        return None  # not a valid range: ignored
    if start >= size:
        raise Unsatisfiable
    end = min(int(last), size - 1) if last else size - 1
    return start, end


def _range_still_valid(if_range, etag, modified):
    if if_range is None:
        return True
    if if_range.startswith(('"', "W/")):
        return if_range == etag  # a strong comparison: weak tags never match
    return modified is not None and if_range == http_date(modified.timestamp())


def _chunks(handle, start, length):
    try:
        handle.seek(start)
        while length > 0:
            chunk = handle.read(min(CHUNK_BYTES, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()
