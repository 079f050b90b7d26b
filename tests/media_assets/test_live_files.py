"""Images and documents on a published page change only through a moderator: a trainer edits
and deletes their own uploads as long as no published page shows them."""

from urllib.parse import urlencode

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images.tests.utils import get_test_image_file

from elearning.accounts.roles import MODERATORS, TRAINERS
from media.forms import LIVE_FILE_REFUSAL
from media.models import CustomDocument, CustomImage
from tests.factories import publish
from tests.media_assets.people import browser, in_english, member_of

pytestmark = pytest.mark.django_db


def refusal_text():
    return in_english(LIVE_FILE_REFUSAL)


def png(colour):
    return SimpleUploadedFile("defaced.png", get_test_image_file(colour=colour).file.getvalue())


@pytest.fixture
def trainer():
    return member_of(TRAINERS)


@pytest.fixture
def image(trainer):
    return CustomImage.objects.create(
        title="Een hulpverlener luistert",
        alt_text="Een hulpverlener luistert naar een ouder",
        file=get_test_image_file(),
        uploaded_by_user=trainer,
    )


@pytest.fixture
def document(trainer):
    return CustomDocument.objects.create(
        title="Meldcode stappenplan",
        file=ContentFile(b"%PDF-1.4 stappenplan", name="stappenplan.pdf"),
        uploaded_by_user=trainer,
    )


@pytest.fixture
def course(library_tree):
    return library_tree["pages"]["course"]


@pytest.fixture
def module(library_tree):
    return library_tree["pages"]["module"]


def show_image(course, image):
    course.image = image
    return course


def show_document(module, document):
    module.body = [("resource", {"document": document, "description": ""})]
    return module


@pytest.fixture
def on_published_pages(course, module, image, document):
    publish(show_image(course, image))
    publish(show_document(module, document))


def image_edit(client, image, **fields):
    return client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": image.title, "alt_text": image.alt_text, "tags": "", **fields},
    )


def document_edit(client, document, **fields):
    return client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "tags": "", **fields},
    )


@pytest.mark.usefixtures("on_published_pages")
def test_a_trainer_cannot_replace_their_image_on_a_published_page_nor_its_title_or_alt_text(
    trainer, image
):
    client = browser(trainer)
    before = image.file.name

    replaced = image_edit(client, image, file=png("red"))
    retitled = image_edit(client, image, title="Defaced by someone")
    alt_changed = image_edit(client, image, alt_text="Defaced by someone")

    for response in (replaced, retitled, alt_changed):
        assert response.status_code == 200
        assert refusal_text() in response.content.decode()
    image.refresh_from_db()
    assert (image.file.name, image.title) == (before, "Een hulpverlener luistert")
    assert image.alt_text == "Een hulpverlener luistert naar een ouder"
    assert default_storage.exists(before)


@pytest.mark.usefixtures("on_published_pages")
def test_a_trainer_cannot_replace_or_retitle_their_document_on_a_published_page(trainer, document):
    client = browser(trainer)
    before = document.file.name

    replaced = document_edit(
        client, document, file=SimpleUploadedFile("defaced.pdf", b"%PDF-1.4 defaced")
    )
    retitled = document_edit(client, document, title="Defaced by someone")

    for response in (replaced, retitled):
        assert response.status_code == 200
        assert refusal_text() in response.content.decode()
    document.refresh_from_db()
    assert (document.file.name, document.title) == (before, "Meldcode stappenplan")
    with default_storage.open(before) as stored:
        assert stored.read() == b"%PDF-1.4 stappenplan"


@pytest.mark.usefixtures("on_published_pages")
def test_a_trainer_cannot_delete_their_image_or_document_on_a_published_page(
    trainer, image, document
):
    client = browser(trainer)

    deletions = [
        client.post(reverse("wagtailimages:delete", args=[image.pk]), follow=True),
        client.post(reverse("wagtaildocs:delete", args=[document.pk]), follow=True),
    ]
    bulk = [
        client.post(
            reverse("wagtail_bulk_action", args=["media", model, "delete"])
            + "?"
            + urlencode({"id": pk, "next": reverse(index)}),
            follow=True,
        )
        for model, pk, index in (
            ("customimage", image.pk, "wagtailimages:index"),
            ("customdocument", document.pk, "wagtaildocs:index"),
        )
    ]
    # The upload screen's script deletes what was just uploaded.
    just_uploaded = [
        client.post(reverse(name, args=[pk]), headers={"x-requested-with": "XMLHttpRequest"})
        for name, pk in (
            ("wagtailimages:delete_multiple", image.pk),
            ("wagtaildocs:delete_multiple", document.pk),
        )
    ]

    for response in deletions + bulk:
        assert refusal_text() in response.content.decode()
    assert [response.status_code for response in just_uploaded] == [403, 403]
    assert CustomImage.objects.filter(pk=image.pk).exists()
    assert CustomDocument.objects.filter(pk=document.pk).exists()


def test_a_moderator_changes_and_deletes_images_and_documents_on_a_published_page(
    on_published_pages, image, document
):
    moderator = browser(member_of(MODERATORS))
    before = image.file.name

    assert image_edit(moderator, image, file=png("red"), title="Nieuw beeld").status_code == 302
    assert document_edit(moderator, document, title="Nieuwe meldcode").status_code == 302
    image.refresh_from_db()
    document.refresh_from_db()
    assert (image.title, document.title) == ("Nieuw beeld", "Nieuwe meldcode")
    assert image.file.name != before

    moderator.post(reverse("wagtailimages:delete", args=[image.pk]))
    moderator.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert not CustomImage.objects.filter(pk=image.pk).exists()
    assert not CustomDocument.objects.filter(pk=document.pk).exists()


def test_a_trainer_changes_their_image_and_document_while_only_a_draft_shows_them(
    trainer, course, module, image, document
):
    show_image(course, image).save_revision()  # drafts awaiting review, not what the site shows
    show_document(module, document).save_revision()
    client = browser(trainer)
    before = image.file.name

    assert image_edit(client, image, file=png("red"), alt_text="Een ouder").status_code == 302
    assert document_edit(client, document, title="Stappenplan 2026").status_code == 302

    image.refresh_from_db()
    document.refresh_from_db()
    assert (image.file.name != before, image.alt_text) == (True, "Een ouder")
    assert document.title == "Stappenplan 2026"
    assert client.post(reverse("wagtaildocs:delete", args=[document.pk])).status_code == 302
    assert not CustomDocument.objects.filter(pk=document.pk).exists()
