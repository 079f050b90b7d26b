"""Exports and imports as they run in production: a Celery worker (real in the integration
run) writing to and reading from object storage (moto's S3 server)."""

import hashlib
import io
import zipfile

import pytest

from django.db import transaction

from courses.models import CoursePage, JobStatus, PackageExport, PackageImport
from courses.packaging.archive import package_archive_open
from courses.packaging.schema import PackageRefused
from courses.packaging.services import (
    package_export_request,
    package_import_confirm,
    package_preview_make,
)
from media.models import CustomDocument
from tests.object_storage import bucket_keys
from tests.waiting import eventually

from .conftest import package_bytes, site_emptied

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
]


def settled(row, timeout=60):

    def done():
        row.refresh_from_db()
        return row.status in (JobStatus.READY, JobStatus.FAILED)

    eventually(done, timeout=timeout, message=lambda: f"{row} still {row.status}")
    return row


def named(content, name):
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def test_a_worker_exports_into_object_storage(s3_storage, celery_worker_real, course_full):
    with transaction.atomic():
        export = package_export_request(course=course_full)

    export = settled(export)
    eventually(
        lambda: not [key for key in bucket_keys(s3_storage) if key.startswith("staging/")],
        timeout=60,
        message="the export left under staging/",
    )
    export.refresh_from_db()

    assert export.status == JobStatus.READY, export.problem
    assert export.file.name in bucket_keys(s3_storage)
    with export.file.open("rb") as stream:
        body = stream.read()
    assert hashlib.sha256(body).hexdigest() == export.sha256 and len(body) == export.size
    package = package_archive_open(io.BytesIO(body))
    assert package.version == 1 and len(package.files) == 5
    package.close()


def test_a_worker_imports_from_object_storage(s3_storage, celery_worker_real, course_full):
    with CustomDocument.objects.get().file.open("rb") as stream:
        document_sha = hashlib.sha256(stream.read()).hexdigest()
    body = package_bytes(course_full).getvalue()
    site_emptied()
    before = set(bucket_keys(s3_storage))

    preview = package_preview_make(upload=named(body, "cursus.zip"))
    with transaction.atomic():
        assert package_import_confirm(package_import=preview)

    preview = settled(preview)
    assert preview.status == JobStatus.READY, preview.problem
    # The files move from the staging prefix to their places once the import committed, and
    # the upload goes.
    eventually(
        lambda: (
            not [
                key
                for key in bucket_keys(s3_storage)
                if key.startswith(("staging/", "package_uploads/"))
            ]
        ),
        timeout=60,
        message="files left under staging/ or the upload kept",
    )
    assert CoursePage.objects.count() == 2, "imported as drafts, for moderation"
    with CustomDocument.objects.get().file.open("rb") as stream:
        assert hashlib.sha256(stream.read()).hexdigest() == document_sha
    after = set(bucket_keys(s3_storage))
    assert preview.file.name not in after, "the upload is removed once imported"
    # The imported recording is processed like an upload; its outputs come on top.
    made = {key for key in after - before if not key.startswith(("media_web/", "media_posters/"))}
    assert len(made) == 5, "one stored object per package file"


def test_a_refused_upload_leaves_the_bucket_as_it_was(s3_storage, course_full):
    original = zipfile.ZipFile(package_bytes(course_full))
    changed = io.BytesIO()
    with zipfile.ZipFile(changed, "w") as archive:
        for name in original.namelist():
            data = original.read(name)
            # The document was changed after the export: its checksum no longer matches.
            archive.writestr(name, data.replace(b"Catalog", b"Katalog"))
    before = bucket_keys(s3_storage)

    with pytest.raises(PackageRefused, match="checksum|controlesom"):
        package_preview_make(upload=named(changed.getvalue(), "cursus.zip"))

    assert bucket_keys(s3_storage) == before
    assert not PackageImport.objects.exists() and not PackageExport.objects.exists()
