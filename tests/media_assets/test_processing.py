"""The processing pipeline on real files made by ffmpeg: what editors and learners get."""

import json
import subprocess
from datetime import timedelta

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from elearning.core.leases import lease_claim_values
from media import processing, services
from media.models import MediaAsset, ProcessingProblem, ProcessingStatus
from media.services import MAX_ATTEMPTS, media_process

from .conftest import AUDIO_SECONDS, VIDEO_SECONDS, asset_make

pytestmark = pytest.mark.django_db


def streams_of(stored_file):
    with stored_file.open("rb") as handle:
        content = handle.read()
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-"],
        input=content,
        capture_output=True,
        check=True,
    )
    return content, {s["codec_type"]: s["codec_name"] for s in json.loads(result.stdout)["streams"]}


def test_a_video_gets_its_duration_size_poster_and_a_rendition_every_browser_plays(samples):
    asset = asset_make(samples["video"], "talk.webm")

    assert media_process(asset_id=asset.pk) == ProcessingStatus.READY

    asset.refresh_from_db()
    assert asset.processing_status == ProcessingStatus.READY
    assert asset.duration == pytest.approx(VIDEO_SECONDS, abs=0.2)
    assert (asset.width, asset.height) == (320, 240)
    with asset.poster.open("rb") as poster:
        assert poster.read(3) == b"\xff\xd8\xff"  # a JPEG
    content, streams = streams_of(asset.web_file)
    assert streams == {"video": "h264", "audio": "aac"}
    # faststart: the index comes before the data, so playback and seeking start at once.
    assert content.index(b"moov") < content.index(b"mdat")
    assert asset.playback_url == f"/files/recordings/{asset.pk}/web.mp4"
    assert asset.playback_type == "video/mp4"
    assert asset.poster_url == f"/files/recordings/{asset.pk}/poster.jpg"


def frames_digest(content, folder):
    """A digest of the decoded pictures: equal only when not one pixel changed. (From a file:
    an MP4 without faststart cannot be read from a pipe.)"""
    path = folder / f"video-{len(list(folder.iterdir()))}.mp4"
    path.write_bytes(content)
    result = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:v", "-f", "md5", "-"],
        capture_output=True,
        check=True,
    )
    return result.stdout


def test_a_video_browsers_already_play_keeps_every_pixel_and_gets_faststart(samples, tmp_path):
    asset = asset_make(samples["web_mp4"], "ready.mp4")

    assert media_process(asset_id=asset.pk) == ProcessingStatus.READY

    asset.refresh_from_db()
    content, streams = streams_of(asset.web_file)
    assert streams == {"video": "h264", "audio": "aac"}
    assert (asset.width, asset.height) == (640, 360)
    # Copied, not encoded again: the pictures are those of the upload, bit for bit.
    assert frames_digest(content, tmp_path) == frames_digest(samples["web_mp4"], tmp_path)
    assert samples["web_mp4"].index(b"moov") > samples["web_mp4"].index(b"mdat")
    assert content.index(b"moov") < content.index(b"mdat")


def test_a_video_too_wide_for_the_web_is_encoded_again_at_1280(samples):
    asset = asset_make(samples["wide_mp4"], "wide.mp4")

    assert media_process(asset_id=asset.pk) == ProcessingStatus.READY

    asset.refresh_from_db()
    content, _streams = streams_of(asset.web_file)
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
         "stream=width,height", "-of", "csv=p=0", "-"],
        input=content, capture_output=True, check=True,
    )  # fmt: skip
    assert result.stdout.decode().strip() == "1280,720"


def test_an_audio_file_gets_its_duration_and_an_aac_rendition_but_no_poster(samples):
    asset = asset_make(samples["audio"], "episode.mp3", kind="audio")

    media_process(asset_id=asset.pk)

    asset.refresh_from_db()
    assert asset.processing_status == ProcessingStatus.READY
    assert asset.duration == pytest.approx(AUDIO_SECONDS, abs=0.2)
    assert not asset.poster
    assert streams_of(asset.web_file)[1] == {"audio": "aac"}
    assert asset.playback_type == "audio/mp4"


@pytest.mark.parametrize(
    ("sample", "name", "kind", "problem"),
    [
        ("corrupt", "broken.webm", "video", ProcessingProblem.UNREADABLE),
        ("pdf", "slides.mp4", "video", ProcessingProblem.NOT_MEDIA),
        ("audio", "sound-only.mp3", "video", ProcessingProblem.WRONG_KIND),
    ],
)
def test_a_file_that_cannot_be_a_recording_ends_failed_with_a_clear_problem(
    samples, sample, name, kind, problem
):
    asset = asset_make(samples[sample], name, kind=kind)

    assert media_process(asset_id=asset.pk) == ProcessingStatus.FAILED

    asset.refresh_from_db()
    assert asset.processing_status == ProcessingStatus.FAILED
    assert asset.processing_problem == problem
    assert not asset.web_file and not asset.poster
    # The page still links the original.
    assert asset.playback_url == f"/files/recordings/{asset.pk}/original.{name.rsplit('.', 1)[1]}"
    # No crash loop: running the task again does nothing until the file changes.
    assert media_process(asset_id=asset.pk) is None
    asset.refresh_from_db()
    assert asset.processing_attempts == 1


def test_the_problem_is_told_in_the_editors_language(samples):
    from django.utils import translation

    asset = asset_make(samples["pdf"], "slides.mp4")
    media_process(asset_id=asset.pk)
    asset.refresh_from_db()
    with translation.override("nl"):
        assert "geen video- of audiobestand" in str(asset.get_processing_problem_display())


def test_processing_twice_changes_nothing_and_leaves_no_extra_files(samples):
    asset = asset_make(samples["video"], "talk.webm")
    media_process(asset_id=asset.pk)
    asset.refresh_from_db()
    files_before = sorted(default_storage.listdir(f"media_web/{asset.pk}")[1])

    assert media_process(asset_id=asset.pk) is None

    again = MediaAsset.objects.get(pk=asset.pk)
    assert (again.web_file.name, again.poster.name) == (asset.web_file.name, asset.poster.name)
    assert sorted(default_storage.listdir(f"media_web/{asset.pk}")[1]) == files_before


def test_a_recording_another_worker_is_processing_is_left_alone(samples):
    asset = asset_make(samples["video"], "talk.webm")
    MediaAsset.objects.filter(pk=asset.pk).update(
        processing_status=ProcessingStatus.PROCESSING,
        processing_started_at=timezone.now() - timedelta(hours=6),  # a long transcode
        **lease_claim_values("other-worker"),  # renewed a moment ago
    )

    assert services.media_processing_due() == []
    assert media_process(asset_id=asset.pk) is None
    asset.refresh_from_db()
    assert (asset.processing_status, asset.lease_token) == ("processing", "other-worker")


def test_a_worker_that_died_mid_way_is_taken_over_by_the_sweep_once_its_lease_lapsed(samples):
    asset = asset_make(samples["video"], "talk.webm")
    lapsed = timezone.now() - timedelta(seconds=1)
    MediaAsset.objects.filter(pk=asset.pk).update(
        processing_status=ProcessingStatus.PROCESSING,
        processing_started_at=timezone.now() - timedelta(minutes=3),
        processing_queued_at=timezone.now() - timedelta(minutes=3),
        processing_attempts=1,
        lease_token="dead-worker",
        lease_expires_at=lapsed,
    )
    # Its dead worker had stored a poster frame, never attached.
    default_storage.save(f"media_posters/{asset.pk}/poster.jpg", ContentFile(b"half"))

    assert services.media_processing_requeue() == [asset.pk]
    assert services.media_processing_due() == []  # sent: not again at the next sweep
    assert media_process(asset_id=asset.pk) == ProcessingStatus.READY
    asset.refresh_from_db()
    assert (asset.processing_attempts, asset.lease_token, asset.lease_expires_at) == (2, "", None)
    assert default_storage.listdir(f"media_posters/{asset.pk}")[1] == ["poster.jpg"]
    assert asset.poster.name == f"media_posters/{asset.pk}/poster.jpg"


def test_a_pending_recording_is_sent_again_only_when_its_task_is_long_gone(samples):
    asset = asset_make(samples["video"], "talk.webm")
    MediaAsset.objects.filter(pk=asset.pk).update(
        processing_status=ProcessingStatus.PENDING, processing_queued_at=timezone.now()
    )
    assert services.media_processing_due() == []  # its task is on the queue

    later = timezone.now() + services.REQUEUE_AFTER + timedelta(seconds=1)
    assert services.media_processing_due(later) == [asset.pk]


def test_technical_trouble_puts_it_back_to_pending_and_in_the_end_fails_clearly(
    samples, monkeypatch
):
    asset = asset_make(samples["video"], "talk.webm")

    def storage_down(*args, **kwargs):
        raise ConnectionError("object storage unreachable")

    monkeypatch.setattr(services.shutil, "copyfileobj", storage_down)
    for _attempt in range(MAX_ATTEMPTS):
        with pytest.raises(ConnectionError):
            media_process(asset_id=asset.pk)
        assert MediaAsset.objects.get(pk=asset.pk).processing_status == ProcessingStatus.PENDING

    assert media_process(asset_id=asset.pk) is None
    asset.refresh_from_db()
    assert asset.processing_status == ProcessingStatus.FAILED
    assert asset.processing_problem == ProcessingProblem.GAVE_UP


def test_a_file_missing_from_storage_fails_as_missing(samples):
    asset = asset_make(samples["video"], "talk.webm")
    default_storage.delete(asset.file.name)

    media_process(asset_id=asset.pk)

    asset.refresh_from_db()
    assert asset.processing_problem == ProcessingProblem.MISSING


@pytest.fixture
def queued(monkeypatch):
    """Asset ids handed to Celery (the worker itself is tested in test_pipeline_worker.py)."""
    from media.tasks import media_process_task

    sent = []
    monkeypatch.setattr(media_process_task, "delay", sent.append)
    return sent


def test_a_file_replaced_while_processing_gets_processed_anew(
    samples, monkeypatch, queued, django_capture_on_commit_callbacks
):
    asset = asset_make(samples["video"], "talk.webm")
    real_rendition = services.rendition_make
    made = []

    def editor_replaces_the_file_meanwhile(source, target, **kwargs):
        real_rendition(source, target, **kwargs)
        made.append(target.name)
        replaced = MediaAsset.objects.get(pk=asset.pk)
        replaced.file.save("second-take.webm", ContentFile(samples["video"]), save=False)
        MediaAsset.objects.filter(pk=asset.pk).update(file=replaced.file.name)

    monkeypatch.setattr(services, "rendition_make", editor_replaces_the_file_meanwhile)
    with django_capture_on_commit_callbacks(execute=True):
        assert media_process(asset_id=asset.pk) is None

    asset.refresh_from_db()
    assert asset.processing_status == ProcessingStatus.PENDING
    assert not asset.web_file
    assert queued == [asset.pk]
    assert default_storage.listdir(f"media_web/{asset.pk}")[1] == []  # old outputs gone
    monkeypatch.setattr(services, "rendition_make", real_rendition)
    assert media_process(asset_id=asset.pk) == ProcessingStatus.READY
    asset.refresh_from_db()
    assert "second-take" in asset.web_file.name


def test_an_upload_is_queued_once_it_is_committed(
    samples, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        asset = asset_make(samples["audio"], "episode.mp3", kind="audio")
        assert queued == []  # not before the upload is committed

    for callback in callbacks:
        callback()
    assert queued == [asset.pk]
    assert MediaAsset.objects.get(pk=asset.pk).processing_status == ProcessingStatus.PENDING


def test_deleting_a_recording_removes_its_poster_and_rendition(
    samples, django_capture_on_commit_callbacks
):
    asset = asset_make(samples["video"], "talk.webm")
    media_process(asset_id=asset.pk)
    asset.refresh_from_db()
    names = [asset.file.name, asset.poster.name, asset.web_file.name]

    with django_capture_on_commit_callbacks(execute=True):
        asset.delete()

    assert not any(default_storage.exists(name) for name in names)


def test_ffmpeg_killed_from_outside_is_technical_trouble_not_a_broken_file(samples, monkeypatch):
    asset = asset_make(samples["video"], "talk.webm")
    real_child_run = processing.child_run

    def out_of_memory_killer(command, **kwargs):
        if command[0] == "ffmpeg":  # the transcode is killed, as the kernel's OOM killer does
            command = ["sh", "-c", "kill -KILL $$"]
        return real_child_run(command, **kwargs)

    monkeypatch.setattr(processing, "child_run", out_of_memory_killer)
    with pytest.raises(processing.ToolKilled):
        media_process(asset_id=asset.pk)

    asset.refresh_from_db()
    assert (asset.processing_status, asset.processing_problem) == (ProcessingStatus.PENDING, "")
    assert asset.lease_token == ""  # the task's retry claims it again
