"""How an allowed file leaves, in the three set-ups (media/sending.py): the application sends it
with byte ranges (make run, no proxy), nginx sends it (X-Accel-Redirect), or object storage sends
it from an address signed once the check has passed."""

import uuid
from urllib.parse import parse_qs, urlparse

import pytest
import requests

from django.core.files.base import ContentFile
from django.test import Client

from media.models import MediaAsset
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    make_home,
    publish,
)
from tests.make_run import make_run_urls  # noqa: F401  (fixture)
from tests.object_storage import bucket_keys

pytestmark = pytest.mark.django_db

VIDEO = bytes(range(256)) * 40  # 10,240 bytes, each position recognisable


def recording(name="les 1 één.webm"):
    return MediaAsset.objects.create(title="Les", type="video", file=ContentFile(VIDEO, name=name))


def on_a_live_page(asset):
    library = publish(LibraryPageFactory(parent=make_home()))
    course = publish(CoursePageFactory(parent=library))
    block = {"type": "video", "id": str(uuid.uuid4()), "value": {"video": asset.pk}}
    publish(ModulePageFactory(parent=course, body=[block]))
    return asset


@pytest.fixture
def public():
    return on_a_live_page(recording())


def body(response):
    return b"".join(response.streaming_content)


# --- the application sends the file itself ---------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "first", "last"),
    [("bytes=100-200", 100, 200), ("bytes=10000-", 10000, 10239), ("bytes=-40", 10200, 10239)],
)
def test_a_byte_range_is_answered_with_exactly_those_bytes(public, asked, first, last):
    response = Client().get(public.url, HTTP_RANGE=asked)

    assert response.status_code == 206
    assert body(response) == VIDEO[first : last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(VIDEO)}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "video/webm"


def test_a_range_past_the_end_is_clamped_to_the_file(public):
    response = Client().get(public.url, HTTP_RANGE="bytes=10200-99999")

    assert response.status_code == 206 and body(response) == VIDEO[10200:]


@pytest.mark.parametrize("asked", ["bytes=10240-", "bytes=20000-30000", "bytes=-0"])
def test_a_range_beyond_the_file_cannot_be_satisfied(public, asked):
    response = Client().get(public.url, HTTP_RANGE=asked)

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(VIDEO)}"


@pytest.mark.parametrize("asked", ["", "bytes=0-1,5-6", "lines=1-2", "bytes=200-100"])
def test_without_one_usable_range_the_whole_file_comes(public, asked):
    headers = {"HTTP_RANGE": asked} if asked else {}
    response = Client().get(public.url, **headers)

    assert response.status_code == 200 and body(response) == VIDEO
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(VIDEO))


def test_a_range_of_a_changed_file_gives_the_whole_new_file(public):
    client = Client()
    etag = client.get(public.url)["ETag"]

    same = client.get(public.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag)
    changed = client.get(public.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"an-old-copy"')

    assert same.status_code == 206 and body(same) == VIDEO[:10]
    assert changed.status_code == 200 and body(changed) == VIDEO
    assert client.get(public.url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_name_and_safety_headers_come_with_the_file(public):
    response = Client().get(public.url)

    assert response["Content-Disposition"].startswith("inline; filename")
    assert "les_1" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_file_gone_from_storage_is_not_found(public):
    public.file.storage.delete(public.file.name)

    assert Client().get(public.url).status_code == 404


@pytest.mark.usefixtures("make_run_urls")
def test_make_run_answers_byte_ranges_so_players_can_seek(public):
    """runserver with DEBUG, as `make run` starts it: a player asking for the middle of a
    recording gets the middle."""
    response = Client().get(public.url, HTTP_RANGE="bytes=100-200")

    assert response.status_code == 206 and body(response) == VIDEO[100:201]


# --- nginx sends the file -----------------------------------------------------------------------


@pytest.fixture
def behind_nginx(settings):
    settings.PROTECTED_FILES_SEND = "accel"
    settings.PROTECTED_FILES_ACCEL_PREFIX = "/protected-uploads/"


@pytest.mark.usefixtures("behind_nginx")
def test_behind_nginx_the_answer_names_the_file_and_carries_no_body(public):
    response = Client().get(public.url, HTTP_RANGE="bytes=100-200")

    assert response.status_code == 200  # nginx answers the range from the file
    assert response["X-Accel-Redirect"] == "/protected-uploads/" + "media/les_1_%C3%A9%C3%A9n.webm"
    assert response.content == b""
    assert response["Content-Type"] == "video/webm"
    assert response["Content-Disposition"].startswith("inline; filename")


@pytest.mark.usefixtures("behind_nginx")
def test_behind_nginx_a_private_file_is_not_handed_to_nginx():
    private = recording()

    response = Client().get(private.url)

    assert response.status_code == 404 and "X-Accel-Redirect" not in response


# --- object storage sends the file --------------------------------------------------------------


def test_on_object_storage_a_viewer_is_sent_to_a_freshly_signed_address(s3_storage):
    asset = on_a_live_page(recording())
    assert asset.file.name in bucket_keys(s3_storage)

    response = Client().get(asset.url)

    assert response.status_code == 302 and response["Cache-Control"] == "no-store"
    signed = response["Location"]
    query = parse_qs(urlparse(signed).query)
    assert "X-Amz-Signature" in query or "Signature" in query
    part = requests.get(signed, headers={"Range": "bytes=100-200"}, timeout=10)
    assert part.status_code == 206 and part.content == VIDEO[100:201]
    assert part.headers["Content-Type"] == "video/webm"
    assert part.headers["Content-Disposition"].startswith("inline; filename")
    assert requests.get(signed.split("?", 1)[0], timeout=10).status_code == 403


def test_on_object_storage_no_address_is_signed_before_the_check(s3_storage):
    private = recording()

    response = Client().get(private.url)

    assert response.status_code == 404 and "Location" not in response
