"""Background processing of recordings. Thin: each task loads by id and calls a service."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(
    name="media.media_process",
    bind=True,
    retry_backoff=True,
    retry_backoff_max=900,
    max_retries=services.MAX_ATTEMPTS - 1,
    acks_late=True,
)
def media_process_task(self, asset_id):
    """Probe, poster and web rendition of a recording (enqueued on commit after an upload).

    A file that cannot be used ends in `failed` inside the service, with no retry. Any other
    error (storage or database unreachable) is retried with backoff; after the last retry the
    recording is marked failed rather than tried for ever.
    """
    try:
        return services.media_process(asset_id=asset_id)
    except Exception as error:
        if self.request.is_eager:
            # Run inside the upload's request (no broker): the recording stays pending, and
            # "process again" in the admin retries it.
            logger.exception("processing of media %s stopped; it stays pending", asset_id)
            return None
        if self.request.retries >= self.max_retries:
            services.media_processing_give_up(asset_id=asset_id)
            raise
        raise self.retry(exc=error) from error


@shared_task(name="media.media_processing_sweep")
def media_processing_sweep():
    """Queue recordings whose task was lost (broker down at upload, worker killed mid-way);
    beat schedule, every 15 minutes."""
    due = services.media_processing_due()
    for asset_id in due:
        media_process_task.delay(asset_id)
    return len(due)
