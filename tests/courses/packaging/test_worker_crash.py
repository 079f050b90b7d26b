"""Fault injection: a Celery worker killed with -9 in the middle of an import or an export
(integration run: PostgreSQL, Redis, real worker processes; see tests/worker_process.py).

The first worker pauses after the first file it stages (PACKAGE_TEST_PAUSE_SECONDS, a test
setting) and is killed there, with files staged and its transaction open. Another worker then
takes the job over through the sweep once the short lease has lapsed, and the job ends done
exactly once: one course, one copy of each file, nothing left under the staging prefix."""

import hashlib
import io

import pytest

from django.utils import timezone

from courses.models import CoursePage, JobStatus, PackageExport, PackageImport
from courses.packaging.services import (
    package_export_request,
    package_import_confirm,
    package_preview_make,
)
from courses.packaging.tasks import package_jobs_sweep_task
from media.models import CustomDocument, CustomImage, MediaAsset, MediaCaption
from tests.waiting import eventually
from tests.worker_process import (
    WORKER_PROCESS_TESTS,
    celery_worker_process,
    tagged_processes,
    worker_busy,
    worker_kill,
    worker_log,
)

from .conftest import package_bytes, site_emptied

pytestmark = [*WORKER_PROCESS_TESTS, pytest.mark.usefixtures("tasks_to_worker_processes")]

PAUSED = {"VIF_TEST_PACKAGE_PAUSE_SECONDS": "120"}  # longer than the test waits: killed there
NOT_THE_IMPORTS_OWN = ("media_web/", "media_posters/")  # the recording's processing makes these


@pytest.fixture
def tasks_to_worker_processes():
    """Tasks go to the broker, for the worker processes (conftest.py runs them here otherwise)."""


def stored_files(folder):
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def killed_once_staged(job_start, *, staging):
    """The job `job_start()` makes, once the worker process that took it was killed with a file
    staged under `staging / <job's pk>` (and paused there, its transaction open)."""

    def staged(_worker, job):
        folder = staging / str(job.pk)
        return folder.exists() and stored_files(folder)

    with worker_busy(job_start, busy=staged, env=PAUSED) as (worker, job):
        worker_kill(worker)
        assert tagged_processes(worker.tag) == [], "nothing the killed worker started lives on"
    return job


def taken_over(model, row, worker):
    """Once the killed worker's lease lapsed, the sweep (on the new worker) restarts the job."""
    eventually(
        lambda: model.objects.filter(pk=row.pk, lease_expires_at__lte=timezone.now()).exists(),
        timeout=30,
        message="the killed worker's lease did not lapse",
    )
    package_jobs_sweep_task.delay()

    def done():
        row.refresh_from_db()
        return row.status in (JobStatus.READY, JobStatus.FAILED)

    eventually(done, timeout=90, message=lambda: f"{row} still {row.status}:\n{worker_log(worker)}")
    return row


def moved_in_place(folder, worker):
    """The worker moves the staged files in place once its run committed (after the status)."""
    eventually(
        lambda: not {name for name in stored_files(folder) if name.startswith("staging/")},
        timeout=60,
        message=lambda: f"files left staged:\n{worker_log(worker)}",
    )


def test_an_import_killed_mid_way_ends_ready_once(course_full, own_upload_folder):
    upload = io.BytesIO(package_bytes(course_full).getvalue())
    upload.name = "cursus.zip"
    site_emptied()
    before = stored_files(own_upload_folder)
    preview = package_preview_make(upload=upload)

    def confirm():
        assert package_import_confirm(package_import=preview)
        return preview

    killed_once_staged(confirm, staging=own_upload_folder / "staging" / "imports")
    assert not CoursePage.objects.exists(), "the killed run's transaction rolled back"
    with celery_worker_process() as second:
        preview = taken_over(PackageImport, preview, second)
        moved_in_place(own_upload_folder, second)
        uploaded = own_upload_folder / PackageImport.file.field.upload_to
        eventually(lambda: not any(uploaded.glob("*")), timeout=30, message="upload kept")

    assert preview.status == JobStatus.READY, preview.problem
    assert preview.attempts == 2
    assert CoursePage.objects.count() == 2, "one course (in its two languages), not two"
    names = {
        row.file.name
        for model in (CustomImage, CustomDocument, MediaAsset, MediaCaption)
        for row in model.objects.all()
    }
    made = {
        name
        for name in stored_files(own_upload_folder) - before
        if not name.startswith(NOT_THE_IMPORTS_OWN)
    }
    assert made == names and len(names) == 5, "one stored copy of each package file"


def test_an_export_killed_mid_way_ends_ready_with_one_file(course_full, own_upload_folder):
    export = killed_once_staged(
        lambda: package_export_request(course=course_full),
        staging=own_upload_folder / "staging" / "exports",
    )
    with celery_worker_process() as second:
        export = taken_over(PackageExport, export, second)
        moved_in_place(own_upload_folder, second)

    export.refresh_from_db()
    assert export.status == JobStatus.READY, export.problem
    assert stored_files(own_upload_folder / "packages") == {export.file.name.split("/", 1)[1]}
    with export.file.open("rb") as stream:
        assert hashlib.sha256(stream.read()).hexdigest() == export.sha256
