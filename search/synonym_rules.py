"""What an editor may write as a group of synonyms, and how it is stored.

A group is a short list of expressions a visitor might type for one subject ("VIF, IFG,
intrafamiliaal geweld"). The query parser adds a group's other terms to a query that holds
one of them, so a term must be something a visitor types: a few words, letters or digits,
and in one group only per language (otherwise a query would pull in two groups' worth of
unrelated words, and which group won would depend on their order). Terms are compared as the
search compares words (search/words.py: case, accents), and kept as the editor wrote them.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .words import words

MIN_TERMS, MAX_TERMS = 2, 20
MAX_TERM_CHARS, MAX_TERM_WORDS = 100, 4
SEPARATOR = re.compile(r"[,\n]")  # commas, and line breaks for who writes one term a line
# Besides letters, digits and spaces: what real terms hold ("pre-school", "d'enfants",
# "politie/justitie", "R&D", "e.g."). Markup, quotes, semicolons and the like are refused, so
# nothing pasted by mistake (a snippet of HTML, a query) becomes a synonym.
ALLOWED_MARKS = frozenset(" -'’./&+")
SHOWN_CHARS = 40  # how much of a long term or group an error message repeats

TOO_FEW = _("Write at least two different terms, separated by commas.")
TOO_MANY = _("A group holds at most %(limit)d terms; split these into groups by meaning.")
TOO_LONG = _("“%(term)s” is longer than %(limit)d characters.")
BRACKETS = _(
    "“%(term)s”: write each spelling as a term of its own instead of brackets "
    "(e.g. “mishandeling, misbehandeling”)."
)
ODD_CHARACTERS = _("“%(term)s” contains characters a search term does not have: %(characters)s")
NO_WORDS = _("“%(term)s” has no letters or digits.")
TOO_MANY_WORDS = _(
    "“%(term)s” has more than %(limit)d words; a synonym is a short expression a visitor types."
)
IN_OTHER_GROUP = _(
    "“%(term)s” is already in another group of this language (“%(group)s”); a term belongs "
    "to one group only: add these terms to that group, or remove it there first."
)


def synonym_terms(text):
    """The terms of a group as written: trimmed, inner spaces single, empty ones left out."""
    return [" ".join(term.split()) for term in SEPARATOR.split(text) if term.strip()]


def synonym_term_key(term):
    """What two terms must share to be the same term: their folded words."""
    return tuple(words(term))


def synonym_terms_check(text, *, others=()):
    """The group's terms as stored ("a, b, c": each once, as first written), or a
    ValidationError on "terms" listing every problem. `others`: the terms of the language's
    other groups, as stored."""
    problems, kept = [], {}
    for term in synonym_terms(text):
        problem = _term_problem(term)
        if problem is not None:
            problems.append(problem)
        else:
            kept.setdefault(synonym_term_key(term), term)
    if not problems:
        problems.extend(_count_problems(len(kept)))
    problems.extend(_taken_problems(kept, others))
    if problems:
        raise ValidationError({"terms": problems})
    return ", ".join(kept.values())


def _shown(text):
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _term_problem(term):
    """Why one term cannot be a synonym, or None."""
    shown = _shown(term)
    if len(term) > MAX_TERM_CHARS:
        return ValidationError(TOO_LONG, "too_long", {"term": shown, "limit": MAX_TERM_CHARS})
    odd = sorted({char for char in term if not _allowed(char) and char not in "()"})
    if odd:
        return ValidationError(
            ODD_CHARACTERS, "characters", {"term": shown, "characters": " ".join(odd)}
        )
    if "(" in term or ")" in term:
        return ValidationError(BRACKETS, "brackets", {"term": shown})
    found = synonym_term_key(term)
    if not found:
        return ValidationError(NO_WORDS, "no_words", {"term": shown})
    if len(found) > MAX_TERM_WORDS:
        return ValidationError(
            TOO_MANY_WORDS, "too_many_words", {"term": shown, "limit": MAX_TERM_WORDS}
        )
    return None


def _allowed(char):
    # Letters, digits and the accents of decomposed letters, in any script.
    return char.isalnum() or unicodedata.category(char).startswith("M") or char in ALLOWED_MARKS


def _count_problems(count):
    if count < MIN_TERMS:
        return [ValidationError(TOO_FEW, "too_few")]
    if count > MAX_TERMS:
        return [ValidationError(TOO_MANY, "too_many", {"limit": MAX_TERMS})]
    return []


def _taken_problems(kept, others):
    """A term of this group that another group of the language holds already."""
    taken = {}
    for group in others:
        for term in synonym_terms(group):
            taken.setdefault(synonym_term_key(term), group)
    return [
        ValidationError(IN_OTHER_GROUP, "taken", {"term": term, "group": _shown(taken[key])})
        for key, term in kept.items()
        if key in taken
    ]
