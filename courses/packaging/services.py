"""Course package services: export a course, take an uploaded package through its preview,
import it. Views, tasks and the management commands call these."""

import hashlib
import logging
import tempfile
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from courses.models import CoursePackage, JobStatus, PackageExport, PackageImport, PackageOrigin
from elearning.core.background import task_enqueue_on_commit

from .archive import package_archive_open
from .exporter import package_write
from .importer import package_apply, package_plan

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
    """Write a queued export into storage, with its progress on the row as it goes."""
    with transaction.atomic():
        export = (
            PackageExport.objects.select_for_update()
            .filter(pk=export_id, status=JobStatus.PENDING)
            .first()
        )
        if export is None:
            return None  # done already, or taken by another worker
        export.status = JobStatus.RUNNING
        export.save(update_fields=["status"])
    last = {"percent": 0}

    def progress(done, total):
        percent = min(99, done * 100 // total)
        if percent >= last["percent"] + PROGRESS_STEP:
            last["percent"] = percent
            PackageExport.objects.filter(pk=export.pk).update(progress=percent)

    try:
        with tempfile.TemporaryFile() as out:
            manifest = package_export_file(course=export.package.course, out=out, progress=progress)
            _export_store(export, out, manifest)
    except Exception as error:
        PackageExport.objects.filter(pk=export.pk).update(
            status=JobStatus.FAILED, problem=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    return export


def _export_store(export, out, manifest):
    digest = hashlib.sha256()
    out.seek(0)
    while chunk := out.read(1024**2):
        digest.update(chunk)
    out.seek(0)
    name = f"{slugify(export.package.course.slug)[:60]}-v{manifest['version']}.zip"
    export.file.save(name, File(out, name=name), save=False)
    export.version = manifest["version"]
    export.left_out = manifest["left_out"]
    export.size = export.file.size
    export.sha256 = digest.hexdigest()
    export.status = JobStatus.READY
    export.progress = 100
    export.finished_at = timezone.now()
    export.save()
    older = PackageExport.objects.filter(package=export.package).order_by("-created_at", "-pk")
    for old in older[EXPORTS_KEPT:]:
        old.delete()  # its file goes with it (signal_handlers.py)


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
        status=JobStatus.RUNNING, confirmed_by=user
    )
    if claimed:
        task_enqueue_on_commit("packaging.package_import", package_import.pk, publish, robust=False)
    return bool(claimed)


def package_import_run(*, import_id, publish=False):
    """Import a confirmed upload; the upload's file is deleted afterwards either way."""
    from .schema import PackageRefused

    package_import = (
        PackageImport.objects.filter(pk=import_id, status=JobStatus.RUNNING)
        .select_related("confirmed_by")
        .first()
    )
    if package_import is None:
        return None
    with translation.override(package_import.language):
        try:
            with package_import.file.open("rb") as upload, package_opened(upload) as package:
                report = package_apply(
                    package=package, user=package_import.confirmed_by, publish=publish
                )
        except PackageRefused as refusal:
            package_import.status = JobStatus.FAILED
            package_import.problem = refusal.message
        except Exception:
            # Not the package's fault (storage, database): nothing was imported; say so,
            # keep the details for the administrators' log.
            logger.exception("import of package upload %s failed", package_import.pk)
            package_import.status = JobStatus.FAILED
            package_import.problem = _(
                "The import stopped on a technical problem; nothing was changed. Try again later."
            )
        else:
            package_import.status = JobStatus.READY
            package_import.report = report.as_dict()
            package_import.course_id = report.course_id
    package_import.finished_at = timezone.now()
    package_import.file.delete(save=False)
    package_import.save()
    return package_import


def package_import_discard(*, package_import):
    package_import.delete()  # its file goes with it (signal_handlers.py)


def package_import_path(*, source, dry_run=False, user=None, publish=False):
    """Check and import a package file (the management command); returns the report.

    Whoever runs the command administers the site: `publish` is theirs to choose.
    """
    with package_opened(source) as package:
        if dry_run:
            return package_plan(package=package)
        return package_apply(package=package, user=user, publish=publish)
