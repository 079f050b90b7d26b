"""An upload to S3 processed by Celery: a real worker and moto's S3 server in the integration
run, the eager task in the SQLite run. A file of its own because the test is transactional (the
worker sees only committed rows); see tests/learners/test_attests_worker.py for why."""

from urllib.parse import parse_qs, urlparse

import pytest
import requests

from django.db import transaction

from media.models import MediaAsset, ProcessingProblem, ProcessingStatus
from tests.factories import UserFactory
from tests.object_storage import bucket_keys

from .conftest import VIDEO_SECONDS, asset_make, processing_settled

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
]


def test_an_upload_to_object_storage_is_processed_by_the_worker(
    samples, s3_storage, celery_worker_real, client
):
    with transaction.atomic():
        asset = asset_make(samples["video"], "webinar.webm")

    asset = processing_settled(asset)

    assert asset.processing_status == ProcessingStatus.READY, asset.processing_detail
    assert asset.duration == pytest.approx(VIDEO_SECONDS, abs=0.2)
    keys = bucket_keys(s3_storage)
    assert asset.file.name in keys
    assert asset.poster.name in keys and asset.poster.name.startswith("media_posters/")
    assert asset.web_file.name in keys and asset.web_file.name.endswith(".mp4")
    # The bucket is private: the page links the site's own address, which hands whoever may
    # watch a freshly signed one; the recording can be fetched with a byte range from there.
    client.force_login(UserFactory(is_superuser=True))  # used on no page: editors only
    answer = client.get(asset.playback_url)
    assert answer.status_code == 302
    url = answer["Location"]
    query = parse_qs(urlparse(url).query)
    assert "X-Amz-Signature" in query or "Signature" in query
    part = requests.get(url, headers={"Range": "bytes=0-99"}, timeout=10)
    assert part.status_code == 206 and len(part.content) == 100
    assert part.headers["Content-Type"] == "video/mp4"
    unsigned = url.split("?", 1)[0]
    assert requests.get(unsigned, timeout=10).status_code == 403


@pytest.mark.parametrize(
    ("sample", "name", "problem"),
    [
        ("corrupt", "broken.webm", ProcessingProblem.UNREADABLE),
        ("pdf", "not-a-video.mp4", ProcessingProblem.NOT_MEDIA),
    ],
)
def test_a_bad_upload_ends_failed_through_the_worker(
    samples, s3_storage, celery_worker_real, sample, name, problem
):
    with transaction.atomic():
        asset = asset_make(samples[sample], name)

    asset = processing_settled(asset)

    assert asset.processing_status == ProcessingStatus.FAILED
    assert asset.processing_problem == problem
    assert bucket_keys(s3_storage) == [asset.file.name]  # no half-made outputs
    assert MediaAsset.objects.get(pk=asset.pk).processing_attempts == 1
