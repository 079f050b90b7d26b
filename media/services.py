"""Processing of uploaded recordings: states, claiming, storage in and out.

A recording moves pending -> processing -> ready | failed. The Celery task (tasks.py) calls
`media_process`, which is safe to run twice or on two workers at once: the row is claimed under a
lock, a fresh claim by another worker is left alone, outputs are written under new names and only
attached if the original is still the one they were made from. A file that cannot become a
recording ends in `failed` with a problem the editor can read; only a new upload or an explicit
"process again" starts it over, so a bad file never loops. Technical trouble (storage down)
puts the recording back to pending for the task's retry; a worker that died mid-way is caught by
the sweep once its claim is stale, at most MAX_ATTEMPTS times.
"""

import logging
import shutil
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from elearning.core.background import task_enqueue_on_commit
from elearning.core.page_cache import page_cache_invalidate

from .models import MediaAsset, ProcessingProblem, ProcessingStatus
from .processing import MediaUnusable, media_probe, poster_extract, rendition_make

logger = logging.getLogger(__name__)

# A claim older than this is taken as a worker that died (the rendition limit plus margin).
STALE_AFTER = timedelta(hours=5)
MAX_ATTEMPTS = 3
COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Outputs:
    duration: float
    width: int | None
    height: int | None
    poster: str
    web_file: str


def media_processing_request(*, asset_id):
    """Mark a new or replaced recording pending and queue it once the upload is committed."""
    MediaAsset.objects.filter(pk=asset_id).update(
        processing_status=ProcessingStatus.PENDING,
        processing_problem="",
        processing_detail="",
        processing_started_at=None,
        processing_attempts=0,
    )
    # robust: a broker that is down must not fail the upload; the sweep queues it later.
    task_enqueue_on_commit("media.media_process", asset_id)


def media_process(*, asset_id):
    """Probe, poster, web rendition for one recording. Returns the final status, or None if
    there was nothing to do (already done, gone, or being processed elsewhere)."""
    asset = _claim(asset_id)
    if asset is None:
        return None
    source = asset.file.name
    try:
        outputs = _outputs_make(asset)
    except MediaUnusable as unusable:
        _failed(asset_id, source, unusable.problem, unusable.detail)
        return ProcessingStatus.FAILED
    except Exception:
        _release(asset_id)  # back to pending: the task retries later
        raise
    return _ready(asset_id, source, outputs)


def media_processing_give_up(*, asset_id):
    """After the task's last retry: a clear failure instead of trying for ever."""
    asset = MediaAsset.objects.filter(pk=asset_id).first()
    if asset is not None and asset.processing_status != ProcessingStatus.READY:
        _failed(asset_id, asset.file.name, ProcessingProblem.GAVE_UP, "")


def media_processing_due():
    """Ids of recordings to queue again: pending, or claimed by a worker too long ago."""
    stale = timezone.now() - STALE_AFTER
    pending = MediaAsset.objects.filter(processing_status=ProcessingStatus.PENDING)
    stuck = MediaAsset.objects.filter(
        processing_status=ProcessingStatus.PROCESSING, processing_started_at__lt=stale
    )
    return list((pending | stuck).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def _claim(asset_id):
    asset = MediaAsset.objects.select_for_update().filter(pk=asset_id).first()
    if asset is None:
        return None
    status = asset.processing_status
    done = status in (ProcessingStatus.READY, ProcessingStatus.FAILED)
    if done and asset.processed_source == asset.file.name:
        return None
    started = asset.processing_started_at
    if status == ProcessingStatus.PROCESSING and started and timezone.now() - started < STALE_AFTER:
        return None
    if asset.processing_attempts >= MAX_ATTEMPTS:
        _failed(asset_id, asset.file.name, ProcessingProblem.GAVE_UP, "")
        return None
    asset.processing_status = ProcessingStatus.PROCESSING
    asset.processing_started_at = timezone.now()
    asset.processing_attempts += 1
    MediaAsset.objects.filter(pk=asset_id).update(
        processing_status=asset.processing_status,
        processing_started_at=asset.processing_started_at,
        processing_attempts=asset.processing_attempts,
    )
    return asset


def _outputs_make(asset):
    storage = asset.file.storage
    if not asset.file.name or not storage.exists(asset.file.name):
        raise MediaUnusable(ProcessingProblem.MISSING, asset.file.name)
    with tempfile.TemporaryDirectory(prefix="vif-media-") as folder:
        folder = Path(folder)
        original = folder / "original"
        with storage.open(asset.file.name, "rb") as stored, original.open("wb") as local:
            shutil.copyfileobj(stored, local, COPY_CHUNK)
        probe = media_probe(original)
        if asset.type == "video" and not probe.has_video:
            raise MediaUnusable(ProcessingProblem.WRONG_KIND, "no moving picture")
        if asset.type == "audio" and not probe.has_audio:
            raise MediaUnusable(ProcessingProblem.WRONG_KIND, "no sound")
        video = asset.type == "video"
        rendition_make(original, folder / "web.mp4", has_video=video, copy=probe.web_ready)
        duration = probe.duration or media_probe(folder / "web.mp4").duration
        if duration <= 0:
            raise MediaUnusable(ProcessingProblem.UNREADABLE, "no duration, even after conversion")
        poster = ""
        if video:
            poster_extract(original, folder / "poster.jpg", duration=duration)
            poster = _store(storage, folder / "poster.jpg", f"media_posters/{asset.pk}/poster.jpg")
        web = _store(
            storage, folder / "web.mp4", f"media_web/{asset.pk}/{Path(asset.filename).stem}.mp4"
        )
    return Outputs(duration, probe.width, probe.height, poster, web)


def _store(storage, path, name):
    with path.open("rb") as local:
        return storage.save(name, File(local, name=path.name))


@transaction.atomic
def _ready(asset_id, source, outputs):
    asset = MediaAsset.objects.select_for_update().filter(pk=asset_id).first()
    fresh = [outputs.poster, outputs.web_file]
    if asset is None or asset.file.name != source:
        # Deleted or replaced while we worked: these outputs belong to nothing, and a
        # replaced file is queued again.
        _files_delete(MediaAsset._meta.get_field("web_file").storage, fresh)
        if asset is not None:
            media_processing_request(asset_id=asset_id)
        return None
    _files_delete(asset.file.storage, [asset.poster.name, asset.web_file.name])
    MediaAsset.objects.filter(pk=asset_id).update(
        processing_status=ProcessingStatus.READY,
        processing_problem="",
        processing_detail="",
        processed_source=source,
        duration=outputs.duration,
        width=outputs.width,
        height=outputs.height,
        poster=outputs.poster,
        web_file=outputs.web_file,
    )
    transaction.on_commit(page_cache_invalidate)
    return ProcessingStatus.READY


def _failed(asset_id, source, problem, detail):
    logger.warning("media %s failed: %s %s", asset_id, problem, detail[-300:])
    MediaAsset.objects.filter(pk=asset_id, file=source).update(
        processing_status=ProcessingStatus.FAILED,
        processing_problem=problem,
        processing_detail=detail,
        processed_source=source,
    )


def _release(asset_id):
    MediaAsset.objects.filter(pk=asset_id, processing_status=ProcessingStatus.PROCESSING).update(
        processing_status=ProcessingStatus.PENDING
    )


def _files_delete(storage, names):
    names = [name for name in names if name]
    if not names:
        return

    def delete():
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete, robust=True)


def media_asset_files_delete(*, asset):
    """When a recording is deleted: its poster frame and rendition leave storage (wagtailmedia
    deletes the original and thumbnail; each caption's own delete removes its file)."""
    _files_delete(asset.file.storage, [asset.poster.name, asset.web_file.name])


def media_caption_file_delete(*, caption):
    _files_delete(caption.file.storage, [caption.file.name])
