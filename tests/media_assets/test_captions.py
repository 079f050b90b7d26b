"""Captions: a WebVTT file per language, checked on upload; bad files are refused and leave
nothing behind."""

import pytest

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from media.captions import captions_check
from media.models import MediaCaption
from tests.factories import UserFactory

from .conftest import asset_make

GOOD = (
    "WEBVTT\n\n"
    "1\n00:00:00.000 --> 00:00:01.500\nWelkom bij deze webinar.\n\n"
    "00:01.500 --> 00:02.900 align:start\nWat is <i>partnergeweld</i>?\n"
)


def test_a_valid_file_is_accepted_and_its_captions_counted():
    assert captions_check(GOOD.encode()) == 2
    assert captions_check(("\ufeff" + GOOD).replace("\n", "\r\n").encode("utf-8")) == 2


HOSTILE = {
    "no header (an SRT file)": (
        b"1\n00:00:00,000 --> 00:00:01,000\nHallo\n",
        "begint met de regel",
    ),
    "a Word document": (b"PK\x03\x04" + b"\x00" * 200, "geen tekstbestand"),
    "Latin-1 text": ("WEBVTT\n\n00:00.000 --> 00:01.000\nDéjà\n".encode("latin-1"), "UTF-8"),
    "a comma in the time": (
        b"WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nHallo\n",
        "Regel 3",
    ),
    "ends before it starts": (
        b"WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nHallo\n",
        "eindigt voor",
    ),
    "beyond the recording": (
        b"WEBVTT\n\n00:00:01.000 --> 00:09:00.000\nHallo\n",
        "voorbij het einde",
    ),
    "no captions at all": (b"WEBVTT\n\nNOTE only a comment\n", "geen ondertitels"),
    "a header with junk": (b"WEBVTTX\n\n00:00.000 --> 00:01.000\nHallo\n", "WEBVTT"),
    "larger than 2 MB": (b"WEBVTT\n\n" + b"x" * (2 * 1024 * 1024), "2 MB"),
    "minutes past 59": (b"WEBVTT\n\n00:61.000 --> 00:62.000\nHallo\n", "Regel 3"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_bad_file_is_refused_with_a_message_in_the_editors_language(case):
    content, expected = HOSTILE[case]
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        captions_check(content, duration=60)
        pytest.fail("accepted")
    with translation.override("nl"):
        assert expected in " ".join(refused.value.messages)


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def recording(db):
    asset = asset_make(b"\x1aE\xdf\xa3 not decoded here", "webinar.webm")
    asset.duration = 60
    asset.save(update_fields=["duration"])
    return asset


def upload(client, asset, language, content, name="captions.vtt"):
    return client.post(
        reverse("captions:add"),
        {"asset": asset.pk, "language": language, "file": SimpleUploadedFile(name, content)},
    )


def caption_files():
    return (
        default_storage.listdir("media_captions")[1]
        if default_storage.exists("media_captions")
        else []
    )


@pytest.mark.django_db
def test_an_editor_uploads_captions_in_the_admin(editor_client, recording):
    response = upload(editor_client, recording, "nl", GOOD.encode())

    assert response.status_code == 302
    caption = MediaCaption.objects.get(asset=recording)
    assert (caption.language, caption.cue_count) == ("nl", 2)
    assert caption.label == "Nederlands"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"1\n00:00:00,000 --> 00:00:01,000\nHallo\n", "captions.vtt", "WEBVTT"),
        (b"WEBVTT\n\n00:00:01.000 --> 00:09:00.000\nHallo\n", "captions.vtt", "voorbij"),
        (GOOD.encode(), "captions.srt", "vtt"),
        (b"<svg onload=alert(1)>", "captions.vtt", "WEBVTT"),
    ],
)
def test_a_bad_upload_shows_the_error_and_stores_nothing(
    editor_client, recording, content, name, message
):
    editor_client.cookies["django_language"] = "nl"
    with translation.override("nl"):
        response = upload(editor_client, recording, "nl", content, name=name)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MediaCaption.objects.exists()
    assert caption_files() == []


@pytest.mark.django_db
def test_a_second_file_in_the_same_language_is_refused(editor_client, recording):
    upload(editor_client, recording, "fr", GOOD.encode())

    response = upload(editor_client, recording, "fr", GOOD.encode())

    assert response.status_code == 200
    assert "heeft al ondertitels in deze taal" in response.content.decode()
    assert MediaCaption.objects.count() == 1
    assert len(caption_files()) == 1


@pytest.mark.django_db
def test_replacing_and_deleting_captions_leaves_no_old_file(
    editor_client, recording, django_capture_on_commit_callbacks
):
    upload(editor_client, recording, "nl", GOOD.encode())
    caption = MediaCaption.objects.get()
    first = caption.file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("captions:edit", args=[caption.pk]),
            {
                "asset": recording.pk,
                "language": "nl",
                "file": SimpleUploadedFile("v2.vtt", GOOD.replace("Welkom", "Dag").encode()),
            },
        )
    assert response.status_code == 302
    caption.refresh_from_db()
    assert caption.file.name != first and not default_storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("captions:delete", args=[caption.pk]))
    assert not MediaCaption.objects.exists()
    assert caption_files() == []
