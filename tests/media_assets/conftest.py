"""Real recordings made by ffmpeg (the S3 endpoint for storage tests: tests/object_storage.py)."""

import subprocess

import pytest

from django.core.files.base import ContentFile

from media.models import MediaAsset, ProcessingStatus
from tests.waiting import eventually

VIDEO_SECONDS = 3
AUDIO_SECONDS = 2


def _ffmpeg(*arguments, target):
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", *arguments, str(target)],
        check=True,
        capture_output=True,
    )
    return target.read_bytes()


@pytest.fixture(scope="session")
def samples(tmp_path_factory):
    """Bytes of small files, made once per run: a video with sound, an audio file, and bad ones."""
    folder = tmp_path_factory.mktemp("media-samples")
    lavfi = ["-f", "lavfi", "-i"]
    video = _ffmpeg(
        *lavfi,
        f"testsrc=size=320x240:rate=25:duration={VIDEO_SECONDS}",
        *lavfi,
        f"sine=frequency=440:duration={VIDEO_SECONDS}",
        "-c:v", "libvpx", "-b:v", "200k", "-c:a", "libvorbis", "-shortest",
        target=folder / "talk.webm",
    )  # fmt: skip
    audio = _ffmpeg(
        *lavfi, f"sine=frequency=330:duration={AUDIO_SECONDS}", "-c:a", "libmp3lame",
        target=folder / "episode.mp3",
    )  # fmt: skip
    # H.264 + AAC in MP4 as browsers play it (no faststart), and the same too wide for the web.
    h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]
    web_mp4 = _ffmpeg(
        *lavfi, f"testsrc=size=640x360:rate=10:duration={VIDEO_SECONDS}",
        *lavfi, f"sine=frequency=440:duration={VIDEO_SECONDS}", *h264, "-shortest",
        target=folder / "ready.mp4",
    )  # fmt: skip
    wide_mp4 = _ffmpeg(
        *lavfi, f"testsrc=size=1920x1080:rate=10:duration={VIDEO_SECONDS}",
        *lavfi, f"sine=frequency=440:duration={VIDEO_SECONDS}", *h264, "-shortest",
        target=folder / "wide.mp4",
    )  # fmt: skip
    return {
        "video": video,
        "audio": audio,
        "web_mp4": web_mp4,
        "wide_mp4": wide_mp4,
        # The first bytes of a real recording, then noise: looks like media, cannot be read.
        "corrupt": video[:600] + bytes(range(256)) * 40,
        "pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    }


def processing_settled(asset, timeout=90):
    """The asset once the pipeline is done with it: a real worker processes it asynchronously in
    the integration run, the eager task before this returns in the SQLite run."""

    def settled():
        asset.refresh_from_db()
        return asset.processing_status in (ProcessingStatus.READY, ProcessingStatus.FAILED)

    eventually(settled, timeout=timeout, message=lambda: f"{asset} still {asset.processing_status}")
    return asset


def asset_make(content, name, kind="video", title="Een opname"):
    return MediaAsset.objects.create(
        title=title, file=ContentFile(content, name=name), type=kind, duration=0
    )


@pytest.fixture(autouse=True)
def own_upload_folder(settings, tmp_path):
    """Each test its own MEDIA_ROOT, so "no stray files" means files of this test."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
