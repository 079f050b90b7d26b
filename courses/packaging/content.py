"""The shape of content.json, checked before any row is written.

Only the structure is checked here (types, references between tables, page tree, known field
names); the values themselves go through the models' own validation when the pages are saved,
inside the import's transaction.
"""

import posixpath
import uuid

from django.utils.translation import gettext as _

from wagtail.images.utils import get_allowed_image_extensions

from elearning.core.models import Sector

from . import schema
from .richtext import links_unsafe
from .schema import PackageRefused
from .streams import stream_references, stream_rewrite

TABLES = {
    # table: (kind of its file, the string fields each row must have)
    "themes": (None, ("key", "locale", "slug", "name", "description")),
    "trainers": (None, ("slug", "name", "role", "organisation", "bio")),
    "images": ("image", ("title", "alt_text", "file")),
    "documents": ("document", ("title", "file")),
    "media": ("media", ("title", "type", "file")),
}
REFERENCE_TABLES = {"image": "images", "document": "documents", "media": "media"}


def content_check(content, files, *, stream_blocks):
    """Refuse content.json unless every table, reference and page is well formed.

    `files` is the manifest's {path: entry}; `stream_blocks` gives the block definition of a
    page type's StreamField: {(type, field): block}.
    """
    ids = {table: _table_check(content, table, files) for table in TABLES}
    for asset in content["media"]:
        _captions_check(asset, files)
    for trainer in content["trainers"]:
        photo = trainer.get("photo")
        if photo is not None and (not _is_id(photo) or photo not in ids["images"]):
            raise _broken(_("trainer %(name)s") % {"name": trainer["slug"]})
    pages = content.get("pages")
    if not isinstance(pages, list) or not pages:
        raise PackageRefused(_("content.json holds no pages."))
    page_ids = _pages_check(pages)
    for page in pages:
        _fields_check(page, ids, page_ids, stream_blocks)


def stream_blocks():
    """The block definition of every StreamField a package may carry, by (type, field)."""
    from django.apps import apps

    found = {}
    for name, spec in schema.PAGE_TYPES.items():
        model = apps.get_model(spec["model"])
        for stream in spec["streams"]:
            found[(name, stream)] = model._meta.get_field(stream).stream_block
    return found


def _table_check(content, table, files):
    rows = content.get(table)
    kind, text_fields = TABLES[table]
    if not isinstance(rows, list):
        raise PackageRefused(_("content.json has no list of %(table)s.") % {"table": table})
    ids = set()
    for row in rows:
        if not isinstance(row, dict) or not _is_id(row.get("id")) or row["id"] in ids:
            raise PackageRefused(
                _("content.json has a broken row in %(table)s.") % {"table": table}
            )
        if not all(isinstance(row.get(name), str) for name in text_fields):
            raise PackageRefused(
                _("content.json has a broken row in %(table)s.") % {"table": table}
            )
        if kind and _file_kind(files, row["file"]) != kind:
            raise _broken(_("%(table)s row %(id)s") % {"table": table, "id": row["id"]})
        if kind == "image" and not _image_names_allowed(row):
            raise PackageRefused(
                _("content.json gives the image %(title)s a file name no image may have.")
                % {"title": row["title"][:100]}
            )
        ids.add(row["id"])
    return ids


def _image_names_allowed(row):
    """The stored file keeps one of these names, and a web server serves it by its extension
    (an image named .html is a web page). Documents, recordings and captions have their
    extensions checked by their models; Wagtail's image model leaves that to its form."""
    allowed = {extension.lower() for extension in get_allowed_image_extensions()}
    names = [row["file"], *([row["filename"]] if isinstance(row.get("filename"), str) else [])]
    return all(posixpath.splitext(name)[1][1:].lower() in allowed for name in names)


def _captions_check(asset, files):
    captions = asset.get("captions")
    if not isinstance(captions, list):
        raise PackageRefused(_("content.json has a broken row in %(table)s.") % {"table": "media"})
    for caption in captions:
        if (
            not isinstance(caption, dict)
            or not isinstance(caption.get("language"), str)
            or _file_kind(files, caption.get("file")) != "caption"
        ):
            raise _broken(_("the captions of %(title)s") % {"title": asset["title"]})


def _pages_check(pages):
    """One course page per language, every other page a child of the course in its language."""
    courses, seen, ids = {}, set(), set()
    for page in pages:
        if not isinstance(page, dict) or not _is_name(page.get("type"), schema.PAGE_TYPES):
            raise PackageRefused(_("content.json has a page of an unknown type."))
        if (
            not _is_id(page.get("id"))
            or page["id"] in ids
            or not isinstance(page.get("fields"), dict)
            or not isinstance(page.get("locale"), str)
        ):
            raise PackageRefused(_("content.json has a broken page."))
        try:
            key = str(uuid.UUID(page["key"]))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise PackageRefused(_("content.json has a page without a valid key.")) from error
        if key != page["key"]:  # the importer matches keys as text: one spelling only
            raise PackageRefused(_("content.json has a page without a valid key."))
        identity = (key, page["locale"])
        if identity in seen:
            raise PackageRefused(_("content.json has the same page twice in one language."))
        seen.add(identity)
        ids.add(page["id"])
        if page["type"] == "course":
            courses[page["id"]] = page
    _tree_check(pages, courses)
    return ids


def _tree_check(pages, courses):
    if not courses or len({page["key"] for page in courses.values()}) != 1:
        raise PackageRefused(
            _("content.json must hold exactly one course (in one or more languages).")
        )
    for page in pages:
        if page["type"] == "course":
            continue
        parent = courses.get(page["parent"]) if _is_id(page.get("parent")) else None
        if parent is None or parent["locale"] != page["locale"]:
            raise PackageRefused(
                _("content.json has a page outside its course: %(title)s.")
                % {"title": str(page["fields"].get("title"))[:100]}
            )


def _fields_check(page, ids, page_ids, stream_blocks):
    spec = schema.PAGE_TYPES[page["type"]]
    fields = page["fields"]
    allowed = {
        *schema.COMMON_FIELDS,
        *spec["fields"],
        *spec["streams"],
        *spec["files"],
        *spec["relations"],
    }
    unknown = set(fields) - allowed
    if unknown:
        raise PackageRefused(
            _("content.json sets fields a package may not set: %(fields)s.")
            % {"fields": ", ".join(sorted(map(str, unknown)))[:200]}
        )
    if not isinstance(fields.get("title"), str) or not isinstance(fields.get("slug"), str):
        raise PackageRefused(_("content.json has a page without a title or slug."))
    where = fields["title"][:100]
    for name in spec.get("numbers", ()):
        value = fields.get(name, 0)
        if isinstance(value, bool) or not isinstance(value, int):
            raise PackageRefused(
                _("content.json gives %(field)s on %(page)s as something else than a whole number.")
                % {"field": name, "page": where}
            )
    for name, kind in spec["files"].items():
        value = fields.get(name)
        if value is not None and (not _is_id(value) or value not in ids[REFERENCE_TABLES[kind]]):
            raise _broken(where)
    for name, table in spec["relations"].items():
        _relation_check(fields.get(name, []), table, ids, where)
    for name in spec["streams"]:
        if not isinstance(fields.get(name, []), list):
            raise PackageRefused(
                _("content.json has broken content on %(page)s.") % {"page": where}
            )
        block = stream_blocks[(page["type"], name)]
        for kind, target in stream_references(block, fields.get(name, [])):
            known = page_ids if kind == "page" else ids[REFERENCE_TABLES[kind]]
            if target not in known:
                raise _broken(where)
        _links_check(block, fields.get(name, []), where)


def _links_check(block, value, where):
    """Refuse a link the editor would not make: `javascript:`, `data:`, any scheme but web,
    mail and phone addresses (links within the site and the page are fine)."""

    def check(_block, html):
        unsafe = links_unsafe(html)
        if unsafe:
            raise PackageRefused(
                _(
                    "content.json has a link that is not a web, mail or phone address "
                    "(in %(where)s): %(url)s"
                )
                % {"where": where, "url": unsafe[0][:100]}
            )
        return html

    stream_rewrite(block, value, lambda kind, old_id: old_id, rich_text=check)


def _relation_check(values, table, ids, where):
    if not isinstance(values, list):
        raise _broken(where)
    if table == "sector":
        known = set(Sector.Code.values)
    else:
        known = ids["themes" if table == "theme" else "trainers"]
    if any(not (_is_id(value) or isinstance(value, str)) or value not in known for value in values):
        raise _broken(where)


def _file_kind(files, path):
    entry = files.get(path) if isinstance(path, str) else None
    return entry["kind"] if entry else None


def _is_id(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_name(value, names):
    return isinstance(value, str) and value in names


def _broken(where):
    return PackageRefused(
        _("content.json refers to something the package does not hold (in %(where)s).")
        % {"where": where}
    )
