"""A small SMTP server on 127.0.0.1 for the retry tests: Django's SMTP backend talks to it over a
real socket, and the test says how it answers each message.

`FakeSMTPServer.refusals` is a list of answers given, one per message, at RCPT TO before the
server accepts again ("451 4.7.1 Greylisted" is how greylisting sounds). "close" drops the
connection instead of answering. Accepted messages are kept in `delivered` as raw bytes.
"""

import socketserver
import threading

import pytest


class _Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        server = self.server.fake
        self.reply("220 fake-smtp ready")
        for raw in self.rfile:
            command = raw.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 fake-smtp")
            elif command.startswith("MAIL FROM"):
                self.reply("250 2.1.0 OK")
            elif command.startswith("RCPT TO"):
                refusal = server.refusal_next()
                if refusal == "close":
                    return
                self.reply(refusal or "250 2.1.5 OK")
            elif command == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                server.delivered_add(self._message())
                self.reply("250 2.0.0 queued")
            elif command == "QUIT":
                self.reply("221 2.0.0 bye")
                return
            else:  # RSET, NOOP
                self.reply("250 2.0.0 OK")

    def _message(self):
        lines = []
        for raw in self.rfile:
            if raw in (b".\r\n", b".\n"):
                break
            lines.append(raw)
        return b"".join(lines)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class FakeSMTPServer:
    def __init__(self):
        self._server = _Server(("127.0.0.1", 0), _Session)
        self._server.fake = self
        self._lock = threading.Lock()
        self.refusals = []
        self.delivered = []
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self):
        return self._server.server_address[1]

    def refusal_next(self):
        with self._lock:
            return self.refusals.pop(0) if self.refusals else None

    def delivered_add(self, message):
        with self._lock:
            self.delivered.append(message)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def smtp_server(settings):
    """A FakeSMTPServer that the site's mail goes to, through Django's SMTP backend."""
    server = FakeSMTPServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield server
    server.stop()
