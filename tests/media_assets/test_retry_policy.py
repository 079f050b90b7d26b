"""The retry policy of recording processing: what the task asks Celery for after technical
trouble (storage unreachable), and the clear failure after the last retry."""

import pytest
from celery.exceptions import Retry

from media import services
from media.models import MediaAsset, ProcessingProblem, ProcessingStatus
from media.tasks import media_process_task

from .conftest import asset_make

pytestmark = pytest.mark.django_db


def test_the_waits_between_retries_double_up_to_a_quarter_of_an_hour():
    waits = [services.media_retry_countdown(retries) for retries in range(6)]
    assert waits == [60, 120, 240, 480, 900, 900]


@pytest.fixture
def storage_down(monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("object storage unreachable")

    monkeypatch.setattr(services.shutil, "copyfileobj", unreachable)


@pytest.fixture
def published(monkeypatch):
    """What the task's retries send to the broker (kept here instead of sent)."""
    sent = []
    monkeypatch.setattr(
        media_process_task,
        "apply_async",
        lambda args=None, kwargs=None, **options: sent.append((args, options)),
    )
    return sent


def run_as_worker(asset_id, retries):
    """The task as a worker runs its delivery number `retries + 1` (not eagerly)."""
    media_process_task.push_request(
        id=f"delivery-{retries}",
        args=[asset_id],
        kwargs={},
        retries=retries,
        is_eager=False,
        called_directly=False,
    )
    try:
        return media_process_task.run(asset_id)
    finally:
        media_process_task.pop_request()


def test_technical_trouble_is_retried_later_each_time_then_fails_clearly(
    samples, storage_down, published
):
    asset = asset_make(samples["video"], "talk.webm")

    for retries in range(services.MAX_ATTEMPTS - 1):
        with pytest.raises(Retry) as retry:
            run_as_worker(asset.pk, retries)
        assert retry.value.when == services.media_retry_countdown(retries)
        asset.refresh_from_db()
        assert asset.processing_status == ProcessingStatus.PENDING
        assert asset.lease_token == ""  # the claim is given back for the retry
    assert [options["countdown"] for _args, options in published] == [60, 120]
    assert [args for args, _options in published] == [(asset.pk,), (asset.pk,)]

    with pytest.raises(ConnectionError):
        run_as_worker(asset.pk, services.MAX_ATTEMPTS - 1)

    asset.refresh_from_db()
    assert (asset.processing_status, asset.processing_problem) == (
        ProcessingStatus.FAILED,
        ProcessingProblem.GAVE_UP,
    )
    assert len(published) == 2  # no retry after the last one
    assert MediaAsset.objects.get(pk=asset.pk).lease_expires_at is None
