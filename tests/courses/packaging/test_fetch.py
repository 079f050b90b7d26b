"""What an editor's catalogue address can make this server fetch (courses/packaging/fetch.py).

The other sites here are real HTTP(S) servers on loopback addresses. Tests of the refusal of
internal addresses turn COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS off (the test settings let
127.0.0.1 through so that the other sites of the other tests can be reached).
"""

import datetime
import html
import io
import ipaddress
import json
import re
import socket
import ssl
import time
from http.server import BaseHTTPRequestHandler

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from courses.packaging.fetch import address_may_be_fetched
from tests.fake_services import BackgroundHTTPService

from .test_admin import MODERATORS, member_of

pytestmark = pytest.mark.django_db

TITLE = "Partnergeweld bespreekbaar maken"
ENTRY = {
    "key": "4f6a8c1e-3d2b-4a57-9e10-6b7c8d9e0f12",
    "title": {"nl": TITLE},
    "languages": ["nl"],
    "version": 1,
    "licence": "cc-by-sa-4.0",
    "sha256": "0" * 64,
    "size": 10,
    "download": "http://127.0.0.1:9/p.zip",
}
CATALOGUE = json.dumps({"format": "vif-course-catalogue", "packages": [ENTRY]}).encode()


class OtherSite(BackgroundHTTPService):
    """Answers {path: (status, headers, body)}, 404 otherwise; `asked` lists the paths asked."""

    def __init__(self, *, host="127.0.0.1", tls=None):
        self.routes = {"/catalogue.json": (200, {}, CATALOGUE)}
        self.asked = []
        super().__init__(_Routes, host=host, tls=tls)

    def redirect(self, path, location, status=302):
        self.routes[path] = (status, {"Location": location}, b"")


class _Routes(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.service.asked.append(self.path)
        status, headers, body = self.server.service.routes.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class DrippingSite(BackgroundHTTPService):
    """Sends one byte every `interval` seconds for `seconds`, then a whole catalogue: in the
    headers (`in_headers`) or in the body."""

    def __init__(self, *, seconds=8, interval=0.25, in_headers=False):
        self.seconds, self.interval, self.in_headers = seconds, interval, in_headers
        super().__init__(_Drip)


class _Drip(BaseHTTPRequestHandler):
    def do_GET(self):
        service = self.server.service
        drops = int(service.seconds / service.interval)
        try:
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            if service.in_headers:
                self.wfile.write(b"X-Slow: ")
                self._drip(drops, b"a")
                self.wfile.write(b"\r\n\r\n")
            else:
                self.wfile.write(b"Content-Type: application/json\r\n\r\n")
                self._drip(drops, b" ")
            self.wfile.write(CATALOGUE)
        except OSError:
            pass  # the client hung up

    def _drip(self, drops, byte):
        for _drop in range(drops):
            self.wfile.write(byte)
            time.sleep(self.server.service.interval)

    def log_message(self, *args):
        pass


@pytest.fixture
def other_site():
    site = OtherSite().start()
    yield site
    site.stop()


@pytest.fixture
def internal_site():
    """A service on 127.0.0.2: loopback, and not among the test settings' allowed networks."""
    site = OtherSite(host="127.0.0.2").start()
    yield site
    site.stop()


@pytest.fixture
def closed_port():
    """A port on which nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def editor(client):
    client.force_login(member_of(MODERATORS, "redactie@example.org"))
    return client


def _ask(client, address):
    return client.post(reverse("course_packages:remote"), {"catalogue": address})


def _problem(response):
    found = re.search(r'id="catalogue-error"><p>(.*?)</p>', response.content.decode(), re.S)
    return html.unescape(found.group(1)) if found else None


def _unreachable():
    with translation.override("en"):
        return gettext("The other site cannot be reached.")


def _listed(response):
    return TITLE in response.content.decode()


def test_a_link_with_a_catalogue_address_fills_in_the_form_and_fetches_nothing(editor, other_site):
    address = f"{other_site.base_url}/catalogue.json"
    response = editor.get(reverse("course_packages:remote"), {"catalogue": address})

    assert response.status_code == 200
    assert f'value="{address}"' in response.content.decode()
    assert not _listed(response)
    assert other_site.asked == []


def test_a_fetch_needs_the_forms_csrf_token(other_site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_of(MODERATORS, "redactie@example.org"))
    url = reverse("course_packages:remote")
    page = client.get(url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    address = f"{other_site.base_url}/catalogue.json"

    forged = client.post(url, {"catalogue": address})
    assert forged.status_code == 403 and other_site.asked == []

    sent = client.post(url, {"catalogue": address, "csrfmiddlewaretoken": token.group(1)})
    assert sent.status_code == 200 and _listed(sent)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "0x7f000001",
        "2130706433",
        "0177.0.0.1",
        "127.1",
        "localhost",
        "0.0.0.0",  # noqa: S104 - an address to refuse, not to bind
        "[::ffff:127.0.0.1]",
    ],
)
def test_loopback_addresses_are_refused_in_any_spelling_and_every_port_answers_alike(
    editor, other_site, closed_port, settings, host
):
    settings.COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS = []
    listening = _ask(editor, f"http://{host}:{other_site.port}/catalogue.json")
    closed = _ask(editor, f"http://{host}:{closed_port}/catalogue.json")

    assert listening.status_code == closed.status_code == 400
    assert _problem(listening) == _problem(closed)
    assert not _listed(listening)
    assert other_site.asked == [], "nothing was sent to the internal service"


def test_the_refusal_names_no_cause(other_site, closed_port, settings):
    """The command line gives the same single message for a listening and a closed port, a name
    that does not resolve, internal addresses and malformed ones."""
    settings.COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS = []
    messages = set()
    for address in (
        f"http://127.0.0.1:{other_site.port}/catalogue.json",
        f"http://127.0.0.1:{closed_port}/catalogue.json",
        "http://no-such-host.invalid/catalogue.json",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/catalogue.json",
        "http://10.0.0.1/catalogue.json",
        "http://[::1/catalogue.json",
        "http://127.0.0.1:99999/catalogue.json",
    ):
        with pytest.raises(CommandError) as refused:
            call_command("package_pull", address, stdout=io.StringIO())
        messages.add(str(refused.value))
    assert messages == {f"Refused: {_unreachable()}"}
    assert other_site.asked == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104 - an address to refuse, not to bind
        "224.0.0.251",
        "224.0.1.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fd00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::1",
        "2002:a00:1::1",
        "64:ff9b::7f00:1",
        "64:ff9b::a9fe:a9fe",
        "::7f00:1",
    ],
)
def test_no_private_loopback_link_local_reserved_or_multicast_address_may_be_fetched(
    settings, address
):
    settings.COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS = []
    assert not address_may_be_fetched(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["193.191.245.1", "2001:6a8:3c80::1", "64:ff9b::c1bf:f501"])
def test_public_addresses_may_be_fetched(settings, address):
    settings.COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS = []
    assert address_may_be_fetched(ipaddress.ip_address(address))


def test_a_redirect_to_an_internal_address_is_refused(editor, other_site, internal_site):
    other_site.redirect("/catalogue.json", f"{internal_site.base_url}/catalogue.json")

    response = _ask(editor, f"{other_site.base_url}/catalogue.json")

    assert response.status_code == 400 and not _listed(response)
    assert internal_site.asked == []


def test_redirects_between_allowed_addresses_are_followed_a_few_times_only(editor, other_site):
    other_site.redirect("/old.json", "/catalogue.json", status=301)
    other_site.redirect("/loop.json", f"{other_site.base_url}/loop.json")

    moved = _ask(editor, f"{other_site.base_url}/old.json")
    looping = _ask(editor, f"{other_site.base_url}/loop.json")

    assert moved.status_code == 200 and _listed(moved)
    assert looping.status_code == 400 and not _listed(looping)
    assert other_site.asked.count("/loop.json") <= 6


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/catalogue.json"])
def test_a_redirect_to_another_scheme_is_refused(other_site, location):
    other_site.redirect("/catalogue.json", location)
    with pytest.raises(CommandError, match="cannot be reached"):
        call_command("package_pull", f"{other_site.base_url}/catalogue.json")


@pytest.mark.parametrize("in_headers", [False, True], ids=["body", "headers"])
def test_a_site_sending_a_byte_at_a_time_is_cut_off_at_the_deadline(editor, settings, in_headers):
    settings.COURSE_PACKAGE_FETCH_SECONDS = 2
    site = DrippingSite(in_headers=in_headers).start()
    try:
        started = time.monotonic()
        response = _ask(editor, f"{site.base_url}/catalogue.json")
        took = time.monotonic() - started
    finally:
        site.stop()

    assert response.status_code == 400 and not _listed(response)
    assert took < 6, f"the download went on for {took:.1f} s"


def test_a_package_download_is_cut_off_at_the_deadline(other_site, settings):
    settings.COURSE_PACKAGE_FETCH_SECONDS = 2
    site = DrippingSite().start()
    entry = dict(ENTRY, download=f"{site.base_url}/p.zip")
    other_site.routes["/catalogue.json"] = (
        200,
        {},
        json.dumps({"format": "vif-course-catalogue", "packages": [entry]}).encode(),
    )
    try:
        started = time.monotonic()
        with pytest.raises(CommandError, match="cannot be reached"):
            call_command("package_pull", f"{other_site.base_url}/catalogue.json", key=ENTRY["key"])
        took = time.monotonic() - started
    finally:
        site.stop()
    assert took < 6, f"the download went on for {took:.1f} s"


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A certificate authority and a certificate it signed for localhost: (CA file, server
    context)."""
    folder = tmp_path_factory.mktemp("tls")
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_file = folder / "ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    chain = folder / "server.pem"
    chain.write_bytes(
        certificate.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(chain)
    return ca_file, context


@pytest.fixture
def tls_site(certificates):
    site = OtherSite(tls=certificates[1]).start()
    yield site
    site.stop()


def test_https_keeps_the_name_for_the_certificate_while_connecting_to_the_checked_address(
    editor, tls_site, certificates, monkeypatch
):
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates[0]))  # trust the test authority

    by_name = _ask(editor, f"https://localhost:{tls_site.port}/catalogue.json")
    by_address = _ask(editor, f"https://127.0.0.1:{tls_site.port}/catalogue.json")

    assert by_name.status_code == 200 and _listed(by_name)
    assert by_address.status_code == 400, "the certificate names localhost, not 127.0.0.1"


def test_a_certificate_no_authority_vouches_for_is_refused_like_any_network_failure(tls_site):
    with pytest.raises(CommandError) as refused:
        call_command("package_pull", f"https://localhost:{tls_site.port}/catalogue.json")
    assert str(refused.value) == f"Refused: {_unreachable()}"
    assert tls_site.asked == []
