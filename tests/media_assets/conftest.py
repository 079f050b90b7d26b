"""Real recordings made by ffmpeg, and a real S3 endpoint (moto's server) for storage tests."""

import subprocess
import time
import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer

from django.core.files.base import ContentFile

from media.models import MediaAsset, ProcessingStatus

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
    return {
        "video": video,
        "audio": audio,
        # The first bytes of a real recording, then noise: looks like media, cannot be read.
        "corrupt": video[:600] + bytes(range(256)) * 40,
        "pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    }


def processing_settled(asset, timeout=90):
    """The asset once the pipeline is done with it: a real worker processes it asynchronously in
    the integration run, the eager task before this returns in the SQLite run."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        asset.refresh_from_db()
        if asset.processing_status in (ProcessingStatus.READY, ProcessingStatus.FAILED):
            return asset
        time.sleep(0.2)
    raise AssertionError(f"{asset} still {asset.processing_status} after {timeout} s")


def asset_make(content, name, kind="video", title="Een opname"):
    return MediaAsset.objects.create(
        title=title, file=ContentFile(content, name=name), type=kind, duration=0
    )


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on a free port of this machine, for the whole run."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_storage(settings, s3_endpoint):
    """Uploads go to a fresh private bucket on the S3 endpoint, as in production with
    AWS_STORAGE_BUCKET_NAME set. Returns the boto3 client, to look at the bucket directly."""
    bucket = f"vif-test-{uuid.uuid4().hex[:12]}"
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=bucket)
    options = {
        "bucket_name": bucket,
        "endpoint_url": s3_endpoint,
        "region_name": "us-east-1",
        "access_key": "test",
        "secret_key": "test",
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 21600,
        "file_overwrite": False,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    client.bucket = bucket
    return client


def bucket_keys(client):
    listing = client.list_objects_v2(Bucket=client.bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))


@pytest.fixture(autouse=True)
def own_upload_folder(settings, tmp_path):
    """Each test its own MEDIA_ROOT, so "no stray files" means files of this test."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
