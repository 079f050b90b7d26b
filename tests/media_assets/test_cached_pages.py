"""A replaced or deleted image or document shows on the next anonymous visit of a cached page:
the page never keeps pointing at a removed rendition or file."""

import re

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.images.tests.utils import get_test_image_file

from elearning.accounts.roles import MODERATORS
from media.models import CustomDocument, CustomImage
from tests.factories import PodcastPageFactory, publish
from tests.media_assets.people import browser, member_of

pytestmark = pytest.mark.django_db

ARTWORK = re.compile(r'<img[^>]*class="podcast-artwork"[^>]*>')


@pytest.fixture
def moderator():
    return browser(member_of(MODERATORS))


@pytest.fixture
def podcast(library_tree):
    # Square and 1400 px: a show is published only with artwork podcast apps accept.
    cover = get_test_image_file(colour="white", size=(1400, 1400))
    image = CustomImage.objects.create(title="Microfoon", alt_text="Een microfoon", file=cover)
    page = PodcastPageFactory(parent=library_tree["pages"]["library"], artwork=image)
    return publish(page), image


@pytest.fixture
def module_with_document(library_tree):
    document = CustomDocument.objects.create(
        title="Meldcode stappenplan",
        file=ContentFile(b"%PDF-1.4 stappenplan", name="stappenplan.pdf"),
    )
    module = library_tree["pages"]["module"]
    module.body = [("resource", {"document": document, "description": ""})]
    return publish(module), document


def cached_visit(url):
    """The page an anonymous visitor gets, after making sure it is in the full-page cache."""
    visitor = Client()
    visitor.get(url)
    response = visitor.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def anonymous_visit(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def artwork(html):
    found = ARTWORK.search(html)
    return re.search(r'src="([^"]+)"', found.group()).group(1) if found else None


def test_a_replaced_image_shows_its_new_rendition_on_a_cached_page(
    podcast, moderator, django_capture_on_commit_callbacks
):
    page, image = podcast
    old_source = artwork(cached_visit(page.url))
    assert old_source

    with django_capture_on_commit_callbacks(execute=True):
        replaced = moderator.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {
                "title": image.title,
                "alt_text": image.alt_text,
                "tags": "",
                "file": SimpleUploadedFile(
                    "rood.png", get_test_image_file(colour="red", size=(1400, 1400)).file.getvalue()
                ),
            },
        )
    assert replaced.status_code == 302

    html = anonymous_visit(page.url)
    assert old_source not in html
    image.refresh_from_db()
    assert artwork(html) == image.get_rendition("fill-320x320").url


def test_a_deleted_image_leaves_the_cached_page(
    podcast, moderator, django_capture_on_commit_callbacks
):
    page, image = podcast
    old_source = artwork(cached_visit(page.url))
    assert old_source

    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert not CustomImage.objects.filter(pk=image.pk).exists()

    html = anonymous_visit(page.url)
    assert old_source not in html
    assert artwork(html) is None


def test_a_replaced_document_is_linked_by_its_new_file_on_a_cached_page(
    module_with_document, moderator, django_capture_on_commit_callbacks
):
    module, document = module_with_document
    old_link = document.url
    assert old_link in cached_visit(module.url)

    with django_capture_on_commit_callbacks(execute=True):
        replaced = moderator.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": document.title,
                "tags": "",
                "file": SimpleUploadedFile("stappenplan-2026.pdf", b"%PDF-1.4 nieuw"),
            },
        )
    assert replaced.status_code == 302

    html = anonymous_visit(module.url)
    document.refresh_from_db()
    assert document.url != old_link
    assert old_link not in html
    assert document.url in html


def test_a_deleted_document_is_no_longer_linked_from_the_cached_page(
    module_with_document, moderator, django_capture_on_commit_callbacks
):
    module, document = module_with_document
    old_link = document.url
    assert old_link in cached_visit(module.url)

    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert not CustomDocument.objects.filter(pk=document.pk).exists()

    assert old_link not in anonymous_visit(module.url)
