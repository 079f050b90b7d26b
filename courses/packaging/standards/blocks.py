"""A module's content blocks as static HTML for a page that runs outside the site.

The site's own block templates post answers to the server and play media from its storage; a
page inside a learning platform has neither, so each block has a standalone template in
courses/standards/blocks/ and the context it needs is prepared here: answers shown with their
feedback, media and documents pointing at the copies inside the package (or, in a thin
package, at the page on the site), links in rich text made absolute to the site.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from wagtail.rich_text import expand_db_html

from ..richtext import rich_text_reduce, web_address

# A root-relative link ("/documents/3/...") means nothing inside a package.
ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


@dataclass(frozen=True)
class Rendering:
    """What every block of one page needs to know about the package it goes into."""

    attach: Callable  # field file -> its path in the package
    media_included: bool
    language: str
    page_url: str  # the page on the site, for what a thin package links to
    site_url: str  # the site's root URL, without a trailing slash


def richtext_html(*, value, rendering, block):
    """Rich text with its internal links (pages, documents) pointing at the site.

    Reduced to what the editor of `block` produces first, whatever the database holds: the
    page runs inside a learning platform, next to its API, where no script of ours may run.
    """
    html = expand_db_html(rich_text_reduce(value.source, block=block))
    if rendering.site_url:
        html = ROOT_RELATIVE.sub(lambda match: f"{match.group(1)}{rendering.site_url}/", html)
    return mark_safe(html)


def media_context(*, asset, rendering):
    """A recording as the player needs it: files in the package, or a link to the site."""
    if not rendering.media_included:
        return {"kind": asset.type, "page_url": rendering.page_url}
    poster = asset.thumbnail or asset.poster
    return {
        "kind": asset.type,
        # The web rendition when ready (it plays everywhere), else the original, as on the site.
        "src": rendering.attach(asset.web_file if asset.is_ready else asset.file),
        "type": asset.playback_type,
        "poster": rendering.attach(poster) if poster else "",
        "tracks": [
            {
                "src": rendering.attach(caption.file),
                "language": caption.language,
                "label": caption.label,
                "default": caption.language == rendering.language,
            }
            for caption in asset.captions.all()
        ],
    }


def _text_context(value, rendering, block):
    return {"html": richtext_html(value=value, rendering=rendering, block=block)}


def _story_context(value, rendering, block):
    story = block.child_blocks["story"]
    return {"html": richtext_html(value=value["story"], rendering=rendering, block=story)}


def _callout_context(value, rendering, block):
    text = block.child_blocks["text"]
    return {"html": richtext_html(value=value["text"], rendering=rendering, block=text)}


def _video_context(value, rendering, block):
    return {"media": media_context(asset=value["video"], rendering=rendering)}


def _audio_context(value, rendering, block):
    return {"media": media_context(asset=value["audio"], rendering=rendering)}


def _resource_context(value, rendering, block):
    return {"href": rendering.attach(value["document"].file)}


def _embed_context(value, rendering, block):
    """Only a web address is a link; anything else the database holds is shown as text."""
    return {"url": web_address(value["url"])}


CONTEXTS = {
    "text": _text_context,
    "case_vignette": _story_context,
    "help_callout": _callout_context,
    "video": _video_context,
    "audio": _audio_context,
    "resource": _resource_context,
    "embed": _embed_context,
}
# Blocks that show a chosen object; a deleted object leaves the block empty.
CHOSEN = {"video": "video", "audio": "audio", "resource": "document"}


def block_render(*, block, rendering):
    """One stream block as HTML; a block whose chosen object was deleted is left out."""
    value = block.value
    chosen = CHOSEN.get(block.block_type)
    if chosen and not value[chosen]:
        return ""
    context = {"value": value, "block_id": block.id}
    if block.block_type in CONTEXTS:
        context.update(CONTEXTS[block.block_type](value, rendering, block.block))
    return render_to_string(f"courses/standards/blocks/{block.block_type}.html", context)
