"""The upload scenario's browser: wagtailmedia's add form, fetched and posted as an editor would.

The recording is streamed from disk in SEND_CHUNK pieces with a Content-Length (no chunked
encoding, as browsers send forms), so the client never holds the file in memory either.
"""

import http.client
import re
import secrets
import time
from concurrent.futures import ThreadPoolExecutor

from .harness import http_get
from .rss import MIB

MEDIA_TYPE = "video"
ADD_PATH = f"/admin/media/{MEDIA_TYPE}/add/"
INDEX_PATH = "/admin/media/"  # where the add view sends the editor after a successful upload
SEND_CHUNK = MIB
UPLOAD_TIMEOUT = 600  # seconds of silence on the socket before the client gives up
WARMUP_REQUESTS = 8  # both workers' 4 threads: each worker renders the form at least once


def _cookies(seeded):
    return (
        f"{seeded['session_cookie']}={seeded['session']}; {seeded['csrf_cookie']}={seeded['csrf']}"
    )


def form_warm_up(server, seeded):
    """Render the add form in both workers; raise with the server's answer if it fails."""
    headers = {"Cookie": _cookies(seeded)}
    with ThreadPoolExecutor(WARMUP_REQUESTS) as pool:
        answers = list(
            pool.map(
                lambda _: http_get(server.base_url + ADD_PATH, headers=headers),
                range(WARMUP_REQUESTS),
            )
        )
    for status, answer_headers, body in answers:
        if status != 200:
            raise RuntimeError(
                f"GET {ADD_PATH} answered {status} (Location {answer_headers.get('Location')}): "
                f"{_excerpt(body)}\ngunicorn log:\n{server.log_tail()}"
            )


def _multipart(fields, source, filename):
    """(content type, length, body chunks) of a form with `fields` and `source` as `file`; the
    chunks are read from disk as they are sent, never all at once."""
    boundary = f"vif-bench-{secrets.token_hex(16)}"
    head = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    )
    head += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: video/mp4\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    def chunks():
        yield head
        with source.open("rb") as handle:
            while block := handle.read(SEND_CHUNK):
                yield block
        yield tail

    length = len(head) + source.stat().st_size + len(tail)
    return f"multipart/form-data; boundary={boundary}", length, chunks()


def recording_post(server, seeded, *, source, title):
    """Upload `source` through the add form: the answer's status, Location and text (when it is
    not the redirect), the seconds until its headers, the bytes sent, any connection error."""
    fields = {
        "csrfmiddlewaretoken": seeded["csrf"],
        "title": title,
        "collection": seeded["collection"],
    }
    content_type, length, body = _multipart(fields, source, source.name)
    headers = {
        "Content-Type": content_type,
        "Content-Length": str(length),
        "Cookie": _cookies(seeded),
        "Origin": server.base_url,  # what a browser sends with a form POST
        "Referer": server.base_url + ADD_PATH,
    }
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=UPLOAD_TIMEOUT)
    started = time.perf_counter()
    try:
        connection.request("POST", ADD_PATH, body=body, headers=headers)
        response = connection.getresponse()
        seconds = time.perf_counter() - started
        answer = {"status": response.status, "location": response.getheader("Location")}
        answer["excerpt"] = "" if response.status == 302 else _excerpt(response.read())
    except (OSError, http.client.HTTPException) as error:
        seconds = time.perf_counter() - started
        answer = {"status": None, "location": None, "excerpt": "", "error": repr(error)}
    finally:
        connection.close()
    return {**answer, "seconds": seconds, "request_bytes": length}


def _excerpt(body, chars=1500):
    """The text of an HTML answer, without its markup, for the report."""
    text = re.sub(
        r"<script.*?</script>|<style.*?</style>", " ", body.decode(errors="replace"), flags=re.S
    )
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()[:chars]


def upload_succeeded(answer):
    """The add view redirects to the media index only after the recording was saved (a
    redirect to the login page would be a refused session, not a success)."""
    location = answer["location"] or ""
    return answer["status"] == 302 and location.split("?")[0].endswith(INDEX_PATH)
