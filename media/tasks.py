"""Background processing of recordings. Thin: each task loads by id and calls a service."""

import logging

from celery import shared_task

from elearning.core.work_folders import work_folders_clean

from . import services

logger = logging.getLogger(__name__)


@shared_task(
    name="media.media_process",
    bind=True,
    max_retries=services.MAX_ATTEMPTS - 1,
    acks_late=True,
)
def media_process_task(self, asset_id):
    """Probe, poster and web rendition of a recording (enqueued on commit after an upload).

    A file that cannot be used ends in `failed` inside the service, with no retry. Any other
    error (storage or database unreachable) is retried after `services.media_retry_countdown`
    (1, 2, 4 ... minutes, at most 15); after the last retry the recording is marked failed
    rather than tried for ever.
    """
    try:
        return services.media_process(asset_id=asset_id)
    except Exception as error:
        if self.request.is_eager:
            # Run inside the upload's request (no broker): the recording stays pending, and
            # "process again" in the admin retries it.
            logger.exception("processing of media %s stopped; it stays pending", asset_id)
            return None
        retries = self.request.retries
        if retries >= self.max_retries:
            services.media_processing_give_up(asset_id=asset_id)
            raise
        countdown = services.media_retry_countdown(retries)
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(name="media.media_processing_sweep")
def media_processing_sweep():
    """Queue recordings whose task was lost (broker down at upload) or whose worker died (its
    lease lapsed), and remove the work folders of dead workers; beat schedule, every minute."""
    work_folders_clean()
    due = services.media_processing_requeue()
    for asset_id in due:
        media_process_task.delay(asset_id)
    return len(due)
