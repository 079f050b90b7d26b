"""Course package services: export a course, take an uploaded package through its preview,
import it. Views, tasks and the management commands call these.

A run of an export or of a confirmed import claims its row with a lease (job_claims.py) and
renews it while it works; its outcome is written only while the claim still holds, in the
same transaction as the import itself, so a run that was taken over changes nothing. A worker
killed mid-run stops renewing: once the lease lapses, a redelivered task or the sweep (sweep.py,
every minute) starts the job again, and the editor may discard the import. Files go under a
staging folder first (staging.py).
"""

import hashlib
import logging
import tempfile
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify

from courses.models import CoursePackage, JobStatus, PackageExport, PackageImport, PackageOrigin
from elearning.core.background import task_enqueue_on_commit
from elearning.core.leases import (
    LeaseKeeper,
    lease_free,
    lease_token,
)

from .archive import package_archive_open
from .exporter import package_write
from .importer import package_apply, package_plan
from .job_claims import (
    TRANSIENT_ERRORS,
    import_finish,
    job_claim,
    job_fail,
    job_finish,
    job_problem,
)
from .schema import PackageRefused
from .staging import (
    FileStaging,
    attempt_name,
    export_staging_folder,
    folder_delete,
    import_files_settle,
    import_staging_folder,
    row_file_settle,
    test_pause,
)

logger = logging.getLogger(__name__)

PROGRESS_STEP = 5  # percent between two progress updates of an export row
PREVIEW_KEEP_HOURS = 24  # previews nobody confirmed are discarded after this
EXPORTS_KEPT = 3  # per course: older exports (and their files) are removed


def package_of(*, course):
    """The package record of a course, made on first use for a course made here."""
    source = course.get_translations(inclusive=True).filter(package__isnull=False).first()
    if source is not None:
        return source.package
    package, _created = CoursePackage.objects.get_or_create(
        key=course.translation_key, defaults={"course": course, "origin": PackageOrigin.MADE_HERE}
    )
    return package


def package_export_file(*, course, out, progress=None):
    """Write the package of `course` into `out`; the version goes up when the content changed."""
    package = package_of(course=course)
    seen = {}

    def version_for(digest):
        seen["digest"] = digest
        same = digest == package.content_digest and package.version
        return package.version if same else package.version + 1

    manifest = package_write(
        course=package.course.specific, out=out, version_for=version_for, progress=progress
    )
    CoursePackage.objects.filter(pk=package.pk).update(
        version=manifest["version"], content_digest=seen["digest"], updated_at=timezone.now()
    )
    return manifest


def package_export_request(*, course, user=None):
    """Queue an export of `course` (written by a Celery task into storage)."""
    export = PackageExport.objects.create(package=package_of(course=course), requested_by=user)
    task_enqueue_on_commit("packaging.package_export", export.pk, robust=False)
    return export


def package_export_run(*, export_id):
    """Write a requested export into storage, with its progress on the row as it goes.

    The zip is stored under the staging folder and the row made ready only while this run's
    claim holds; the file moves to its final name once that is committed."""
    token = lease_token()
    export = job_claim(PackageExport, export_id, token, statuses=(JobStatus.PENDING,))
    if export is None:
        return None  # done already, held by another worker, or failed for good
    folder = f"{export_staging_folder(export_id)}/{attempt_name(token)}"
    folder_delete(export_staging_folder(export_id), keep=attempt_name(token))
    last = {"percent": 0}

    def progress(done, total):
        percent = min(99, done * 100 // total)
        if percent >= last["percent"] + PROGRESS_STEP:
            last["percent"] = percent
            PackageExport.objects.filter(pk=export.pk).update(progress=percent)

    with LeaseKeeper(PackageExport, export_id, token):
        try:
            with tempfile.TemporaryFile() as out:
                manifest = package_export_file(
                    course=export.package.course, out=out, progress=progress
                )
                finished = _export_store(export, out, manifest, token=token, folder=folder)
        except TRANSIENT_ERRORS:
            job_problem(export, token, transient=True)
            raise
        except Exception as error:
            job_problem(export, token, problem=str(error)[:2000])  # the editor asks again
            raise
    return export if finished else None


def _export_store(export, out, manifest, *, token, folder):
    digest = hashlib.sha256()
    out.seek(0)
    while chunk := out.read(1024**2):
        digest.update(chunk)
    size = out.tell()
    out.seek(0)
    name = f"{slugify(export.package.course.slug)[:60]}-v{manifest['version']}.zip"
    field = PackageExport._meta.get_field("file")
    staged = field.storage.save(
        f"{folder}/{name}", File(out, name=name), max_length=field.max_length
    )
    test_pause()
    with transaction.atomic():
        transaction.on_commit(
            lambda: row_file_settle(PackageExport, export.pk, final_name=name), robust=True
        )
        finished = job_finish(
            PackageExport,
            export.pk,
            token,
            file=staged,
            version=manifest["version"],
            left_out=manifest["left_out"],
            size=size,
            sha256=digest.hexdigest(),
            status=JobStatus.READY,
            progress=100,
        )
        if finished:
            older = PackageExport.objects.filter(package=export.package)
            for old in older.order_by("-created_at", "-pk")[EXPORTS_KEPT:]:
                old.delete()  # its file goes with it (signal_handlers.py)
    if not finished:
        field.storage.delete(staged)  # taken over: the run that holds the claim writes its own
    return finished


@contextmanager
def package_opened(source):
    """A checked package from a path or file object, closed after use."""
    package = package_archive_open(source)
    try:
        yield package
    finally:
        package.close()


def package_preview_make(*, upload, user=None):
    """Check an uploaded package and keep it with its preview for the editor to confirm.

    A refused package raises PackageRefused and leaves no row and no stored file.
    """
    with package_opened(upload) as package:
        report = package_plan(package=package)
    upload.seek(0)
    stale = PackageImport.objects.filter(
        status=JobStatus.PENDING,
        created_at__lt=timezone.now() - timezone.timedelta(hours=PREVIEW_KEEP_HOURS),
    )
    for old in stale:
        package_import_discard(package_import=old)
    preview = PackageImport(
        uploaded_by=user,
        language=translation.get_language() or "nl",
        key=report.key,
        version=report.version,
        title=report.title,
        report=report.as_dict(),
    )
    preview.file.save(f"{report.key}-v{report.version}.zip", File(upload), save=False)
    try:
        preview.save()
    except BaseException:
        preview.file.delete(save=False)
        raise
    return preview


def package_publish_allowed(*, user):
    """Whether `user` may publish an import at once, skipping moderation: administrators only."""
    return bool(user and user.is_active and user.is_superuser)


def package_import_confirm(*, package_import, user=None, publish=False):
    """Start the import the editor confirmed (a Celery task; eager in the embedded setup).

    The pages land as drafts in moderation; `publish` (administrators only) publishes them.
    """
    if publish and not package_publish_allowed(user=user):
        raise PermissionDenied
    claimed = PackageImport.objects.filter(pk=package_import.pk, status=JobStatus.PENDING).update(
        status=JobStatus.RUNNING, confirmed_by=user, publish=publish
    )
    if claimed:
        task_enqueue_on_commit("packaging.package_import", package_import.pk, publish, robust=False)
    return bool(claimed)


def package_import_run(*, import_id, publish=False):
    """Import a confirmed upload; the upload's file is deleted afterwards either way.

    The pages, the files' rows and the import's outcome are written in one transaction, and
    only while this run's claim holds."""
    token = lease_token()
    package_import = job_claim(PackageImport, import_id, token, statuses=())
    if package_import is None:
        return None
    # An earlier run that was killed left its staged files; this one holds the import now.
    folder_delete(import_staging_folder(import_id), keep=attempt_name(token))
    staging = FileStaging(folder=f"{import_staging_folder(import_id)}/{attempt_name(token)}")
    publish = publish or package_import.publish
    with (
        LeaseKeeper(PackageImport, import_id, token),
        translation.override(package_import.language),
    ):
        try:
            outcome = _import_apply(package_import, token, staging=staging, publish=publish)
        except PackageRefused as refusal:
            outcome = import_finish(
                package_import, token, status=JobStatus.FAILED, problem=refusal.message
            )
        except TRANSIENT_ERRORS:
            logger.exception("import of package upload %s stopped; tried again", import_id)
            job_problem(package_import, token, transient=True)
            raise
        except Exception:
            # Not the package's fault (storage, database): nothing was imported; say so,
            # keep the details for the administrators' log.
            logger.exception("import of package upload %s failed", package_import.pk)
            outcome = job_fail(package_import, token=token)
    if outcome:
        package_import.refresh_from_db()
        return package_import
    folder_delete(staging.folder)  # taken over: the run holding the import writes its own
    return None


def _import_apply(package_import, token, *, staging, publish):
    with transaction.atomic():
        # First of the callbacks: the files are in place before the recordings' processing
        # (enqueued on commit by the media app) reads them. Robust: should storage fail here,
        # the other callbacks still run, and the sweep moves the files later.
        transaction.on_commit(lambda: import_files_settle(folder=staging.folder), robust=True)
        with package_import.file.open("rb") as upload, package_opened(upload) as package:
            report = package_apply(
                package=package,
                user=package_import.confirmed_by,
                publish=publish,
                staging=staging,
            )
        finished = import_finish(
            package_import,
            token,
            status=JobStatus.READY,
            report=report.as_dict(),
            course_id=report.course_id,
        )
        if not finished:
            transaction.set_rollback(True)
    return finished


def package_import_discard(*, package_import):
    """Delete an upload and its row: waiting for confirmation, done, or running with no worker
    at it (its lease lapsed, or it never started). False while a worker holds it."""
    with transaction.atomic():
        row = (
            PackageImport.objects.select_for_update()
            .filter(pk=package_import.pk)
            .filter(~Q(status=JobStatus.RUNNING) | lease_free())
            .first()
        )
        if row is None:
            return not PackageImport.objects.filter(pk=package_import.pk).exists()
        folder = import_staging_folder(row.pk)
        row.delete()  # its file goes with it (signal_handlers.py)
        transaction.on_commit(lambda: folder_delete(folder))  # a stopped run's staged files
    return True


def package_import_path(*, source, dry_run=False, user=None, publish=False):
    """Check and import a package file (the management command); returns the report.

    Whoever runs the command administers the site: `publish` is theirs to choose.
    """
    with package_opened(source) as package:
        if dry_run:
            return package_plan(package=package)
        return package_apply(package=package, user=user, publish=publish)
