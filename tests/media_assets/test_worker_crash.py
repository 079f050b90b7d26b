"""A worker killed with -9 in the middle of a transcode (integration run: PostgreSQL, Redis, real
worker processes, ffmpeg): its ffmpeg dies with it, its work folder goes, and another worker
makes the recording ready exactly once, as soon as the killed worker's lease has lapsed.

Slow (transcodes of a 720p recording, one of them to the end), so in a file of its own.
"""

import signal
import subprocess
from pathlib import Path

import pytest

from django.utils import timezone

from media import services
from media.models import ProcessingStatus
from media.tasks import media_processing_sweep
from tests.waiting import eventually
from tests.worker_process import (
    WORKER_PROCESS_TESTS,
    celery_worker_process,
    tagged_processes,
    worker_busy,
    worker_kill,
    worker_log,
)

from .conftest import asset_make

pytestmark = WORKER_PROCESS_TESTS

LEASE_SECONDS = 6
# Long enough that its transcode lasts seconds, so the worker is caught in the middle of it (the
# test acts within a fraction of a second of seeing ffmpeg run); short, since each test also waits
# for a whole transcode. 30 s took about 22 s to transcode on a busy two-core machine.
RECORDING_SECONDS = 12


@pytest.fixture(scope="session")
def long_recording(tmp_path_factory):
    """A 720p video with sound that takes the pipeline a few seconds to transcode (an
    MPEG-4 part 2 Matroska file: quick to make, not what browsers play, so encoded again)."""
    target = tmp_path_factory.mktemp("long-recording") / "lange-webinar.mkv"
    lavfi = ["-f", "lavfi", "-i"]
    subprocess.run(
        [
            "ffmpeg", "-nostdin", "-v", "error", "-y",
            *lavfi, f"testsrc=size=1280x720:rate=25:duration={RECORDING_SECONDS}",
            *lavfi, f"sine=frequency=440:duration={RECORDING_SECONDS}",
            "-c:v", "mpeg4", "-q:v", "6", "-c:a", "libvorbis", "-shortest", str(target),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return target.read_bytes()


def files_under(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


@pytest.fixture
def work(settings, tmp_path):
    """The work folder of this test and of the worker processes it starts."""
    settings.BACKGROUND_WORK_DIR = tmp_path / "work"
    return settings.BACKGROUND_WORK_DIR


@pytest.fixture
def workers(work):
    """The options of the worker processes: a short lease, the test's work folder."""
    return {"lease_seconds": LEASE_SECONDS, "env": {"BACKGROUND_WORK_DIR": str(work)}}


def ffmpeg_running(worker, _asset):
    return [pid for pid, name in tagged_processes(worker.tag) if name == "ffmpeg"]


def transcoding(recording, workers):
    """A worker process with its ffmpeg running on a recording just uploaded: (worker, asset)."""

    def upload():
        return asset_make(recording, "lange-webinar.mkv", title="Lange webinar")

    return worker_busy(upload, busy=ffmpeg_running, **workers)


def test_a_recording_whose_worker_is_killed_mid_transcode_is_made_ready_once_by_another(
    long_recording, workers, work, settings
):
    with transcoding(long_recording, workers) as (first, asset):
        asset.refresh_from_db()
        assert asset.processing_status == ProcessingStatus.PROCESSING
        assert asset.lease_token and asset.lease_expires_at > timezone.now()
        assert len(list(work.iterdir())) == 1  # its copy of the original, its half rendition

        worker_kill(first)

        # The kernel kills the orphan (parent-death signal): no ffmpeg transcodes for nobody.
        eventually(
            lambda: not tagged_processes(first.tag),
            timeout=10,
            message=lambda: f"left running: {tagged_processes(first.tag)}",
        )

    asset.refresh_from_db()
    assert asset.processing_status == ProcessingStatus.PROCESSING  # nobody else knows yet
    killed_claim = asset.lease_token

    with celery_worker_process(**workers) as second:
        # A worker that starts removes the work folders of dead workers.
        eventually(lambda: not list(work.iterdir()), timeout=30, message="work folder left")

        def lapsed():
            asset.refresh_from_db()
            return asset.lease_expires_at <= timezone.now()

        # Within one lease of the kill; then the sweep (every minute from beat) takes it over.
        eventually(lapsed, timeout=LEASE_SECONDS * 2, message="the lease did not lapse")
        media_processing_sweep.delay()

        def ready():
            asset.refresh_from_db()
            return asset.processing_status == ProcessingStatus.READY

        eventually(ready, timeout=180, message=lambda: worker_log(second))
        assert [pid for pid, _name in tagged_processes(second.tag) if pid != second.pid] == []

    assert asset.lease_token == "" and killed_claim  # released by the worker that finished
    assert asset.processing_attempts == 2  # the killed claim, and the one that finished
    assert asset.poster.name.startswith(f"media_posters/{asset.pk}/")
    assert asset.web_file.name.startswith(f"media_web/{asset.pk}/")
    assert files_under(Path(settings.MEDIA_ROOT)) == sorted(
        [asset.file.name, asset.poster.name, asset.web_file.name]
    )
    assert list(work.iterdir()) == []
    assert services.media_processing_due() == []  # nothing for the next sweep to start again


def test_a_worker_told_to_stop_mid_transcode_hands_the_recording_to_the_next_one(
    long_recording, workers, work, settings
):
    with transcoding(long_recording, workers) as (first, asset):
        first.send_signal(signal.SIGTERM)  # a deploy or a machine shutting down: warm shutdown

        # It does not wait for the transcode to end: its ffmpeg is killed and it exits.
        first.wait(timeout=60)
        assert not tagged_processes(first.tag)
    asset.refresh_from_db()
    # Back in the queue at once, its lease given up, the interrupted claim not counted.
    assert (asset.processing_status, asset.lease_token, asset.processing_attempts) == (
        ProcessingStatus.PENDING,
        "",
        0,
    )
    assert list(work.iterdir()) == []

    with celery_worker_process(**workers) as second:

        def ready():
            asset.refresh_from_db()
            return asset.processing_status == ProcessingStatus.READY

        eventually(ready, timeout=180, message=lambda: worker_log(second))

    assert asset.processing_attempts == 1
    assert files_under(Path(settings.MEDIA_ROOT)) == sorted(
        [asset.file.name, asset.poster.name, asset.web_file.name]
    )
