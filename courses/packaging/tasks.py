"""Background work on course packages. Thin: each task loads by id and calls a service.

Retry policy (both tasks): a problem of the moment (the database or the object storage out of
reach, job_claims.TRANSIENT_ERRORS) is tried again after 30 s, 60 s, 120 s... (at most 10 minutes
apart, with jitter), up to 4 more times; a refused package or any other error is not retried:
the row says failed, and why. A worker killed mid-run is no error: its lease lapses and the
sweep starts the job again (services.py)."""

from celery import shared_task

from . import job_claims, services, sweep

RETRY_POLICY = {
    "autoretry_for": job_claims.TRANSIENT_ERRORS,
    "retry_backoff": 30,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": job_claims.ATTEMPTS_MAX - 1,
    "acks_late": True,
}


@shared_task(name="packaging.package_export", **RETRY_POLICY)
def package_export_task(export_id):
    """Write a requested export into storage. A failure marks the export failed, and the
    editor asks again: the export row says why."""
    services.package_export_run(export_id=export_id)
    return export_id


@shared_task(name="packaging.package_import", **RETRY_POLICY)
def package_import_task(import_id, publish=False):
    """Import a confirmed package: all or nothing, its report kept on the upload. Its pages
    go to moderation, unless an administrator chose to publish them at once."""
    services.package_import_run(import_id=import_id, publish=publish)
    return import_id


@shared_task(name="packaging.package_jobs_sweep")
def package_jobs_sweep_task():
    """Start again the exports and imports whose worker stopped; delete unused staged files."""
    sweep.package_jobs_sweep()
