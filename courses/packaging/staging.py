"""Files of an import or export run are written under a staging prefix and moved to their
final names once the run's transaction has committed.

A worker killed mid-import leaves its rows rolled back by the database, but storage keeps what
it wrote. Everything a run writes therefore goes under `staging/imports/<id>/<attempt>/` (or
`staging/exports/...`), with `<attempt>` naming the claim of the run: the rows of the import
point at the staged names inside its transaction; once it commits, `import_files_settle` copies
each staged file to the name its field would have given it, points the row there and deletes
the staged copy. A rolled-back run leaves only staged files, and nothing outside the staging
prefix: the next run of the same import deletes the folders of earlier attempts, and the sweep
(sweep.package_jobs_sweep) deletes the folders of imports and exports that are gone or done.

Committed rows never point into a folder the sweep deletes: it settles every committed row
still pointing at a staged name first (a worker killed between the commit and the move), row
by row under a lock, so the worker's own settling and the sweep never copy a file twice.
"""

import hashlib
import logging
import os
import time

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction

logger = logging.getLogger(__name__)

STAGING = "staging"


def import_staging_folder(import_id):
    return f"{STAGING}/imports/{import_id}"


def export_staging_folder(export_id):
    return f"{STAGING}/exports/{export_id}"


def attempt_name(token):
    """A short folder name for one claim (a lease token holds a host name and colons)."""
    return hashlib.sha256(token.encode()).hexdigest()[:10]


class FileStaging:
    """Gives the file of each row an import saves a name under the run's staging folder."""

    def __init__(self, *, folder):
        self.folder = folder
        self.count = 0

    def stage(self, instance):
        """Store the row's new file under the staging folder; the row then points there."""
        field = instance._meta.get_field("file")
        upload = instance.file.file
        name = f"{self.folder}/{os.path.basename(upload.name)}"
        instance.file = field.storage.save(name, upload, max_length=field.max_length)
        self.count += 1
        if self.count == 1:
            test_pause()


def staged_file_models():
    """The models whose files an import writes."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from media.models import MediaAsset, MediaCaption

    return [get_image_model(), get_document_model(), MediaAsset, MediaCaption]


def import_files_settle(*, folder=STAGING):
    """Move the files of committed rows still named under `folder` to their final names."""
    for model in staged_file_models():
        pks = model.objects.filter(file__startswith=f"{folder}/").values_list("pk", flat=True)
        for pk in pks:
            row_file_settle(model, pk)


def row_file_settle(model, pk, *, final_name=None):
    """Copy the staged file of one row to its final name, then point the row there.

    Under a lock on the row, checked again: two settlers (the worker, the sweep) copy once.
    A worker killed between the copy and the update leaves one stray copy; the window is the
    length of one UPDATE.
    """
    with transaction.atomic():
        row = model.objects.select_for_update().filter(pk=pk).first()
        if row is None or not row.file.name.startswith(f"{STAGING}/"):
            return
        staged, field = row.file.name, row._meta.get_field("file")
        final = field.generate_filename(row, final_name or os.path.basename(staged))
        with field.storage.open(staged, "rb") as content:
            stored = field.storage.save(final, content, max_length=field.max_length)
        model.objects.filter(pk=pk).update(file=stored)
    field.storage.delete(staged)


def folder_delete(folder, *, keep=None, storage=None):
    """Delete every file under `folder` (but those under its sub-folder `keep`)."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # the local storage: never made
        return
    for name in files:
        storage.delete(f"{folder}/{name}")
    for name in folders:
        if name != keep:
            folder_delete(f"{folder}/{name}", storage=storage)


def staged_ids(kind, storage=None):
    """The ids of the imports or exports (`kind`) that have a staging folder."""
    storage = storage or default_storage
    try:
        folders, _files = storage.listdir(f"{STAGING}/{kind}")
    except FileNotFoundError:
        return []
    return [int(name) for name in folders if name.isdigit()]


def test_pause():
    """Fault injection for tests/courses/packaging/test_worker_crash.py only: a pause after
    the first staged file of a run, so the test can kill the worker while files are staged.
    PACKAGE_TEST_PAUSE_SECONDS is set in settings/test.py alone (from its environment)."""
    pause = getattr(settings, "PACKAGE_TEST_PAUSE_SECONDS", 0)
    if pause:
        logger.warning("pausing %s s after the first staged file (test setting)", pause)
        time.sleep(pause)
