"""A recorded webinar goes out only with captions (WCAG 2.1, 1.2.2: law for public bodies)."""

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse

from courses.models import WebinarPage
from media.models import MediaAsset, MediaCaption
from tests.factories import UserFactory
from tests.factories.admin_forms import add_url, webinar_form

pytestmark = pytest.mark.django_db

VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nWelkom.\n"


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def recording():
    return MediaAsset.objects.create(
        title="Opname Babobox", file=ContentFile(b"...", name="babobox.mp4"), type="video"
    )


def post(client, library, form, action):
    return client.post(add_url(WebinarPage, library), {**form, action: "on"})


def test_publishing_a_recording_without_captions_is_refused_with_a_clear_message(
    editor_client, library_tree, recording
):
    library = library_tree["pages"]["library"]
    form = webinar_form("Babobox deel 1", recording=recording.pk)

    response = post(editor_client, library, form, "action-publish")

    assert response.status_code == 200
    assert "ondertitels nodig" in response.content.decode()
    assert not WebinarPage.objects.filter(title="Babobox deel 1").exists()


def test_a_draft_may_wait_for_its_captions_then_goes_out_with_them(
    editor_client, library_tree, recording
):
    library = library_tree["pages"]["library"]
    form = webinar_form("Babobox deel 1", recording=recording.pk)

    assert post(editor_client, library, form, "action-save").status_code == 302
    webinar = WebinarPage.objects.get(title="Babobox deel 1")
    assert not webinar.live
    edit = reverse("wagtailadmin_pages:edit", args=[webinar.pk])
    refused = editor_client.post(edit, {**form, "slug": webinar.slug, "action-publish": "on"})
    assert refused.status_code == 200 and not WebinarPage.objects.get(pk=webinar.pk).live

    MediaCaption.objects.create(asset=recording, language="nl", file=ContentFile(VTT, "nl.vtt"))
    published = editor_client.post(edit, {**form, "slug": webinar.slug, "action-publish": "on"})

    assert published.status_code == 302
    assert WebinarPage.objects.get(pk=webinar.pk).live


def test_a_webinar_without_a_recording_needs_no_captions(editor_client, library_tree):
    library = library_tree["pages"]["library"]

    response = post(editor_client, library, webinar_form("Live sessie"), "action-publish")

    assert response.status_code == 302
    assert WebinarPage.objects.get(title="Live sessie").live
