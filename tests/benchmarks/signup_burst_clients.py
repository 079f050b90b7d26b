"""The signup_burst scenario's clients: many requests let go at the same moment (no Django here).

`burst` forks PROCESSES processes (one Python process alone would send its threads' requests one
GIL slice after the other); each starts one thread per request of its share. The threads of a
process meet at a barrier, then all sleep until one start time shared by every process, open a
fresh connection and send. So the requests are on the wire together, as when the sign-up of a
popular session opens and everyone presses the button; how close together they really left is
measured (send_spread_ms, in_flight_at_first_answer in the details).
"""

import base64
import http.client
import multiprocessing
import re
import threading
import time
import zlib
from dataclasses import dataclass, field

PROCESSES = 4
START_DELAY = 1.5  # s: time for every process to fork and start its threads before the go
TIMEOUT = 120  # s a client waits for its answer; far beyond what a queued sign-up takes
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage
MESSAGE_LEVEL = re.compile(r'\["__json_message",\s*\d,\s*(\d+)')
EXCERPT_CHARS = 300


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict = field(default_factory=dict)
    body: bytes = b""


def burst(host, port, requests, processes=PROCESSES):
    """One answer per request (see _send), in the order of `requests`, all sent together."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    # time.monotonic() is one system-wide clock on Linux, so forked processes share the go.
    start_at = time.monotonic() + START_DELAY
    children = [
        context.Process(
            target=_fire_share,
            args=(host, port, requests, range(first, len(requests), processes), start_at, queue),
        )
        for first in range(processes)
    ]
    for child in children:
        child.start()
    answers = {}
    for _ in children:
        answers.update(queue.get(timeout=START_DELAY + TIMEOUT + 30))
    for child in children:
        child.join()
    return [answers[index] for index in range(len(requests))]


def _fire_share(host, port, requests, indexes, start_at, queue):
    ready = threading.Barrier(len(indexes))
    answers = {}

    def client(index):
        ready.wait()  # every thread of this process exists before any of them goes
        time.sleep(max(0.0, start_at - time.monotonic()))
        answers[index] = _send(host, port, requests[index])

    threads = [threading.Thread(target=client, args=(index,)) for index in indexes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(answers)


def _send(host, port, request):
    """status (0: the connection failed), Location, the highest django message level set, the
    moments it was sent and answered (time.monotonic()), ms between them; a short excerpt of
    the body on an answer that is neither 200 nor a redirect."""
    connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
    headers = {**request.headers, "Connection": "close"}  # one request, one connection
    answer = {"status": 0, "location": None, "message_level": None, "excerpt": ""}
    sent = time.monotonic()
    try:
        connection.request(request.method, request.path, body=request.body or None, headers=headers)
        response = connection.getresponse()
        body = response.read()
        answer.update(
            status=response.status,
            location=response.getheader("Location"),
            message_level=_message_level(response.msg.get_all("Set-Cookie") or []),
        )
        if response.status not in (200, 301, 302):
            answer["excerpt"] = body[:EXCERPT_CHARS].decode(errors="replace")
    except (OSError, http.client.HTTPException) as error:
        answer["excerpt"] = repr(error)
    finally:
        connection.close()
    answered = time.monotonic()
    return {**answer, "sent": sent, "answered": answered, "ms": 1000 * (answered - sent)}


def _message_level(set_cookies):
    """The highest level of the django messages the answer carries (25 success, 40 error), read
    from the messages cookie without checking its signature; None when it sets none."""
    for header in set_cookies:
        name, _, rest = header.partition("=")
        if name.strip() != MESSAGES_COOKIE:
            continue
        value = rest.split(";", 1)[0].strip('"')
        levels = [int(level) for level in MESSAGE_LEVEL.findall(_unsigned(value))]
        return max(levels, default=None)
    return None


def _unsigned(value):
    """The JSON inside a django.core.signing value (`payload:timestamp:signature`, or without
    the timestamp): base64 of it, zlib-compressed when the payload starts with "."."""
    payload = value.split(":", 1)[0]
    encoded = payload.lstrip(".")
    try:
        raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        return (zlib.decompress(raw) if payload.startswith(".") else raw).decode("latin-1")
    except (ValueError, zlib.error):  # not what Django writes: no level then
        return ""
