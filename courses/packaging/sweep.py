"""The packaging sweep (celery beat, every minute): the exports and imports no worker is at
start again, and the staged files no run will use are deleted (staging.py). Leases and claims:
services.py."""

from django.db.models import Q
from django.utils import timezone

from courses.models import JobStatus, PackageExport, PackageImport
from elearning.core.background import task_registered
from elearning.core.leases import lease_duration, lease_free

from .staging import (
    export_staging_folder,
    folder_delete,
    import_files_settle,
    import_staging_folder,
    row_file_settle,
    staged_ids,
)


def package_jobs_sweep():
    """Start again the exports and imports no worker is at (killed, or their task lost), and
    delete the staged files no run will use (staging.py). On the beat schedule, every minute.

    A committed run's files are moved before its folder goes: no staged file a row names is
    deleted."""
    waiting = timezone.now() - lease_duration()
    restart = Q(lease_expires_at__isnull=False) | Q(created_at__lt=waiting)
    exports = PackageExport.objects.filter(status__in=(JobStatus.PENDING, JobStatus.RUNNING))
    for pk in exports.filter(lease_free()).filter(restart).values_list("pk", flat=True):
        task_registered("packaging.package_export").delay(pk)
    imports = PackageImport.objects.filter(status=JobStatus.RUNNING).filter(lease_free())
    for pk in imports.filter(restart).values_list("pk", flat=True):
        task_registered("packaging.package_import").delay(pk)
    _staged_imports_sweep()
    _staged_exports_sweep()


def _staged_imports_sweep():
    """The staged files of imports gone, done or failed: the moves of a committed run first.
    (A running import's earlier attempts are deleted by the run that holds it.)"""
    for pk in staged_ids("imports"):
        if not PackageImport.objects.filter(pk=pk, status=JobStatus.RUNNING).exists():
            import_files_settle(folder=import_staging_folder(pk))
            folder_delete(import_staging_folder(pk))


def _staged_exports_sweep():
    for pk in staged_ids("exports"):
        export = PackageExport.objects.filter(pk=pk).first()
        if export is not None and export.status == JobStatus.RUNNING:
            continue
        if export is not None and export.file.name.startswith(export_staging_folder(pk) + "/"):
            row_file_settle(PackageExport, pk, final_name=export.file.name.rsplit("/", 1)[-1])
        folder_delete(export_staging_folder(pk))
