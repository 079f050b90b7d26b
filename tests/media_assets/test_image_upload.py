"""Image uploads in the admin: a file whose pixels cannot be processed is a form error, and
nothing of it is kept (no image, no file in storage)."""

import io
import struct
import zlib

import pytest
from PIL import Image, ImageFile

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail.images import get_image_model

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY_PIXELS = "This image has too many pixels: at most %(million)s million are allowed."


def png_declaring(width, height):
    """A PNG of a few dozen bytes whose header declares `width` x `height` pixels."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def real_png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def stored_originals():
    if not default_storage.exists("original_images"):
        return []
    return default_storage.listdir("original_images")[1]


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def upload(editor_client, content):
    data = {"title": "Affiche", "file": SimpleUploadedFile("affiche.png", content, "image/png")}
    return editor_client.post(reverse("wagtailimages:add"), data)


def in_dutch(message, **values):
    """A message as the admin (in Dutch, its default language) shows it."""
    with translation.override("nl"):
        return escape(gettext(message) % values)


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (20_000, 20_000),  # past twice Pillow's limit: DecompressionBombError
        (10_000, 10_000),  # under Wagtail's default limit: decoded whole, then truncated
        (1_000_000, 60),  # a narrow, endless strip
    ],
)
def test_an_image_declaring_too_many_pixels_is_refused_on_the_form(editor_client, width, height):
    response = upload(editor_client, png_declaring(width, height))

    assert response.status_code == 200
    assert in_dutch(TOO_MANY_PIXELS, million="50") in response.content.decode()
    assert not get_image_model().objects.exists()
    assert stored_originals() == []


def test_an_image_whose_pixels_do_not_decode_is_refused_on_the_form(editor_client, monkeypatch):
    # Pillow's own default. Importing WeasyPrint (attests) sets it to True for the whole process,
    # and then Pillow pads a truncated image instead of failing: no error either way, but this
    # test is about the failure, so it must not depend on which test imported WeasyPrint first.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", False)
    response = upload(editor_client, png_declaring(400, 300))

    assert response.status_code == 200
    invalid = (
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    )
    assert in_dutch(invalid) in response.content.decode()
    assert not get_image_model().objects.exists()
    assert stored_originals() == []


def test_the_multiple_upload_refuses_a_bomb_with_its_reason(editor_client):
    bomb = SimpleUploadedFile("affiche.png", png_declaring(20_000, 20_000), "image/png")

    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": bomb},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    with translation.override("nl"):
        assert gettext(TOO_MANY_PIXELS) % {"million": "50"} in response.json()["error_message"]
    assert not get_image_model().objects.exists()
    assert stored_originals() == []


def test_a_real_image_is_still_uploaded(editor_client):
    response = upload(editor_client, real_png())

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (40, 30)
    assert len(stored_originals()) == 1
