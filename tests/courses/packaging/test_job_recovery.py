"""Exports and imports whose worker stopped: leases, staged files, the sweep, the retry policy
and discarding a stopped import. The worker killed for real: test_worker_crash.py."""

import io
from datetime import timedelta

import pytest

from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from courses.models import CoursePage, JobStatus, PackageExport, PackageImport
from courses.packaging import services
from courses.packaging.job_claims import ATTEMPTS_MAX
from courses.packaging.services import package_export_request, package_preview_make
from courses.packaging.sweep import package_jobs_sweep
from courses.packaging.tasks import package_import_task
from elearning.core.leases import lease_claim_values
from media.models import CustomDocument, CustomImage, MediaAsset, MediaCaption

from .conftest import package_bytes, site_emptied
from .test_admin import moderator  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

STAGED_BY_A_KILLED_RUN = "staging/imports/{pk}/0123456789/leftover.png"


def stored_files(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def file_names():
    return sorted(
        row.file.name
        for model in (CustomImage, CustomDocument, MediaAsset, MediaCaption)
        for row in model.objects.all()
    )


@pytest.fixture
def confirmed(course_full, django_capture_on_commit_callbacks):
    """An import confirmed by an editor, its task not run yet (lost, or its worker killed)."""
    upload = io.BytesIO(package_bytes(course_full).getvalue())
    upload.name = "cursus.zip"
    site_emptied()
    preview = package_preview_make(upload=upload)
    # Confirmed, the task never ran: as if its message was lost with its worker.
    PackageImport.objects.filter(pk=preview.pk).update(status=JobStatus.RUNNING)
    preview.refresh_from_db()
    return preview


def killed_mid_run(row, own_upload_folder, *, lapsed=True):
    """What a worker killed mid-import leaves: its claim on the row, a staged file."""
    token = "worker-1:4242:abcdef"
    values = lease_claim_values(token)
    if lapsed:
        values["lease_expires_at"] = timezone.now() - timedelta(seconds=1)
    type(row).objects.filter(pk=row.pk).update(**values, attempts=1)
    staged = own_upload_folder / STAGED_BY_A_KILLED_RUN.format(pk=row.pk)
    staged.parent.mkdir(parents=True)
    staged.write_bytes(b"half a file")
    row.refresh_from_db()
    return row


def test_the_sweep_starts_a_stopped_import_again_and_only_its_files_remain(
    confirmed, own_upload_folder, django_capture_on_commit_callbacks
):
    killed_mid_run(confirmed, own_upload_folder)

    with django_capture_on_commit_callbacks(execute=True):
        package_jobs_sweep()

    confirmed.refresh_from_db()
    assert confirmed.status == JobStatus.READY, confirmed.problem
    assert confirmed.attempts == 2 and not confirmed.lease_token
    assert CoursePage.objects.count() == 2, "one course, in its two languages"
    names = file_names()
    assert len(names) == 5 and not any(name.startswith("staging/") for name in names)
    files = stored_files(own_upload_folder)
    assert not [name for name in files if name.startswith("staging/")]
    assert sorted(name for name in files if name in names) == names
    assert not confirmed.file, "the upload is removed once imported"


def test_the_sweep_leaves_an_import_a_worker_holds(
    confirmed, own_upload_folder, django_capture_on_commit_callbacks
):
    killed_mid_run(confirmed, own_upload_folder, lapsed=False)

    with django_capture_on_commit_callbacks(execute=True):
        package_jobs_sweep()

    confirmed.refresh_from_db()
    assert confirmed.status == JobStatus.RUNNING and confirmed.attempts == 1
    assert (own_upload_folder / STAGED_BY_A_KILLED_RUN.format(pk=confirmed.pk)).exists()
    assert not CoursePage.objects.exists()


def test_the_sweep_deletes_the_staged_files_of_an_import_that_is_gone(
    confirmed, own_upload_folder, django_capture_on_commit_callbacks
):
    killed_mid_run(confirmed, own_upload_folder)
    PackageImport.objects.filter(pk=confirmed.pk).delete()

    with django_capture_on_commit_callbacks(execute=True):
        package_jobs_sweep()

    assert not any((own_upload_folder / "staging").rglob("*.*"))


def test_an_export_whose_worker_stopped_ends_ready_with_one_file(
    course_full, own_upload_folder, django_capture_on_commit_callbacks
):
    export = package_export_request(course=course_full)  # its task never ran (no commit here)
    killed_mid_run(export, own_upload_folder)

    with django_capture_on_commit_callbacks(execute=True):
        package_jobs_sweep()

    export.refresh_from_db()
    assert export.status == JobStatus.READY, export.problem
    assert export.file.name.startswith("packages/")
    assert stored_files(own_upload_folder / "packages") == [export.file.name.split("/", 1)[1]]
    assert not any((own_upload_folder / "staging").rglob("*.*"))


def test_a_stopped_import_can_be_discarded_once_its_lease_lapsed(
    moderator,  # noqa: F811
    confirmed,
    own_upload_folder,
):
    killed_mid_run(confirmed, own_upload_folder, lapsed=False)
    page = moderator.get(reverse("course_packages:preview", args=[confirmed.pk])).content
    assert reverse("course_packages:discard", args=[confirmed.pk]).encode() not in page

    response = moderator.post(reverse("course_packages:discard", args=[confirmed.pk]))

    assert PackageImport.objects.filter(pk=confirmed.pk).exists(), "a worker holds it"
    page = moderator.get(response.url).content.decode()
    assert "Een achtergrondproces importeert dit pakket nu" in page

    PackageImport.objects.filter(pk=confirmed.pk).update(
        lease_expires_at=timezone.now() - timedelta(seconds=1)
    )
    page = moderator.get(reverse("course_packages:preview", args=[confirmed.pk])).content
    assert "gestopt" in page.decode()
    assert reverse("course_packages:discard", args=[confirmed.pk]).encode() in page

    moderator.post(reverse("course_packages:discard", args=[confirmed.pk]))

    assert not PackageImport.objects.filter(pk=confirmed.pk).exists()
    assert not (own_upload_folder / confirmed.file.name).exists(), "the upload is gone"
    assert not [name for name in stored_files(own_upload_folder) if name.startswith("staging/")]


def test_a_database_out_of_reach_is_tried_again_and_the_import_is_done_once(
    confirmed, monkeypatch, retries_here, django_capture_on_commit_callbacks
):
    apply = services.package_apply
    calls = []

    def unreachable_once(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return apply(**kwargs)

    monkeypatch.setattr(services, "package_apply", unreachable_once)

    with django_capture_on_commit_callbacks(execute=True):
        package_import_task.apply(args=[confirmed.pk])

    confirmed.refresh_from_db()
    assert confirmed.status == JobStatus.READY, confirmed.problem
    assert confirmed.attempts == 2
    assert CoursePage.objects.count() == 2


def test_a_problem_that_lasts_fails_the_import_after_its_attempts(
    confirmed, monkeypatch, retries_here, django_capture_on_commit_callbacks
):
    def unreachable(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "package_apply", unreachable)

    with django_capture_on_commit_callbacks(execute=True):
        result = package_import_task.apply(args=[confirmed.pk])

    assert isinstance(result.result, OperationalError)
    confirmed.refresh_from_db()
    assert confirmed.status == JobStatus.FAILED
    assert confirmed.attempts == ATTEMPTS_MAX
    assert "technisch" in confirmed.problem
    assert not confirmed.file and not CoursePage.objects.exists()


def test_the_retry_policy_is_for_problems_of_the_moment_only():
    from courses.packaging.schema import PackageRefused
    from courses.packaging.tasks import package_export_task

    for task in (package_import_task, package_export_task):
        assert OperationalError in task.autoretry_for
        assert not issubclass(PackageRefused, task.autoretry_for)
        assert task.retry_backoff and task.retry_backoff_max == 600
        assert task.max_retries == ATTEMPTS_MAX - 1


def test_exports_are_written_in_place_with_nothing_left_staged(
    course_full, own_upload_folder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = package_export_request(course=course_full)

    export.refresh_from_db()
    assert export.status == JobStatus.READY and export.file.name.startswith("packages/")
    assert stored_files(own_upload_folder / "packages") == [export.file.name.split("/", 1)[1]]
    assert not any((own_upload_folder / "staging").rglob("*.*"))
    assert not PackageExport.objects.exclude(lease_token="").exists()
