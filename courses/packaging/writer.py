"""The writing half of an import: rows and files, in the order their references need.

Runs inside the import's transaction (importer.package_apply). Every file stored is
remembered so that a failure anywhere can delete them again: the database rolls back by
itself, storage does not.
"""

import os
import shutil
import tempfile
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from courses.models import (
    CoursePackage,
    LibraryPage,
    PackageFile,
    PackageOrigin,
    Theme,
    Trainer,
)
from elearning.core.models import Sector
from media.captions import captions_check
from media.models import MediaAsset, MediaCaption

from . import schema
from .content import stream_blocks
from .streams import stream_rewrite

SPOOL_BYTES = 8 * 1024**2  # files up to this size stay in memory while they are stored
PACKAGES_COLLECTION = "Course packages"


class ImportWriter:
    def __init__(self, *, package, report, user=None):
        self.package = package
        self.report = report
        self.user = user
        self.stored = []  # storage names written so far
        self.current = ""  # what is being written, for an error message
        self.ids = {table: {} for table in ("images", "documents", "media", "themes", "trainers")}
        self.pages = {}  # package page id -> page on this site
        self.file_rows = []

    def write(self, *, installed, existing, locales):
        self.installed, self.existing, self.locales = installed, existing, locales
        self.blocks = stream_blocks()
        self.collection = installed.collection if installed and installed.collection else None
        self.collection = self.collection or self._collection_make()
        self._files()
        self._themes()
        self._trainers()
        ordered = sorted(self.package.content["pages"], key=lambda p: p["type"] != "course")
        for page in ordered:
            if page["locale"] in locales:
                self._page_write(page)
        self._links_complete(ordered)
        for page in stale_pages(self.package, existing):
            page.unpublish(user=self.user)
        self._package_save()

    def files_delete(self):
        for name, storage in self.stored:
            storage.delete(name)
        self.stored = []

    # Files -------------------------------------------------------------------------------------

    def _collection_make(self):
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
        self.current = row["title"][:100]
        model = {"image": get_image_model(), "document": get_document_model(), "media": MediaAsset}[
            kind
        ]
        found = self._earlier(kind, entry, model)
        if found is not None:
            found.title = row["title"][:255]
            if kind == "image":
                found.alt_text = row["alt_text"][:255]
            found.full_clean(exclude=["file"])
            found.save()
            return found
        with self._spooled(entry, row.get("filename")) as upload:
            instance = make(row, upload)
        self._remember(kind, entry, instance, instance.file)
        return instance

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
        image._set_image_file_metadata()
        return self._saved(image)

    def _document_make(self, row, upload):
        document = get_document_model()(title=row["title"], collection=self.collection, file=upload)
        document._set_document_file_metadata()
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
        self.current = _("the %(language)s captions of %(title)s") % {
            "language": row["language"],
            "title": asset.title,
        }
        with self.package.open(entry["path"]) as stream:
            raw = stream.read(entry["size"] + 1)
        cue_count = captions_check(raw)
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
        instance.save()
        return instance

    def _remember(self, kind, entry, instance, stored_file):
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

    # Snippets ----------------------------------------------------------------------------------

    def _themes(self):
        for row in self.package.content["themes"]:
            locale = self.locales.get(row["locale"])
            if locale is None:
                continue
            self.current = row["name"][:100]
            theme = (
                Theme.objects.filter(locale=locale, slug=row["slug"]).first()
                or Theme.objects.filter(locale=locale, translation_key=row["key"]).first()
            )
            if theme is None:
                theme = self._saved(
                    Theme(
                        translation_key=row["key"],
                        locale=locale,
                        slug=row["slug"],
                        name=row["name"],
                        description=row["description"],
                    )
                )
            self.ids["themes"][row["id"]] = theme

    def _trainers(self):
        for row in self.package.content["trainers"]:
            self.current = row["name"][:100]
            trainer = Trainer.objects.filter(slug=row["slug"]).first()
            if trainer is None:
                photo = self.ids["images"].get(row.get("photo"))
                fields = {
                    name: row[name] for name in ("slug", "name", "role", "organisation", "bio")
                }
                trainer = self._saved(Trainer(**fields, photo=photo))
            self.ids["trainers"][row["id"]] = trainer

    # Pages -------------------------------------------------------------------------------------

    def _page_write(self, row):
        from django.apps import apps

        spec = schema.PAGE_TYPES[row["type"]]
        model = apps.get_model(spec["model"])
        fields = row["fields"]
        self.current = f"{fields['title'][:100]} ({row['locale']})"
        page = self.existing.get((row["key"], row["locale"]))
        page = (
            page.specific
            if page
            else model(translation_key=row["key"], locale=self.locales[row["locale"]])
        )
        for name in (*schema.COMMON_FIELDS, *spec["fields"]):
            if name in fields:
                setattr(page, name, _value(model, name, fields[name]))
        for name in spec["streams"]:
            setattr(page, name, self._stream(row["type"], name, fields.get(name, [])))
        for name, kind in spec["files"].items():
            target = self.ids[
                {"image": "images", "document": "documents", "media": "media"}[kind]
            ].get(fields.get(name))
            setattr(page, name, target)
        for name, table in spec["relations"].items():
            getattr(page, name).set(self._related(table, fields.get(name, [])))
        if page.pk is None:
            self._page_place(page, row)
        else:
            self.report.course_id = self.report.course_id or (
                page.pk if row["type"] == "course" else None
            )
        page.save_revision(user=self.user, log_action=True).publish(user=self.user)
        self.pages[row["id"]] = page

    def _page_place(self, page, row):
        if row["type"] == "course":
            parent = (
                LibraryPage.objects.filter(locale=self.locales[row["locale"]])
                .order_by("path")
                .first()
            )
        else:
            parent = self.pages[row["parent"]]
        page.slug = _free_slug(parent, page.slug)
        page.live = False
        # A page saved as a draft gets Wagtail's minimal checks only; the import needs all
        # of them (field validators, the module's rules) before the row exists.
        page.full_clean(exclude=["path", "depth", "url_path"])
        parent.add_child(instance=page)
        if row["type"] == "course" and self.report.course_id is None:
            self.report.course_id = page.pk

    def _stream(self, type_name, name, raw):
        block = self.blocks[(type_name, name)]
        tables = {"image": "images", "document": "documents", "media": "media"}

        def remap(kind, old_id):
            if kind == "page":
                page = self.pages.get(old_id)
                return page.pk if page else None
            target = self.ids[tables[kind]].get(old_id)
            return target.pk if target else None

        return stream_rewrite(block, raw, remap)

    def _links_complete(self, rows):
        """Links to pages written after the page holding them: rewrite once all exist."""
        for row in rows:
            if row["locale"] not in self.locales:
                continue
            spec = schema.PAGE_TYPES[row["type"]]
            linked = any(
                'linktype="page"' in str(row["fields"].get(name)) for name in spec["streams"]
            )
            if not linked:
                continue
            page = self.pages[row["id"]]
            for name in spec["streams"]:
                setattr(page, name, self._stream(row["type"], name, row["fields"].get(name, [])))
            page.save_revision(user=self.user).publish(user=self.user)

    def _related(self, table, values):
        if table == "sector":
            return list(Sector.objects.filter(code__in=values))
        found = self.ids["themes" if table == "theme" else "trainers"]
        return [found[value] for value in values if value in found]

    def _package_save(self):
        course = Page.objects.get(pk=self.report.course_id).specific
        manifest = self.package.manifest
        provenance = manifest["provenance"]
        source = " ".join(str(provenance.get(k) or "") for k in ("publisher", "site")).strip()
        package = self.installed or CoursePackage(key=self.package.key, course=course)
        package.version = self.package.version
        package.origin = PackageOrigin.IMPORTED
        package.source = source[:255]
        package.collection = self.collection
        package.save()
        for row in self.file_rows:
            row.package = package
        PackageFile.objects.bulk_create(self.file_rows, ignore_conflicts=True)


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


def _value(model, name, value):
    if name == "starts_at" and isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError as error:
            raise ValidationError({name: _("Enter a valid date and time.")}) from error
    return value


def _free_slug(parent, slug):
    candidate, number = slug, 1
    while parent.get_children().filter(slug=candidate).exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _safe_name(name):
    if not isinstance(name, str):
        return ""
    try:
        return get_valid_filename(os.path.basename(name.replace("\\", "/")))[:100]
    except Exception:  # noqa: BLE001 - Django refuses names like ".." with SuspiciousFileOperation
        return ""


def stale_pages(package, existing):
    """Live parts of the installed course that the new version no longer has."""
    identities = {(p["key"], p["locale"]) for p in package.content["pages"]}
    stale = []
    for page in existing.values():
        if page.specific_class._meta.label != "courses.CoursePage":
            continue
        for child in page.get_children().live().select_related("locale"):
            if (str(child.translation_key), child.locale.language_code) not in identities:
                stale.append(child)
    return stale
