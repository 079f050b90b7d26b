"""A fake xAPI learning record store, served on 127.0.0.1 for the length of a test.

It takes every PUT and POST under its base path and answers 204, or the statuses queued with
`answer(503, 503)` first, one per request (`delay` makes it slow). Tests read what it received
in `requests`, as they read mail.outbox: method, path, query, headers and the JSON body.
"""

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from tests.fake_services import BackgroundHTTPService

BASE_PATH = "/xapi/"


@dataclass
class ReceivedRequest:
    method: str
    path: str
    query: dict
    headers: dict
    body: object


class FakeLearningRecordStore(BackgroundHTTPService):
    def __init__(self):
        self.requests = []
        self.delay = 0  # seconds before answering (a slow store)
        self._statuses = []
        self._lock = threading.Lock()
        super().__init__(_Handler)

    @property
    def endpoint(self):
        return self.base_url + BASE_PATH

    def answer(self, *statuses):
        """Answer the next requests with these statuses, in order; 204 after them."""
        with self._lock:
            self._statuses.extend(statuses)

    def statements(self):
        """The statements received, in order (a resent one appears each time)."""
        return [request.body for request in self.requests]

    def receive(self, received):
        with self._lock:
            self.requests.append(received)
            return self._statuses.pop(0) if self._statuses else 204


class _Handler(BaseHTTPRequestHandler):
    def do_PUT(self):
        self._receive()

    def do_POST(self):
        self._receive()

    def _receive(self):
        lrs = self.server.service
        url = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        received = ReceivedRequest(
            method=self.command,
            path=url.path,
            query={name: values[0] for name, values in parse_qs(url.query).items()},
            headers=dict(self.headers.items()),
            body=json.loads(raw) if raw else None,
        )
        status = lrs.receive(received) if url.path.startswith(BASE_PATH) else 404
        if lrs.delay:
            time.sleep(lrs.delay)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):  # quiet: tests read `requests` instead
        pass
