"""What the smoke test asks of the running shape, always through nginx over TLS, as a browser.

Each check raises AssertionError with what an operator would see when the shape is wrong.
"""

import re
import subprocess

import requests
from requests.adapters import HTTPAdapter

from .shape import APPLICATION_PORT, HOST, HTTPS_PORT

# Another loopback address than the one nginx connects to gunicorn from: the client's address
# nginx appends to X-Forwarded-For is then told apart from the proxy's own.
CLIENT_ADDRESS = "127.0.0.2"
SPOOFED_ADDRESS = "203.0.113.7"  # TEST-NET-3: what a client claims to be
LANGUAGES = ("nl", "fr", "en")
YEAR = 31536000
PROCESSING_TIMEOUT = 120  # seconds: only bounds how long we wait for a hung worker
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class SourceAddress(HTTPAdapter):
    """Connections leave from `address` (any 127.0.0.0/8 address is this machine)."""

    def __init__(self, address, **options):
        self.address = address
        super().__init__(**options)

    def init_poolmanager(self, *args, **options):
        options["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **options)


def browser(shape):
    """A cookie-keeping client that trusts the run's certificate alone."""
    session = requests.Session()
    session.trust_env = False  # REQUESTS_CA_BUNDLE and proxies of the environment do not apply
    session.verify = str(shape.certificate)
    session.mount("https://", SourceAddress(CLIENT_ADDRESS))
    session.headers["User-Agent"] = "vif-prod-smoke"
    return session


class Smoke:
    def __init__(self, shape, seeded):
        self.shape = shape
        self.seeded = seeded
        self.url = shape.base_url
        self.editor = browser(shape)
        self.visitor = browser(shape)
        self.recording = None

    def health(self):
        answer = self.visitor.get(self.url + "/healthz", timeout=30)
        assert answer.status_code == 200, f"/healthz answered {answer.status_code}"
        # Django adds it only to a request it sees as https: nginx's X-Forwarded-Proto arrived.
        hsts = answer.headers.get("Strict-Transport-Security", "")
        assert "max-age=" in hsts, "the application did not see the request as https"
        if answer.headers.get("Content-Type", "").startswith("application/json"):
            status = answer.json().get("status")
            assert status == "ok", f"/healthz reports {status!r}: {answer.text[:300]}"
        return "/healthz answers 200, over https as the application sees it (HSTS)"

    def pages(self):
        for language in LANGUAGES:
            for kind, path in self.seeded["pages"][language].items():
                answer = self.visitor.get(self.url + path, timeout=30)
                assert answer.status_code == 200, f"{kind} {path} answered {answer.status_code}"
                lang = re.search(r'<html[^>]*\blang="([^"]+)"', answer.text)
                assert lang and lang.group(1) == language, (
                    f"{path} says lang={lang and lang.group(1)!r}, expected {language!r}"
                )
        return "home and course pages answer 200 in nl, fr and en with their lang"

    def static(self):
        home = self.visitor.get(self.url + self.seeded["pages"]["nl"]["home"], timeout=30)
        stylesheet = re.search(r'<link[^>]+href="(/static/[^"]+\.css)"', home.text)
        assert stylesheet, "the home page links no stylesheet under /static/"
        path = stylesheet.group(1)
        answer = self.visitor.get(self.url + path, headers={"Accept-Encoding": "gzip"}, timeout=30)
        assert answer.status_code == 200, f"{path} answered {answer.status_code}"
        assert answer.headers["Content-Type"].startswith("text/css"), answer.headers["Content-Type"]
        cache = answer.headers.get("Cache-Control", "")
        assert f"max-age={YEAR}" in cache, f"{path}: Cache-Control {cache!r}, expected a year"
        assert answer.headers.get("Content-Encoding") == "gzip", "nginx sent no gzip copy"
        application_log = (self.shape.logs / "gunicorn-access.log").read_text()
        assert "/static/" not in application_log, "gunicorn served a static file, not nginx"
        return f"nginx serves {path} (text/css, gzip, cached a year; gunicorn never asked)"

    def sign_in(self):
        answer = self._sign_in(self.editor, self.seeded["email"], self.seeded["password"])
        assert answer.status_code == 302, f"signing in answered {answer.status_code}"
        assert "login" not in answer.headers["Location"], answer.headers["Location"]
        cookie = next(c for c in self.editor.cookies if c.name == "sessionid")
        assert cookie.secure, "the session cookie is sent over plain http too"
        admin = self.editor.get(self.url + "/admin/", timeout=30, allow_redirects=False)
        assert admin.status_code == 200, f"/admin/ answered {admin.status_code} after signing in"
        return "an editor signs in (Secure session cookie) and reaches /admin/"

    def client_address(self):
        claimed = "nobody@example.org"
        answer = self._sign_in(
            browser(self.shape), claimed, "wrong", headers={"X-Forwarded-For": SPOOFED_ADDRESS}
        )
        assert answer.status_code == 200, f"a wrong password answered {answer.status_code}"
        # django-axes' own table: the attempts it counts, per account and address.
        rows = self.shape.query(
            "SELECT ip_address FROM axes_accessattempt WHERE username = %s", claimed
        )
        addresses = sorted(str(address) for (address,) in rows)
        assert addresses == [CLIENT_ADDRESS], (
            f"a failed sign-in from {CLIENT_ADDRESS} claiming X-Forwarded-For {SPOOFED_ADDRESS} "
            f"is counted under {addresses}"
        )
        return (
            f"a failed sign-in from {CLIENT_ADDRESS} claiming {SPOOFED_ADDRESS} is counted "
            f"under {CLIENT_ADDRESS}"
        )

    def upload(self):
        source = self.shape.tmp / "recording.mp4"
        subprocess.run(  # noqa: S603 - fixed command
            [
                "ffmpeg", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc=duration=2:size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(source),
            ],
            check=True,
        )  # fmt: skip
        add = self.url + "/admin/media/video/add/"
        form = self.editor.get(add, timeout=30)
        assert form.status_code == 200, f"the upload form answered {form.status_code}"
        title = "Rookproef opname"
        with source.open("rb") as handle:
            answer = self.editor.post(
                add,
                data={
                    "csrfmiddlewaretoken": _csrf(form.text),
                    "title": title,
                    "collection": self.seeded["collection"],
                },
                files={"file": ("opname.mp4", handle, "video/mp4")},
                headers={"Referer": add},
                allow_redirects=False,
                timeout=60,
            )
        location = answer.headers.get("Location", "")
        assert answer.status_code == 302 and location.split("?")[0].endswith("/admin/media/"), (
            f"the upload answered {answer.status_code} {location}: {_text(answer.text)}"
        )
        recording = self.shape.django_call(
            "recording_processed", title=title, timeout=PROCESSING_TIMEOUT
        )
        assert recording["status"] == "ready", (
            f"the worker left the recording {recording}\nworker log:\n"
            + self.shape.log_tail("worker")
        )
        self.recording = recording
        return f"a recording uploaded through the admin is processed by the worker ({title!r})"

    def range_request(self):
        path = f"/files/recordings/{self.recording['id']}/web.mp4"
        stored = (self.shape.media_root / self.recording["web_file"]).read_bytes()
        answer = self.editor.get(self.url + path, headers={"Range": "bytes=100-199"}, timeout=30)
        assert answer.status_code == 206, f"a Range request on {path} answered {answer.status_code}"
        expected = f"bytes 100-199/{len(stored)}"
        assert answer.headers.get("Content-Range") == expected, answer.headers.get("Content-Range")
        assert answer.content == stored[100:200], "the range holds other bytes than the file"
        assert "X-Accel-Redirect" not in answer.headers, "nginx passed X-Accel-Redirect on"
        # Behind nginx, the application itself only names the file.
        direct = requests.Session()
        direct.trust_env = False
        direct = direct.get(
            f"http://{HOST}:{APPLICATION_PORT}{path}",
            headers={
                "Host": f"{HOST}:{HTTPS_PORT}",
                "X-Forwarded-Proto": "https",
                "Cookie": f"sessionid={self.editor.cookies['sessionid']}",
            },
            timeout=30,
        )
        accel = direct.headers.get("X-Accel-Redirect", "")
        assert accel.startswith("/protected-uploads/") and not direct.content, (
            f"gunicorn answered {direct.status_code} X-Accel-Redirect={accel!r} "
            f"with {len(direct.content)} bytes"
        )
        return f"Range on {path} answers 206 from nginx (the application sent {accel})"

    def refused(self):
        path = f"/files/recordings/{self.recording['id']}/web.mp4"
        stored = self.recording["web_file"]
        for address in (path, f"/protected-uploads/{stored}", f"/uploads/{stored}"):
            answer = self.visitor.get(self.url + address, timeout=30, allow_redirects=False)
            assert answer.status_code in (403, 404), (
                f"a visitor asking {address} got {answer.status_code}"
            )
        return "a visitor gets 404 for the recording, its internal and its upload address"

    def _sign_in(self, session, email, password, headers=None):
        login = self.url + "/nl/account/login/"
        form = session.get(login, timeout=30)
        assert form.status_code == 200, f"the sign-in page answered {form.status_code}"
        return session.post(
            login,
            data={"csrfmiddlewaretoken": _csrf(form.text), "login": email, "password": password},
            headers={"Referer": login, **(headers or {})},
            allow_redirects=False,
            timeout=30,
        )


CHECKS = (
    "health",
    "pages",
    "static",
    "sign_in",
    "client_address",
    "upload",
    "range_request",
    "refused",
)


def _csrf(html):
    token = CSRF_FIELD.search(html)
    assert token, "the form carries no CSRF token"
    return token.group(1)


def _text(html, chars=800):
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()[:chars]
