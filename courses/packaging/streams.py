"""References inside StreamField data: which images, documents, recordings and pages a page
uses, and the same data with those references pointed elsewhere.

Export collects the references (to pack the files) and turns links to pages outside the
course into plain web links; import points every reference at the row it created. One walker
serves both: it follows the block definitions over the raw JSON, so it needs no database.
"""

import re

from django.utils.html import escape

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtailmedia.models import get_media_model

from elearning.core.sites import page_full_url

RICH_TEXT_TAG = re.compile(r"<(a|embed)\b([^>]*)>")
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
RICH_TEXT_KINDS = {
    ("a", "document"): "document",
    ("a", "page"): "page",
    ("embed", "image"): "image",
}


def chooser_kind(block):
    """ "image", "document", "media" or "page" for a chooser block, None for anything else."""
    if isinstance(block, blocks.PageChooserBlock):
        return "page"
    if not isinstance(block, blocks.ChooserBlock):
        return None
    target = block.model_class
    for kind, model in (
        ("image", get_image_model()),
        ("document", get_document_model()),
        ("media", get_media_model()),
    ):
        if issubclass(model, target) or issubclass(target, model):
            return kind
    return None


def stream_rewrite(block, value, replace, rich_text=None):
    """`value` (raw JSON of `block`) with every reference passed through `replace`.

    `replace(kind, old_id)` returns the new id, or None to drop the reference. Chooser values
    that are dropped become None (an empty optional chooser); rich-text links are handed over
    whole: `replace(kind, old_id)` may also return a string, which then replaces the tag.
    `rich_text(block, html)`, when given, is handed every rich text once its references are
    replaced, and returns the text to keep.
    """
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                **child,
                "value": stream_rewrite(
                    block.child_blocks[child["type"]], child.get("value"), replace, rich_text
                ),
            }
            for child in value or []
            if isinstance(child, dict) and child.get("type") in block.child_blocks
        ]
    if isinstance(block, blocks.StructBlock):
        value = value if isinstance(value, dict) else {}
        return {
            name: stream_rewrite(child, value[name], replace, rich_text)
            for name, child in block.child_blocks.items()
            if name in value
        }
    if isinstance(block, blocks.ListBlock):
        return [
            _list_item_rewrite(block.child_block, item, replace, rich_text)
            for item in _as_list(value)
        ]
    if isinstance(block, blocks.RichTextBlock):
        html = rich_text_rewrite(value if isinstance(value, str) else "", replace)
        return rich_text(block, html) if rich_text else html
    kind = chooser_kind(block)
    if kind and value is not None:
        return replace(kind, value)
    return value


def _as_list(value):
    return value if isinstance(value, list) else []


def _list_item_rewrite(child, item, replace, rich_text):
    if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
        return {**item, "value": stream_rewrite(child, item["value"], replace, rich_text)}
    return stream_rewrite(child, item, replace, rich_text)


def rich_text_rewrite(html, replace):
    """Rich text in Wagtail's stored form, with its page/document links and images replaced."""

    def one_tag(match):
        tag, attributes = match.group(1), dict(ATTRIBUTE.findall(match.group(2)))
        kind = RICH_TEXT_KINDS.get((tag, attributes.get("linktype") or attributes.get("embedtype")))
        if kind is None or "id" not in attributes:
            return match.group(0)
        new = replace(kind, _as_id(attributes["id"]))
        if isinstance(new, str):
            return new
        if new is None:
            return "<a>" if tag == "a" else ""
        return match.group(0).replace(f'id="{attributes["id"]}"', f'id="{new}"')

    return RICH_TEXT_TAG.sub(one_tag, html)


def _as_id(raw):
    return int(raw) if raw.isdigit() else raw


def stream_references(block, value):
    """{(kind, id), ...} that `value` refers to."""
    found = set()

    def collect(kind, old_id):
        # A list or an object where an id belongs refers to nothing a package can hold.
        found.add((kind, old_id if isinstance(old_id, (int, str)) else None))
        return old_id

    stream_rewrite(block, value, collect)
    return found


def page_link_outside(page_id):
    """A link to a page the package does not carry, as a plain web link to where it lives."""
    page = Page.objects.filter(pk=page_id).first()
    url = page_full_url(page) if page else None
    return f'<a href="{escape(url)}">' if url else "<a>"
