"""The site's URLs plus uploaded files, served with byte ranges as a media server would.

The browser tests play videos; a player seeks (resume!) with Range requests, which Django's
development `static.serve` does not answer. Production serves uploads from object storage or
the web server, never from Django.
"""

import mimetypes
import re

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.urls import re_path

from elearning.urls import urlpatterns as site_urlpatterns

RANGE = re.compile(r"bytes=(\d+)-(\d*)$")
mimetypes.add_type("text/vtt", ".vtt")  # caption tracks; older tables lack it


def uploaded_file(request, path):
    if ".." in path or not default_storage.exists(path):
        raise Http404
    size = default_storage.size(path)
    match = RANGE.match(request.headers.get("Range", ""))
    if not match:
        response = FileResponse(default_storage.open(path, "rb"))
        response["Accept-Ranges"] = "bytes"
        return response
    start = int(match.group(1))
    end = min(int(match.group(2) or size - 1), size - 1)
    with default_storage.open(path, "rb") as handle:
        handle.seek(start)
        chunk = handle.read(end - start + 1)
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = HttpResponse(chunk, status=206, content_type=kind)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response


urlpatterns = [
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", uploaded_file),
    *site_urlpatterns,
]
