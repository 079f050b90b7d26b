"""A small HTTP service on 127.0.0.1, served from a background thread for a test's duration.

The fakes of outside services (tests/accounts/fake_idp.py, tests/learners/fake_lrs.py) build on
it: the code under test talks to them over a real socket, like to the real thing.
"""

import threading
from http.server import ThreadingHTTPServer


class BackgroundHTTPService:
    """Subclasses pass their request handler; the handler reaches the service as server.service.

    `host` is the loopback address to listen on; `tls` a server-side ssl.SSLContext for HTTPS.
    """

    def __init__(self, handler, *, host="127.0.0.1", tls=None):
        self._server = ThreadingHTTPServer((host, 0), handler)
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._scheme = "https" if tls is not None else "http"
        self._server.daemon_threads = True
        self._server.service = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self):
        host, port = self._server.server_address[:2]
        return f"{self._scheme}://{host}:{port}"

    @property
    def port(self):
        return self._server.server_address[1]

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
