"""Words as the search compares them: lower case, without accents, punctuation variants undone.

The index, the vocabulary, the editors' synonyms and every query go through the same
functions, so "Ouderenmis(be)handeling", "ouderenmishandeling" and "OUDERENMISBEHANDELING"
meet, as do "aînés" and "aines". A word keeps its inner hyphens ("pre-school"); the query
parser (query.py) offers its hyphenless and spaced variants.
"""

import re
import unicodedata

# A word: letters and digits, with inner hyphens; underscores and everything else separate.
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# A bracketed part inside or at the edge of a word: "mis(be)handeling", "(on)veilig", "kind(eren)".
BRACKETED = re.compile(r"([^\W_]*)\(([^\W_]+)\)([^\W_]*)")
MAX_WORD_CHARS = 60  # longer runs are not words a visitor types; they are cut


def fold(text):
    """Lower case without accents or ligatures: "Aînés" -> "aines", "Œuvre" -> "oeuvre"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.replace("œ", "oe").replace("æ", "ae").replace("ø", "o").replace("ł", "l")


def _bracket_variants(match):
    before, inside, after = match.groups()
    if not (before or after):
        return inside  # "(niet)": a bracketed word of its own
    return f"{before}{after} {before}{inside}{after}"


def unbracket(text):
    """Each word with a bracketed part written both ways: "mis(be)handeling" ->
    "mishandeling misbehandeling"."""
    return BRACKETED.sub(_bracket_variants, text)


def words(text):
    """The folded words of a text, in order (hyphenated words kept whole)."""
    return [word[:MAX_WORD_CHARS] for word in WORD.findall(fold(unbracket(text)))]


def spellings(text):
    """The folded words of a query, each as the tuple of its spellings: a word with a
    bracketed part has two ("mis(be)handeling" -> ("mishandeling", "misbehandeling")), any
    other word one."""
    found = []
    for token in text.split():
        if BRACKETED.search(token):
            found.append(tuple(words(token)))
        else:
            found.extend((word,) for word in words(token))
    return [spelled for spelled in found if spelled]


def word_parts(word):
    """The parts of a hyphenated word ("pre-school" -> ["pre", "school"]); [word] otherwise."""
    return [part for part in word.split("-") if part]


def indexed_text(text):
    """The text as the index reads it: folded, bracket variants written out, and each
    hyphenated word followed by its parts and its hyphenless form, so that "pre-school" is
    found as "preschool" and as "school"."""
    found = []
    for word in words(text):
        found.append(word)
        parts = word_parts(word)
        if len(parts) > 1:
            found.extend([*parts, "".join(parts)])
    return " ".join(found)
