"""Taking a course from another site's catalogue, over real HTTP: the other site is a small
server on 127.0.0.1 that serves what our own catalogue endpoint and download served."""

import hashlib
import io
from http.server import BaseHTTPRequestHandler

import pytest

from django.core.management import CommandError, call_command
from django.urls import reverse

from courses.models import CoursePage, PackageImport
from tests.fake_services import BackgroundHTTPService

from .conftest import package_bytes, site_emptied
from .test_admin import member_of

pytestmark = pytest.mark.django_db


class OtherSite(BackgroundHTTPService):
    """Serves {path: bytes}; anything else is a 404."""

    def __init__(self):
        self.files = {}
        super().__init__(_Handler)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = self.server.service.files.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args):
        pass


@pytest.fixture
def other_site(course_full):
    """Another installation that offers `course_full` (this site then forgets the course)."""
    body = package_bytes(course_full).getvalue()
    site = OtherSite().start()
    entry = {
        "key": str(course_full.translation_key),
        "title": {"nl": course_full.title},
        "languages": ["fr", "nl"],
        "version": 1,
        "licence": "cc-by-sa-4.0",
        "attribution": "Stad Gent",
        "sha256": hashlib.sha256(body).hexdigest(),
        "size": len(body),
        "download": f"{site.base_url}/p.zip",
    }
    site.files["/p.zip"] = body
    site.files["/catalogue.json"] = _json({"format": "vif-course-catalogue", "packages": [entry]})
    site.entry = entry
    site.catalogue = f"{site.base_url}/catalogue.json"
    site_emptied()
    yield site
    site.stop()


def _json(value):
    import json

    return json.dumps(value).encode()


def test_the_command_lists_and_imports_a_course_from_another_site(other_site):
    listing = io.StringIO()
    call_command("package_pull", other_site.catalogue, stdout=listing)
    assert other_site.entry["key"] in listing.getvalue()
    assert "Kindermishandeling herkennen" in listing.getvalue()

    call_command(
        "package_pull", other_site.catalogue, key=other_site.entry["key"], stdout=io.StringIO()
    )

    # A draft, for moderation (imports never go live by themselves).
    assert CoursePage.objects.filter(title="Kindermishandeling herkennen", live=False).exists()


def test_a_package_that_differs_from_its_catalogue_entry_is_refused(other_site):
    other_site.files["/p.zip"] = other_site.files["/p.zip"][:-10] + b"0123456789"
    with pytest.raises(CommandError, match="checksum"):
        call_command("package_pull", other_site.catalogue, key=other_site.entry["key"])
    assert not CoursePage.objects.exists()


@pytest.mark.parametrize(
    "address,message",
    [
        ("ftp://example.org/catalogue.json", "https://"),
        ("http://127.0.0.1:9/catalogue.json", "cannot be reached"),
        ("{base}/missing.json", "HTTP 404"),
        ("{base}/p.zip", "does not serve a course catalogue"),
    ],
)
def test_an_unusable_catalogue_is_refused_clearly(other_site, address, message):
    with pytest.raises(CommandError, match=message):
        call_command("package_pull", address.format(base=other_site.base_url))


def test_the_admin_previews_a_course_from_another_site(client, other_site):
    client.force_login(member_of("Moderators", "redactie@example.org"))
    url = reverse("course_packages:remote")

    listing = client.post(url, {"catalogue": other_site.catalogue})
    assert "Kindermishandeling herkennen" in listing.content.decode()
    response = client.post(url, {"catalogue": other_site.catalogue, "key": other_site.entry["key"]})

    preview = PackageImport.objects.get()
    assert response.url == reverse("course_packages:preview", args=[preview.pk])
    assert not CoursePage.objects.exists(), "nothing changes before the editor confirms"

    broken = client.post(url, {"catalogue": f"{other_site.base_url}/nothing.json"})
    assert broken.status_code == 400 and "HTTP 404" in broken.content.decode()
