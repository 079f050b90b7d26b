"""Rich text that did not come from the editor: reduced to what the editor itself produces.

A package from another site, or a row written into the database by other means, can hold any
HTML in a rich-text block: scripts, event attributes, a meta refresh, `javascript:` links.
Wagtail's editor only ever stores the elements of the features a block allows. The reduction
runs the text through that same editor's conversion, as the admin form does when an editor
saves: the block's editor widget reads the stored HTML as the editor would show it, and writes
back what saving the form would store. Whatever the editor cannot show does not survive.

Links are checked on top: a package with a link the editor would not make (`javascript:`,
`data:`, any scheme but http(s), mailto and tel) is refused; an export drops such a link.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.utils.html import escape, strip_tags

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"}
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
MAX_ID = 2**31 - 1  # page, document and image ids the conversion looks up
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')
# Read before the conversion, which expects the editor's own output: elements without an end
# tag (an <img> closed by nothing would make it give up), and scripts and styles with their
# content (code, not words). Safety does not rest on these: the conversion keeps only the
# editor's features, and links are checked after it.
VOID_ELEMENTS = re.compile(
    r"<(?:img|meta|link|input|hr|wbr|source|track|area|col|param|base|keygen)\b[^>]*>", re.I
)
CODE_ELEMENTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def link_is_safe(url):
    """Whether a browser following `url` stays with web pages, mail or phone numbers."""
    cleaned = IGNORED_IN_SCHEME.sub("", url or "")
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


def web_address(url):
    """`url` when it is an absolute web address (http or https), else ""."""
    cleaned = IGNORED_IN_SCHEME.sub("", url or "")
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


class _Links(HTMLParser):
    """The addresses in a piece of HTML, and the ids of its references to pages, documents
    and images (`<a linktype=... id=...>`, `<embed embedtype=... id=...>`)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.reference_ids = []

    def handle_starttag(self, tag, attrs):
        self.urls.extend(value or "" for name, value in attrs if name in URL_ATTRIBUTES)
        named = dict(attrs)
        if "linktype" in named or "embedtype" in named:
            self.reference_ids.append(named.get("id") or "")

    handle_startendtag = handle_starttag


def _parsed(html):
    parser = _Links()
    parser.feed(html or "")
    parser.close()
    return parser


def links_unsafe(html):
    """The addresses in `html` (entities decoded, as a browser reads them) that are not safe."""
    return [url for url in _parsed(html).urls if not link_is_safe(url)]


def rich_text_reduce(html, *, block):
    """`html` as the editor of this RichTextBlock would store it after an editor saved it."""
    html = html or ""
    if not _reference_ids_valid(html):
        return _as_plain_text(html)
    widget = block.field.widget
    try:
        state = widget.format_value(VOID_ELEMENTS.sub("", CODE_ELEMENTS.sub("", html)))
        reduced = widget.value_from_datadict({"text": state}, {}, "text") or ""
    except Exception:  # noqa: BLE001 - made for the editor's own output, the conversion
        # fails in many ways (unmatched tags, odd attributes) on anything else: keep the words.
        return _as_plain_text(html)
    if links_unsafe(reduced):  # the editor's conversion drops these; a second line of defence
        return _as_plain_text(reduced)
    if "data-block-key" not in html:
        # The editor gives paragraphs random keys; text that had none keeps none, so the same
        # text always reduces the same way (an unchanged course exports the same package).
        reduced = BLOCK_KEY.sub("", reduced)
    return reduced


def _reference_ids_valid(html):
    """The conversion looks page and document links up by id: only numbers may be looked up."""
    return all(
        value.isascii() and value.isdigit() and int(value) <= MAX_ID
        for value in _parsed(html).reference_ids
    )


def _as_plain_text(html):
    text = strip_tags(html).strip()
    return f"<p>{escape(text)}</p>" if text else ""
