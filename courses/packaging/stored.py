"""The files of an import: images, documents, recordings and captions, stored through the
storage API and remembered, so that a failed import deletes them again (the database rolls
back by itself, storage does not); a confirmed import stores them under a staging folder,
moved in place once it commits (staging.py). A newer version of a package reuses the objects
an earlier version made for the same bytes (PackageFile). Published at once, it updates their
titles, alt texts and captions in place; in moderation it changes none of them (what a live
page shows stays as it is until the draft is approved) and makes new objects for what differs.

In a dry run every file is read and checked as in the import (its name, its metadata, captions
against the recording) and its row is written in the transaction that is rolled back, but no
byte goes to storage: the row gets the name the file would have had."""

import os
import shutil
import tempfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from courses.models import PackageFile
from elearning.core.upstream_internals import document_file_metadata_set, image_file_metadata_set
from media.captions import captions_check
from media.models import MediaAsset, MediaCaption

SPOOL_BYTES = 8 * 1024**2  # files up to this size stay in memory while they are stored
PACKAGES_COLLECTION = "Course packages"


class ImportedFiles:
    def __init__(self, *, package, report, writer, dry_run=False, staging=None):
        self.package = package
        self.staging = staging  # a FileStaging (staging.py): files go under its folder
        self.report = report
        self.writer = writer  # told what is being written, for an error message
        self.dry_run = dry_run
        self.stored = []  # (name, storage) written so far
        self.file_rows = []  # PackageFile rows to keep once the package row exists
        self.ids = {table: {} for table in ("images", "documents", "media")}

    def write(self, *, installed):
        self.installed = installed
        self.collection = installed.collection if installed and installed.collection else None
        self.collection = self.collection or self._collection_make()
        self._files()

    def delete(self):
        for name, storage in self.stored:
            storage.delete(name)
        self.stored = []

    def _collection_make(self):
        """A collection per imported course, under "Course packages", for its files."""
        root = Collection.get_first_root_node()
        parent = root.get_children().filter(name=PACKAGES_COLLECTION).first()
        if parent is None:
            parent = root.add_child(name=PACKAGES_COLLECTION)
        return parent.add_child(name=self.report.title[:255])

    def _files(self):
        content = self.package.content
        for row in content["images"]:
            self.ids["images"][row["id"]] = self._file_object("image", row, self._image_make)
        for row in content["documents"]:
            self.ids["documents"][row["id"]] = self._file_object(
                "document", row, self._document_make
            )
        for row in content["media"]:
            asset = self._file_object("media", row, self._media_make)
            self.ids["media"][row["id"]] = asset
            for caption in row["captions"]:
                self._caption_write(asset, caption)

    def _file_object(self, kind, row, make):
        """The object for a package file: the one an earlier version made, else a new one."""
        entry = self.package.files[row["file"]]
        self.writer.current = row["title"][:100]
        model = {"image": get_image_model(), "document": get_document_model(), "media": MediaAsset}[
            kind
        ]
        found = self._earlier(kind, entry, model)
        if found is not None and self.writer.publish:
            found.title = row["title"][:255]
            if kind == "image":
                found.alt_text = row["alt_text"][:255]
            found.full_clean(exclude=["file"])
            found.save()
            return found
        if found is not None and self._unchanged(kind, found, row):
            return found
        with self._spooled(entry, row.get("filename")) as upload:
            instance = make(row, upload)
        self._remember(kind, entry, instance, instance.file)
        return instance

    def _unchanged(self, kind, found, row):
        """Whether the object an earlier version made already says what the package says.

        Without publishing, rows this site shows now are never changed: unreviewed text
        from another site would go live before a moderator approves it. A different title,
        alt text or set of captions makes a new object instead, which only the draft uses.
        """
        if found.title != row["title"][:255]:
            return False
        if kind == "image":
            return found.alt_text == row["alt_text"][:255]
        if kind == "media":
            return all(self._caption_kept(found, caption) for caption in row["captions"])
        return True

    def _caption_kept(self, asset, row):
        if row["language"] not in dict(MediaCaption._meta.get_field("language").choices):
            return True  # left out in any case
        entry = self.package.files[row["file"]]
        earlier = self._earlier("caption", entry, MediaCaption)
        return earlier is not None and earlier.asset_id == asset.pk

    def _earlier(self, kind, entry, model):
        if not self.installed:
            return None
        row = PackageFile.objects.filter(
            package=self.installed, kind=kind, sha256=entry["sha256"]
        ).first()
        return model.objects.filter(pk=row.object_id).first() if row else None

    def _image_make(self, row, upload):
        image = get_image_model()(
            title=row["title"], alt_text=row["alt_text"], collection=self.collection, file=upload
        )
        image_file_metadata_set(image)
        return self._saved(image)

    def _document_make(self, row, upload):
        document = get_document_model()(title=row["title"], collection=self.collection, file=upload)
        document_file_metadata_set(document)
        return self._saved(document)

    def _media_make(self, row, upload):
        values = {name: row.get(name) for name in ("duration", "width", "height")}
        asset = MediaAsset(
            title=row["title"],
            type=row["type"],
            collection=self.collection,
            file=upload,
            duration=values["duration"] if isinstance(values["duration"], (int, float)) else 0,
            width=values["width"] if isinstance(values["width"], int) else None,
            height=values["height"] if isinstance(values["height"], int) else None,
        )
        return self._saved(asset)

    def _caption_write(self, asset, row):
        entry = self.package.files[row["file"]]
        if row["language"] not in dict(MediaCaption._meta.get_field("language").choices):
            self.report.warnings.append(
                _("Captions in %(language)s are left out: this site does not offer that language.")
                % {"language": row["language"][:20]}
            )
            return
        earlier = self._earlier("caption", entry, MediaCaption)
        if earlier is not None and earlier.asset_id == asset.pk:
            return  # the same captions as the version installed
        self.writer.current = _("the %(language)s captions of %(title)s") % {
            "language": row["language"],
            "title": asset.title,
        }
        with self.package.open(entry["path"]) as stream:
            raw = stream.read(entry["size"] + 1)
        try:
            # The checks of an upload, the length of the recording included.
            cue_count = captions_check(raw, duration=asset.duration)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error
        caption = MediaCaption.objects.filter(asset=asset, language=row["language"]).first()
        if caption is not None:
            replaced, storage = caption.file.name, caption.file.storage
            transaction.on_commit(lambda: storage.delete(replaced))
        caption = caption or MediaCaption(asset=asset, language=row["language"])
        with self._spooled(entry, row.get("filename")) as upload:
            caption.file = upload
            caption.cue_count = cue_count
            self._saved(caption)
        self._remember("caption", entry, caption, caption.file)

    def _saved(self, instance):
        instance.full_clean()
        if self.dry_run:
            _storage_skipped(instance)
        elif self.staging is not None:
            self.staging.stage(instance)
        instance.save()
        return instance

    def _remember(self, kind, entry, instance, stored_file):
        if not self.dry_run:  # a dry run stored nothing, and must delete nothing
            self.stored.append((stored_file.name, stored_file.storage))
        self.file_rows.append(PackageFile(kind=kind, sha256=entry["sha256"], object_id=instance.pk))

    def _spooled(self, entry, filename=None):
        """The package file as a seekable upload named like the original (bounded memory)."""
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - _Upload closes it
        with self.package.open(entry["path"]) as stream:
            shutil.copyfileobj(stream, spool, 1024**2)
        spool.seek(0)
        name = _safe_name(filename) or _safe_name(entry["path"]) or "file"
        return _Upload(spool, name)


class _Upload(File):
    """A spooled copy of a package file that closes (and so frees) itself after use."""

    def __init__(self, spool, name):
        super().__init__(spool, name=name)
        self.size = spool.seek(0, os.SEEK_END)
        spool.seek(0)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _storage_skipped(instance):
    """Give the row the name its file would be stored under, without storing it.

    Set in the instance's own attributes: through the field's descriptor, an image field would
    read the file back from storage (for its dimensions), where a dry run put nothing.
    """
    field = instance._meta.get_field("file")
    name = field.generate_filename(instance, instance.file.name)
    vars(instance)[field.attname] = name


def _safe_name(name):
    if not isinstance(name, str):
        return ""
    try:
        return get_valid_filename(os.path.basename(name.replace("\\", "/")))[:100]
    except Exception:  # noqa: BLE001 - Django refuses names like ".." with SuspiciousFileOperation
        return ""
