"""What a published page shows changes only through a moderator: a trainer edits their own
recordings and captions, and those of them a published page shows stay as they are."""

import pytest

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

from elearning.accounts.roles import MODERATORS, TRAINERS
from media.forms import LIVE_REFUSAL
from media.models import MediaAsset, MediaCaption
from tests.factories import publish
from tests.media_assets.people import browser, in_english, member_of

from .conftest import asset_make
from .test_captions import GOOD

pytestmark = pytest.mark.django_db

DEFACED = GOOD.replace("Welkom bij deze webinar.", "Defaced by someone")


def refusal_text():
    return in_english(LIVE_REFUSAL)


@pytest.fixture
def trainer():
    return member_of(TRAINERS)


@pytest.fixture
def recording(trainer):
    """The trainer's recording, with Dutch captions."""
    asset = asset_make(b"\x1aE\xdf\xa3 first cut", "webinar.webm")
    asset.uploaded_by_user = trainer
    asset.save(update_fields=["uploaded_by_user"])
    MediaCaption.objects.create(
        asset=asset, language="nl", file=SimpleUploadedFile("nl.vtt", GOOD.encode()), cue_count=2
    )
    return asset


@pytest.fixture
def on_a_published_page(library_tree, recording):
    webinar = library_tree["pages"]["webinar"]
    webinar.recording = recording
    publish(webinar)
    return webinar


def edit_form(asset, **fields):
    return {
        "title": asset.title,
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        **fields,
    }


def replace_file(client, asset):
    return client.post(
        reverse("wagtailmedia:edit", args=[asset.pk]),
        edit_form(asset, file=SimpleUploadedFile("defaced.webm", b"\x1aE\xdf\xa3 defaced")),
    )


def caption_edit(client, caption, content):
    return client.post(
        reverse("captions:edit", args=[caption.pk]),
        {
            "asset": caption.asset_id,
            "language": caption.language,
            "file": SimpleUploadedFile("v2.vtt", content.encode()),
        },
    )


def caption_text(caption):
    caption.refresh_from_db()
    with default_storage.open(caption.file.name) as stored:
        return stored.read().decode()


@pytest.mark.usefixtures("on_a_published_page")
def test_a_trainer_cannot_replace_the_file_of_their_recording_on_a_published_page(
    trainer, recording
):
    before = recording.file.name

    response = replace_file(browser(trainer), recording)

    assert response.status_code == 200
    assert refusal_text() in response.content.decode()
    recording.refresh_from_db()
    assert recording.file.name == before
    assert default_storage.exists(before)


@pytest.mark.usefixtures("on_a_published_page")
def test_a_trainer_cannot_delete_their_recording_on_a_published_page(trainer, recording):
    client = browser(trainer)

    response = client.post(reverse("wagtailmedia:delete", args=[recording.pk]), follow=True)

    assert refusal_text() in response.content.decode()
    assert MediaAsset.objects.filter(pk=recording.pk).exists()


@pytest.mark.usefixtures("on_a_published_page")
def test_a_trainer_cannot_change_add_or_delete_captions_of_a_recording_on_a_published_page(
    trainer, recording
):
    client = browser(trainer)
    caption = recording.captions.get()

    edited = caption_edit(client, caption, DEFACED)
    added = client.post(
        reverse("captions:add"),
        {
            "asset": recording.pk,
            "language": "fr",
            "file": SimpleUploadedFile("fr.vtt", DEFACED.encode()),
        },
    )
    deleted = client.post(reverse("captions:delete", args=[caption.pk]))

    assert edited.status_code == 302 and deleted.status_code == 302
    assert added.status_code == 200
    assert refusal_text() in added.content.decode()
    assert refusal_text() in client.get(reverse("captions:index")).content.decode()
    assert list(recording.captions.values_list("language", flat=True)) == ["nl"]
    assert caption_text(caption) == GOOD


def test_a_moderator_changes_a_recording_and_its_captions_on_a_published_page(
    on_a_published_page, recording
):
    moderator = browser(member_of(MODERATORS))
    caption = recording.captions.get()
    before = recording.file.name

    assert caption_edit(moderator, caption, DEFACED).status_code == 302
    assert replace_file(moderator, recording).status_code == 302

    assert caption_text(caption) == DEFACED
    recording.refresh_from_db()
    assert recording.file.name != before


def test_a_trainer_changes_their_recording_and_captions_while_only_a_draft_shows_them(
    library_tree, trainer, recording
):
    webinar = library_tree["pages"]["webinar"]
    webinar.recording = recording
    webinar.save_revision()  # a draft awaiting review, not what the site shows
    client = browser(trainer)
    caption = recording.captions.get()
    before = recording.file.name

    assert caption_edit(client, caption, DEFACED.replace("Defaced by someone", "Dag")).status_code
    assert replace_file(client, recording).status_code == 302

    assert "Dag" in caption_text(caption)
    recording.refresh_from_db()
    assert recording.file.name != before


def test_a_trainer_cannot_reach_captions_of_another_trainers_recording(recording):
    colleague = browser(member_of(TRAINERS))
    caption = recording.captions.get()

    listing = colleague.get(reverse("captions:index")).content.decode()
    edited = caption_edit(colleague, caption, DEFACED)
    deleted = colleague.post(reverse("captions:delete", args=[caption.pk]))
    added = colleague.post(
        reverse("captions:add"),
        {
            "asset": recording.pk,
            "language": "fr",
            "file": SimpleUploadedFile("fr.vtt", DEFACED.encode()),
        },
    )

    assert recording.title not in listing
    # Not found (the locale middleware sends an unknown admin address on to /en/..., a 302).
    assert edited.status_code in (302, 404) and deleted.status_code in (302, 404)
    assert added.status_code == 200  # the form again: that recording is not on offer
    assert list(recording.captions.values_list("language", flat=True)) == ["nl"]
    assert caption_text(caption) == GOOD


def test_a_trainer_cannot_edit_or_delete_another_trainers_recording(recording):
    colleague = browser(member_of(TRAINERS))
    before = recording.file.name

    edited = replace_file(colleague, recording)
    deleted = colleague.post(reverse("wagtailmedia:delete", args=[recording.pk]))

    assert edited.status_code in (302, 403) and deleted.status_code in (302, 403)
    recording.refresh_from_db()
    assert recording.file.name == before
