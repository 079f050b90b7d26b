"""The stretch of a result's text around the words found, with those words marked.

The words are folded (search/words.py: "aines" for "aînés"), so they are looked for in a
folded copy of the text that keeps every character in its place: one folded character per
character of the text. The marks and the cut then fall on the text as written.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .words import fold

SNIPPET_CHARS = 220


def words_pattern(words):
    """A pattern that finds words starting with any of these (folded) words; None for none."""
    ordered = sorted({word for word in words if word}, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(word) for word in ordered) + r")\w*")


class _FoldedCharacters(dict):
    """{code point: its folded character} for str.translate, filled as characters come: a
    result's text is thousands of characters of few distinct ones, and folding each one anew
    (Unicode normalisation per character) cost most of a search page's time."""

    def __missing__(self, code):
        char = chr(code)
        self[code] = folded = (fold(char) or char)[0]
        return folded


_FOLDED_CHARACTERS = _FoldedCharacters()


def _folded_in_place(text):
    """The text folded character by character, as long as the text itself (ASCII text folds
    as its lower case)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLDED_CHARACTERS)


def highlight(text, pattern, *, limit=SNIPPET_CHARS):
    """A stretch of text around the first match, escaped, with the matched words in <mark>.

    Without a match, the beginning of the text (escaped); None when the text is empty.
    """
    if not text:
        return None
    folded = _folded_in_place(text)
    found = pattern.search(folded) if pattern else None
    start = 0
    if found and found.end() > limit:
        start = text.rfind(" ", 0, max(found.start() - limit // 4, 0)) + 1
    end = start + limit
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    parts = ["… "] if start else []
    last = start
    for match in pattern.finditer(folded, start, end) if pattern else ():
        parts += [
            escape(text[last : match.start()]),
            f"<mark>{escape(text[match.start() : match.end()])}</mark>",
        ]
        last = match.end()
    parts.append(escape(text[last:end]))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above
