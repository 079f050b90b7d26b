"""Background work on course packages. Thin: each task loads by id and calls a service."""

from celery import shared_task

from . import services


@shared_task(
    name="packaging.package_export", bind=True, retry_backoff=True, max_retries=3, acks_late=True
)
def package_export_task(self, export_id):
    """Write a requested export into storage. A failure marks the export failed, and the
    editor asks again: the export row says why."""
    services.package_export_run(export_id=export_id)
    return export_id


@shared_task(name="packaging.package_import", acks_late=True)
def package_import_task(import_id, publish=False):
    """Import a confirmed package: all or nothing, its report kept on the upload. Its pages
    go to moderation, unless an administrator chose to publish them at once."""
    services.package_import_run(import_id=import_id, publish=publish)
    return import_id
