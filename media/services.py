"""Processing of uploaded recordings: states, claiming, storage in and out.

A recording moves pending -> processing -> ready | failed. The Celery task (tasks.py) calls
`media_process`, which is safe to run twice or on two workers at once: the row is claimed under a
lock with a lease (elearning/core/leases.py) that the worker renews while ffmpeg runs; a claim
whose lease is live is left alone, outputs are written under new names and only attached if the
claim is still this worker's and the original is still the one they were made from. A file that
cannot become a recording ends in `failed` with a problem the editor can read; only a new upload
or an explicit "process again" starts it over, so a bad file never loops. Technical trouble
(storage down) puts the recording back to pending for the task's retry (`media_retry_countdown`);
a worker that died mid-way stops renewing its lease, and within one lease a redelivered task or
the sweep (every minute) takes the recording over, at most MAX_ATTEMPTS claims in all. A worker
that loses its claim kills its ffmpeg (the lease keeper's on_lost); one that shuts down hands
the recording back at once.
"""

import logging
import shutil
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from elearning.core.background import task_enqueue_on_commit
from elearning.core.leases import (
    LeaseKeeper,
    lease_claim_values,
    lease_free,
    lease_release_values,
    lease_token,
)
from elearning.core.page_cache import page_cache_invalidate
from elearning.core.work_folders import work_folder

from .models import MediaAsset, ProcessingProblem, ProcessingStatus
from .processing import (
    MediaUnusable,
    ProcessingStopped,
    media_probe,
    poster_extract,
    rendition_make,
)

logger = logging.getLogger(__name__)

# Claims of one recording (each start, each takeover after a killed worker), before it fails.
MAX_ATTEMPTS = 3
# Retries after technical trouble wait 1, 2, 4, ... minutes, never more than 15.
RETRY_FIRST_SECONDS = 60
RETRY_MAX_SECONDS = 900
# A pending recording whose task was sent this long ago is sent again by the sweep (the task was
# lost: broker down at upload); a lapsed claim is sent again at the next sweep.
REQUEUE_AFTER = timedelta(minutes=15)
COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Outputs:
    duration: float
    width: int | None
    height: int | None
    poster: str
    web_file: str


def media_retry_countdown(retries):
    """Seconds before the task's retry after `retries` earlier ones: exponential, capped."""
    return min(RETRY_MAX_SECONDS, RETRY_FIRST_SECONDS * 2**retries)


def media_processing_request(*, asset_id):
    """Mark a new or replaced recording pending and queue it once the upload is committed.
    A claim a worker may still hold is cleared: that worker's keeper sees it lost and stops."""
    MediaAsset.objects.filter(pk=asset_id).update(
        processing_status=ProcessingStatus.PENDING,
        processing_problem="",
        processing_detail="",
        processing_started_at=None,
        processing_attempts=0,
        processing_queued_at=timezone.now(),
        **lease_release_values(),
    )
    # robust: a broker that is down must not fail the upload; the sweep queues it later.
    task_enqueue_on_commit("media.media_process", asset_id)


def media_process(*, asset_id):
    """Probe, poster, web rendition for one recording. Returns the final status, or None if
    there was nothing to do (already done, gone, or being processed elsewhere)."""
    token = lease_token()
    asset, takeover = _claim(asset_id, token)
    if asset is None:
        return None
    if takeover:
        _leftovers_delete(asset)
    source = asset.file.name
    lost = threading.Event()
    try:
        # The keeper renews the claim while ffmpeg runs; if the claim is gone (taken over
        # after this worker was cut off for a whole lease), `lost` kills ffmpeg.
        with LeaseKeeper(MediaAsset, asset_id, token, on_lost=lost.set):
            outputs = _outputs_make(asset, lost)
    except ProcessingStopped:
        if lost.is_set():
            logger.warning("media %s: claim lost, left to the worker that holds it", asset_id)
            return None
        # The worker is shutting down: another one takes it over at once, and this claim
        # does not count as an attempt.
        _release(asset_id, token, uncount=True)
        task_enqueue_on_commit("media.media_process", asset_id)
        return None
    except MediaUnusable as unusable:
        _failed(asset_id, source, unusable.problem, unusable.detail, token=token)
        return ProcessingStatus.FAILED
    except Exception:
        _release(asset_id, token)  # back to pending: the task retries later
        raise
    return _ready(asset_id, source, outputs, token)


def media_processing_give_up(*, asset_id):
    """After the task's last retry: a clear failure instead of trying for ever."""
    asset = MediaAsset.objects.filter(pk=asset_id).first()
    if asset is not None and asset.processing_status != ProcessingStatus.READY:
        _failed(asset_id, asset.file.name, ProcessingProblem.GAVE_UP, "")


def media_processing_due(now=None):
    """Ids of recordings to queue again: pending ones whose task was sent a while ago (or
    never), and claimed ones whose lease lapsed since their task was last sent (a killed worker)."""
    now = now or timezone.now()
    sent_long_ago = Q(processing_queued_at__isnull=True) | Q(
        processing_queued_at__lt=now - REQUEUE_AFTER
    )
    lapsed_since_sent = Q(
        processing_status=ProcessingStatus.PROCESSING,
        lease_expires_at__gt=F("processing_queued_at"),
    )
    due = MediaAsset.objects.filter(
        lease_free(now),
        sent_long_ago | lapsed_since_sent,
        processing_status__in=[ProcessingStatus.PENDING, ProcessingStatus.PROCESSING],
    )
    return list(due.order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def media_processing_requeue():
    """The sweep: the ids of recordings to send again (`media_processing_due`), marked sent."""
    now = timezone.now()
    due = media_processing_due(now)
    MediaAsset.objects.filter(pk__in=due).update(processing_queued_at=now)
    return due


@transaction.atomic
def media_processing_restart(*, asset_id):
    """An editor's "process again": refused (False) while a worker holds a live claim on the
    recording; once its lease lapsed (the worker died), or when none holds it, it starts over."""
    asset = MediaAsset.objects.select_for_update().filter(pk=asset_id).first()
    if asset is None or asset.processing_held:
        return False
    media_processing_request(asset_id=asset_id)
    return True


@transaction.atomic
def _claim(asset_id, token):
    """The recording claimed for `token`, and whether it was taken over from a worker whose
    lease lapsed; (None, False) when there is nothing to do or a live claim holds it."""
    asset = MediaAsset.objects.select_for_update().filter(pk=asset_id).first()
    if asset is None:
        return None, False
    status = asset.processing_status
    done = status in (ProcessingStatus.READY, ProcessingStatus.FAILED)
    if done and asset.processed_source == asset.file.name:
        return None, False
    if asset.processing_held:
        return None, False
    if asset.processing_attempts >= MAX_ATTEMPTS:
        _failed(asset_id, asset.file.name, ProcessingProblem.GAVE_UP, "")
        return None, False
    takeover = status == ProcessingStatus.PROCESSING
    now = timezone.now()
    values = {
        "processing_status": ProcessingStatus.PROCESSING,
        "processing_started_at": now,
        "processing_attempts": asset.processing_attempts + 1,
        **lease_claim_values(token, now),
    }
    MediaAsset.objects.filter(pk=asset_id).update(**values)
    for field, value in values.items():
        setattr(asset, field, value)
    if takeover:
        logger.warning("media %s: taken over from a worker whose lease lapsed", asset_id)
    return asset, takeover


def _leftovers_delete(asset):
    """Outputs a dead worker stored but never attached (killed between two saves): only the
    files the row names stay under the recording's output folders."""
    storage = asset.file.storage
    keep = {asset.poster.name, asset.web_file.name}
    for folder in (f"media_posters/{asset.pk}", f"media_web/{asset.pk}"):
        try:
            names = storage.listdir(folder)[1]
        except FileNotFoundError:
            continue
        for name in names:
            if f"{folder}/{name}" not in keep:
                storage.delete(f"{folder}/{name}")


def _outputs_make(asset, stop):
    storage = asset.file.storage
    if not asset.file.name or not storage.exists(asset.file.name):
        raise MediaUnusable(ProcessingProblem.MISSING, asset.file.name)
    with work_folder("media") as folder:
        original = folder / "original"
        with storage.open(asset.file.name, "rb") as stored, original.open("wb") as local:
            shutil.copyfileobj(stored, local, COPY_CHUNK)
        probe = media_probe(original, stop=stop)
        if asset.type == "video" and not probe.has_video:
            raise MediaUnusable(ProcessingProblem.WRONG_KIND, "no moving picture")
        if asset.type == "audio" and not probe.has_audio:
            raise MediaUnusable(ProcessingProblem.WRONG_KIND, "no sound")
        video = asset.type == "video"
        web = folder / "web.mp4"
        rendition_make(original, web, has_video=video, copy=probe.web_ready, stop=stop)
        duration = probe.duration or media_probe(web, stop=stop).duration
        if duration <= 0:
            raise MediaUnusable(ProcessingProblem.UNREADABLE, "no duration, even after conversion")
        poster = ""
        if video:
            poster_extract(original, folder / "poster.jpg", duration=duration, stop=stop)
            poster = _store(storage, folder / "poster.jpg", f"media_posters/{asset.pk}/poster.jpg")
        web = _store(
            storage, folder / "web.mp4", f"media_web/{asset.pk}/{Path(asset.filename).stem}.mp4"
        )
    return Outputs(duration, probe.width, probe.height, poster, web)


def _store(storage, path, name):
    with path.open("rb") as local:
        return storage.save(name, File(local, name=path.name))


@transaction.atomic
def _ready(asset_id, source, outputs, token):
    asset = MediaAsset.objects.select_for_update().filter(pk=asset_id).first()
    fresh = [outputs.poster, outputs.web_file]
    if asset is None or asset.file.name != source:
        # Deleted or replaced while we worked: these outputs belong to nothing, and a
        # replaced file is queued again.
        _files_delete(MediaAsset._meta.get_field("web_file").storage, fresh)
        if asset is not None:
            media_processing_request(asset_id=asset_id)
        return None
    if asset.lease_token != token:
        # Our claim lapsed and another worker took the recording over: its outputs count.
        _files_delete(asset.file.storage, fresh)
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
        **lease_release_values(),
    )
    transaction.on_commit(page_cache_invalidate)
    return ProcessingStatus.READY


def _failed(asset_id, source, problem, detail, *, token=None):
    """Failed for good; with `token`, only while that claim still holds the recording."""
    logger.warning("media %s failed: %s %s", asset_id, problem, detail[-300:])
    rows = MediaAsset.objects.filter(pk=asset_id, file=source)
    if token is not None:
        rows = rows.filter(lease_token=token)
    rows.update(
        processing_status=ProcessingStatus.FAILED,
        processing_problem=problem,
        processing_detail=detail,
        processed_source=source,
        **lease_release_values(),
    )


def _release(asset_id, token, *, uncount=False):
    """Back to pending with the claim given up (the task's retry, or another worker, takes it)."""
    values = {"processing_status": ProcessingStatus.PENDING, "processing_queued_at": timezone.now()}
    if uncount:
        values["processing_attempts"] = F("processing_attempts") - 1
    MediaAsset.objects.filter(
        pk=asset_id, processing_status=ProcessingStatus.PROCESSING, lease_token=token
    ).update(**values, **lease_release_values())


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
