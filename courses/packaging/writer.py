"""The writing half of an import, in the order references need: files (stored.py), themes and
trainers, pages, then links between pages, then the package record.

Runs inside the import's transaction (importer.py). A dry run (the preview, `--dry-run`) is the
same writing with nothing stored and the transaction rolled back, so it refuses exactly what
the import refuses. Every value goes through what the admin form runs: each page's
`full_clean()`, each StreamField block's `clean()`, and rich text reduced to what the editor
produces (richtext.py). Pages land as drafts submitted to their moderation workflow; an
administrator may publish them at once instead.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.blocks.base import get_error_json_data
from wagtail.models import Page

from courses.models import (
    CoursePackage,
    LibraryPage,
    PackageFile,
    PackageOrigin,
    Theme,
    Trainer,
)
from elearning.core.models import Sector

from . import schema
from .changes import page_changes_find, page_values
from .content import stream_blocks
from .richtext import rich_text_reduce
from .stored import ImportedFiles
from .streams import stream_rewrite


class ImportWriter:
    def __init__(self, *, package, report, user=None, dry_run=False, publish=False, staging=None):
        self.package = package
        self.report = report
        self.user = user
        self.dry_run = dry_run
        self.publish = publish and not dry_run
        self.current = ""  # what is being written, for an error message
        self.files = ImportedFiles(
            package=package, report=report, writer=self, dry_run=dry_run, staging=staging
        )
        self.ids = {table: {} for table in ("themes", "trainers")}
        self.pages = {}  # package page id -> page on this site
        self.before = {}  # package page id -> (type, content) of a page this site had
        self.unchanged = set()  # package page ids of pages the package leaves as they are

    def write(self, *, installed, existing, locales):
        self.installed, self.existing, self.locales = installed, existing, locales
        self.blocks = stream_blocks()
        self.files.write(installed=installed)
        self.ids.update(self.files.ids)
        self._themes()
        self._trainers()
        ordered = sorted(self.package.content["pages"], key=lambda p: p["type"] != "course")
        for page in ordered:
            if page["locale"] in locales:
                self._page_write(page)
        self._links_complete(ordered)
        self._revisions_save()
        if self.publish:
            for page in stale_pages(self.package, existing):
                page.unpublish(user=self.user)
        elif not self.dry_run:
            self._moderation_start()
        self._package_save()

    def files_delete(self):
        self.files.delete()

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

    def _saved(self, instance):
        instance.full_clean()
        instance.save()
        return instance

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
        before = page_values(page, row["type"], self.blocks) if page.pk else None
        if page.pk:
            self.before[row["id"]] = (row["type"], self._content(_latest(page), row["type"]))
        for name in (*schema.COMMON_FIELDS, *spec["fields"]):
            if name in fields:
                setattr(page, name, _value(name, fields[name]))
        if page.pk:
            # The address this site gave the page when it first arrived (another page may hold
            # the package's own), unless the package's is free now.
            page.slug = _free_slug(page.get_parent(), page.slug, page=page)
        for name in spec["streams"]:
            setattr(page, name, self._stream(row["type"], name, fields.get(name, [])))
        for name, kind in spec["files"].items():
            target = self.ids[
                {"image": "images", "document": "documents", "media": "media"}[kind]
            ].get(fields.get(name))
            setattr(page, name, target)
        for name, table in spec["relations"].items():
            getattr(page, name).set(self._related(table, fields.get(name, [])))
        self._streams_clean(page, row["type"])
        if before is not None:
            self._changes_note(row, before, page_values(page, row["type"], self.blocks))
        if page.pk is None:
            self._page_place(page, row)
            self._revision_save(page, log_action=True)
        else:
            self.report.course_id = self.report.course_id or (
                page.pk if row["type"] == "course" else None
            )
        self.pages[row["id"]] = page

    def _streams_clean(self, page, type_name):
        """Each StreamField through its blocks' own clean(), as the admin form does."""
        errors = {}
        for name in schema.PAGE_TYPES[type_name]["streams"]:
            try:
                setattr(page, name, self.blocks[(type_name, name)].clean(getattr(page, name)))
            except ValidationError as error:
                errors[name] = block_messages(error) or error.messages
        if errors:
            raise ValidationError(errors)

    def _revisions_save(self):
        """A revision for each page this site had that the package changes, once its links are
        complete; a page it leaves as it is gets none (and so no moderation either)."""
        for package_id, (type_name, before) in self.before.items():
            page = self.pages[package_id]
            if self._content(page, type_name) != before:
                self._revision_save(page, log_action=True)
                continue
            self.unchanged.add(package_id)
            if self.publish and page.has_unpublished_changes:
                page.get_latest_revision().publish(user=self.user)  # its draft is this version

    def _content(self, page, type_name):
        """What the import writes on a page, as stored (block ids left out: a package may
        carry list items without them, which then get new ones at every import)."""
        spec = schema.PAGE_TYPES[type_name]
        content = {name: getattr(page, name) for name in (*schema.COMMON_FIELDS, *spec["fields"])}
        for name in spec["streams"]:
            stream = self.blocks[(type_name, name)].get_prep_value(getattr(page, name))
            content[name] = _without_ids(stream)
        for name in spec["files"]:
            content[name] = getattr(page, page._meta.get_field(name).attname)
        for name in spec["relations"]:
            content[name] = sorted(item.pk for item in getattr(page, name).all())
        return content

    def _revision_save(self, page, **kwargs):
        revision = page.save_revision(user=self.user, **kwargs)
        if self.publish:
            revision.publish(user=self.user)

    def _changes_note(self, row, before, after):
        changes = page_changes_find(before, after)
        for listed in self.report.updated:
            if (listed.get("key"), listed["language"]) == (row["key"], row["locale"]):
                listed["changes"] = changes

    def _moderation_start(self):
        """Every page the import wrote goes to review in the workflow that applies to it."""
        for package_id, page in self.pages.items():
            if package_id in self.unchanged:
                continue
            workflow = page.get_workflow()
            if workflow is None:
                self.report.warnings.append(
                    _("No moderation workflow applies to %(title)s; it stays a draft.")
                    % {"title": page.title[:100]}
                )
            elif not page.workflow_in_progress:
                workflow.start(page, self.user)

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

        def reduce(rich_block, html):
            return rich_text_reduce(html, block=rich_block)

        return stream_rewrite(block, raw, remap, rich_text=reduce)

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
            self._streams_clean(page, row["type"])
            if row["id"] not in self.before:  # a page this site had: saved once, afterwards
                self._revision_save(page)

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
        # The version visitors see is recorded once its pages are published; drafts in
        # moderation make it the version pending (package_version_settle records it later).
        waiting = not self.publish and any(p.has_unpublished_changes for p in self.pages.values())
        if waiting:
            package.version_pending = self.package.version
        else:
            package.version, package.version_pending = self.package.version, None
        self.report.waiting = waiting
        package.origin = PackageOrigin.IMPORTED
        package.source = source[:255]
        package.collection = self.files.collection
        package.save()
        # The same bytes may have become a new object (a changed title, other captions):
        # the next version reuses the newest.
        rows = {(row.kind, row.sha256): row for row in self.files.file_rows}
        for row in rows.values():
            row.package = package
        PackageFile.objects.bulk_create(
            list(rows.values()),
            update_conflicts=True,
            unique_fields=["package", "kind", "sha256"],
            update_fields=["object_id"],
        )


def _value(name, value):
    if name == "starts_at" and isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError as error:
            raise ValidationError({name: _("Enter a valid date and time.")}) from error
    return value


def _latest(page):
    """The page as its latest revision has it: a draft waiting for moderation included."""
    return page.get_latest_revision_as_object() if page.has_unpublished_changes else page


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def block_messages(error):
    """Every message of a StreamField error, its blocks' included, for the editor to read."""
    found = []

    def collect(data):
        if isinstance(data, dict):
            for key, value in data.items():
                if key == "messages":
                    found.extend(str(message) for message in value)
                else:
                    collect(value)
        elif isinstance(data, list):
            for item in data:
                collect(item)

    collect(get_error_json_data(error))
    return list(dict.fromkeys(found))


def _free_slug(parent, slug, page=None):
    """`slug`, or `slug-2`, `slug-3`...: the first that no other child of `parent` holds."""
    siblings = parent.get_children().exclude(pk=page.pk) if page else parent.get_children()
    candidate, number = slug, 1
    while siblings.filter(slug=candidate).exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


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
