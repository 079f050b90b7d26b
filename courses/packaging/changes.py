"""What an import changes on a page this site has already: shown in the preview before the
editor confirms, field by field (a title before and after, the lines of content that go and
come: texts, questions, answers and which answer is right).

Both sides are read the same way, from the page as it stands and from the same page with the
package's values set (remapped and reduced, as they would be stored).
"""

from django.utils.html import strip_tags

from wagtail import blocks

from . import schema

MAX_LINES = 20  # per field and direction; the preview says how many more
MAX_TEXT = 300


def page_values(page, type_name, stream_blocks):
    """{field name: (label, value)}: a text for plain fields, a list of lines for content."""
    spec = schema.PAGE_TYPES[type_name]
    values = {}
    for name in (*schema.COMMON_FIELDS, *spec["fields"]):
        value = getattr(page, name)
        values[name] = (_label(page, name), _text(value.isoformat() if _is_date(value) else value))
    for name in spec["streams"]:
        stream = getattr(page, name)
        raw = list(stream.raw_data) if hasattr(stream, "raw_data") else list(stream or [])
        values[name] = (_label(page, name), _stream_lines(stream_blocks[(type_name, name)], raw))
    for name in spec["files"]:
        values[name] = (_label(page, name), _text(getattr(page, name) or ""))
    for name in spec["relations"]:
        related = sorted(str(item) for item in getattr(page, name).all())
        values[name] = (_label(page, name), _text(", ".join(related)))
    return values


def page_changes_find(before, after):
    """The fields that differ, each with its label and what goes and comes."""
    changes = []
    for name, (label, new) in after.items():
        old = before.get(name, (label, None))[1]
        if old == new:
            continue
        if isinstance(new, list):
            removed = [line for line in old or [] if line not in new]
            added = [line for line in new if line not in (old or [])]
            changes.append(
                {
                    "field": label,
                    "removed": removed[:MAX_LINES],
                    "added": added[:MAX_LINES],
                    "more": max(0, len(removed) - MAX_LINES) + max(0, len(added) - MAX_LINES),
                }
            )
        else:
            changes.append({"field": label, "before": old, "after": new})
    return changes


def _label(page, name):
    return str(page._meta.get_field(name).verbose_name)


def _is_date(value):
    return hasattr(value, "isoformat")


def _text(value):
    return str(value)[:MAX_TEXT]


def _stream_lines(block, raw):
    lines = []
    for child in raw:
        if not isinstance(child, dict) or child.get("type") not in block.child_blocks:
            continue
        child_block = block.child_blocks[child["type"]]
        words = " · ".join(part for part in _leaves(child_block, child.get("value")) if part)
        lines.append(_text(f"{child_block.label}: {words}"))
    return lines


def _leaves(block, value):
    """The words a block shows, in order; a checked box (the correct answer) by its label."""
    if isinstance(block, blocks.StreamBlock):
        return _stream_lines(block, value if isinstance(value, list) else [])
    if isinstance(block, blocks.StructBlock):
        value = value if isinstance(value, dict) else {}
        return [
            part
            for name, child in block.child_blocks.items()
            for part in _leaves(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        items = value if isinstance(value, list) else []
        return [
            part
            for item in items
            for part in _leaves(
                block.child_block,
                item["value"] if isinstance(item, dict) and item.get("type") == "item" else item,
            )
        ]
    if isinstance(block, blocks.RichTextBlock):
        return [strip_tags(value or "").strip()]
    if isinstance(block, blocks.BooleanBlock):
        return [f"[{block.label}]"] if value else []
    if isinstance(block, blocks.ChooserBlock):
        chosen = block.to_python(value) if value is not None else None
        return [f"{block.label}: {chosen}"] if chosen is not None else []
    return [] if value in (None, "") else [str(value)]
