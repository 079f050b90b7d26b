"""The "Video processing" admin screen: where each recording stands, and starting one over."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from elearning.core.leases import lease_claim_values
from media.models import MediaAsset, ProcessingProblem, ProcessingStatus
from tests.factories import UserFactory

from .conftest import asset_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def asset_with(status, title, problem=""):
    asset = asset_make(b"data", f"{title}.webm", title=title)
    MediaAsset.objects.filter(pk=asset.pk).update(
        processing_status=status, processing_problem=problem, processed_source=asset.file.name
    )
    return asset


def test_failed_recordings_come_first_with_their_problem_in_the_editors_language(editor_client):
    asset_with(ProcessingStatus.READY, "Slotwebinar")
    asset_with(ProcessingStatus.FAILED, "Kapot", ProcessingProblem.UNREADABLE)
    asset_with(ProcessingStatus.PENDING, "Nieuwe opname")

    page = editor_client.get(reverse("media_processing:index"))

    table = page.content.decode().split("<tbody>", 1)[1]
    assert table.index("Kapot") < table.index("Nieuwe opname") < table.index("Slotwebinar")
    assert "beschadigd" in table  # the problem, in the admin's language (Dutch)


def test_the_list_filters_by_status_and_says_so_when_nothing_matches(editor_client):
    asset_with(ProcessingStatus.READY, "Slotwebinar")

    failed = editor_client.get(reverse("media_processing:index"), {"status": "failed"})
    nonsense = editor_client.get(reverse("media_processing:index"), {"status": "<script>"})

    assert "Slotwebinar" not in failed.content.decode()
    assert "Geen video’s of audio met deze status." in failed.content.decode()
    assert "Slotwebinar" in nonsense.content.decode()  # an unknown filter shows everything


def test_process_again_queues_a_failed_recording(editor_client, django_capture_on_commit_callbacks):
    asset = asset_with(ProcessingStatus.FAILED, "Kapot", ProcessingProblem.UNREADABLE)

    with django_capture_on_commit_callbacks() as queued:
        response = editor_client.post(reverse("media_processing:retry", args=[asset.pk]))

    assert response.status_code == 302
    asset.refresh_from_db()
    assert asset.processing_status == ProcessingStatus.PENDING
    assert asset.processing_problem == ""
    assert len(queued) == 1


def test_process_again_is_a_post_and_knows_no_forged_ids(editor_client):
    asset = asset_with(ProcessingStatus.FAILED, "Kapot", ProcessingProblem.UNREADABLE)

    assert editor_client.get(reverse("media_processing:retry", args=[asset.pk])).status_code == 405
    forged = editor_client.post(reverse("media_processing:retry", args=[99999]), follow=True)
    assert "Deze video of audio bestaat niet meer." in forged.content.decode()
    asset.refresh_from_db()
    assert asset.processing_status == ProcessingStatus.FAILED


def test_people_who_may_not_edit_media_cannot_see_or_restart_processing(client):
    asset = asset_with(ProcessingStatus.FAILED, "Kapot", ProcessingProblem.UNREADABLE)
    reader = UserFactory()
    group = Group.objects.create(name="Admin readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader.groups.add(group)
    client.force_login(reader)

    listing = client.get(reverse("media_processing:index"))
    retry = client.post(reverse("media_processing:retry", args=[asset.pk]))

    assert listing.status_code in (302, 403)
    assert retry.status_code in (302, 403)
    asset.refresh_from_db()
    assert asset.processing_status == ProcessingStatus.FAILED


def test_a_learner_without_admin_access_is_sent_to_the_login(client):
    client.force_login(UserFactory())
    response = client.get(reverse("media_processing:index"))
    assert response.status_code == 302


def test_a_trainer_sees_processing_restarts_it_and_uploads_captions(client):
    from elearning.accounts.roles import TRAINERS

    asset = asset_with(ProcessingStatus.FAILED, "Kapot", ProcessingProblem.UNREADABLE)
    trainer = UserFactory()
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    MediaAsset.objects.filter(pk=asset.pk).update(uploaded_by_user=trainer)  # their recording
    client.force_login(trainer)

    assert "Kapot" in client.get(reverse("media_processing:index")).content.decode()
    client.post(reverse("media_processing:retry", args=[asset.pk]))
    assert MediaAsset.objects.get(pk=asset.pk).processing_status == ProcessingStatus.PENDING
    assert client.get(reverse("captions:add")).status_code == 200


def test_process_again_waits_for_the_lease_of_the_worker_processing_it_to_lapse(
    editor_client, django_capture_on_commit_callbacks
):
    asset = asset_with(ProcessingStatus.PROCESSING, "Lange webinar")
    MediaAsset.objects.filter(pk=asset.pk).update(
        processing_attempts=1, **lease_claim_values("worker-a")
    )
    retry = reverse("media_processing:retry", args=[asset.pk])
    button = f'action="{retry}"'

    assert button not in editor_client.get(reverse("media_processing:index")).content.decode()
    with django_capture_on_commit_callbacks() as queued:
        refused = editor_client.post(retry, follow=True)
    assert "“Lange webinar” wordt op dit moment verwerkt." in refused.content.decode()
    assert "kunt u ze over enkele minuten opnieuw starten" in refused.content.decode()
    asset.refresh_from_db()
    assert (asset.processing_status, asset.lease_token, queued) == ("processing", "worker-a", [])

    # The worker died: nobody renews its lease, which lapses.
    lapsed = timezone.now() - timedelta(seconds=1)
    MediaAsset.objects.filter(pk=asset.pk).update(lease_expires_at=lapsed)

    assert button in editor_client.get(reverse("media_processing:index")).content.decode()
    with django_capture_on_commit_callbacks() as queued:
        allowed = editor_client.post(retry, follow=True)
    assert "“Lange webinar” wordt opnieuw verwerkt." in allowed.content.decode()
    asset.refresh_from_db()
    assert (asset.processing_status, asset.lease_token, asset.lease_expires_at) == (
        "pending",
        "",
        None,
    )
    assert (asset.processing_attempts, len(queued)) == (0, 1)
