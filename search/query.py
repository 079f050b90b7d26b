"""A visitor's words as the search engines ask for them, in one language.

A query is a list of slots that must all match; a slot is a list of alternatives, any of which
may match; an alternative is a phrase of one or more words. Parsing the words of a query
(search/words.py: folded, bracket variants written out) in a language makes the slots:
- an editors' synonym group (synonyms.py) whose term the query holds: any term of the group
  ("child abuse" -> "child abuse" or "child maltreatment" or ...);
- two words that the index holds as one ("serious game" -> also "seriousgame");
- a hyphenated word: joined or as its parts ("pre-school" -> "preschool" or "pre school");
- a word the index does not know but whose two parts it knows ("seriousgame" -> also
  "serious game");
- in Dutch, a word is also the end of the index's compounds ("mishandeling" -> also
  "kindermishandeling", "ouderenmishandeling").
Stemming (singular and plural) is the engine's: each language's own rules.

Everything a query needs is in memory (the vocabulary and the synonyms), so parsing it costs no
database query, and a synonym an editor adds counts from the next search on: no reindex.
"""

from dataclasses import dataclass

from .synonyms import synonym_groups
from .vocabulary import vocabulary
from .words import spellings, word_parts

MAX_WORDS = 8
COMPOUNDING = frozenset({"nl"})  # languages that write compounds as one word


@dataclass(frozen=True)
class Query:
    slots: tuple  # ((("word", ...), ...), ...): every slot, any alternative, a phrase each
    prefix: bool = False  # the words are beginnings of title words (titles only)

    def __bool__(self):
        return bool(self.slots)

    def words(self):
        """Every word the query may match, for marking them in the results."""
        return {word for slot in self.slots for phrase in slot for word in phrase}


def _phrase(term):
    """A term's words with hyphenated words in their parts: what an index lists in order."""
    return tuple(part for word in term for part in word_parts(word))


def _unique(alternatives):
    return tuple(dict.fromkeys(alternative for alternative in alternatives if alternative))


def _synonyms_at(found, position, terms_by_first):
    """(the synonym group whose term starts at `position`, that term's length), the longest
    such term; (None, 0) when none does."""
    best, length = None, 0
    for term, group in terms_by_first.get(found[position], ()):
        if len(term) > length and tuple(found[position : position + len(term)]) == term:
            best, length = group, len(term)
    return best, length


def _word_slot(word, known, language):
    parts = word_parts(word)
    if len(parts) > 1:
        return _unique([("".join(parts),), tuple(parts)])
    alternatives = [(word,)]
    split = known.split(word)
    if split:
        alternatives.append(split)
    if language in COMPOUNDING:
        alternatives.extend((compound,) for compound in known.ending_with(word))
    return _unique(alternatives)


def parse(terms, *, language, prefix=False):
    """The Query of these words in `language` (prefix: the beginnings of title words, each
    word on its own)."""
    spelled = spellings(terms)[:MAX_WORDS]
    found = [spelling[0] for spelling in spelled]
    if prefix:
        return Query(slots=tuple((_phrase([word]),) for word in found), prefix=True)
    known = vocabulary(language)
    terms_by_first = {}
    for group in synonym_groups(language):
        for term in group:
            terms_by_first.setdefault(term[0], []).append((term, group))
    slots, position = [], 0
    while position < len(found):
        group, length = _synonyms_at(found, position, terms_by_first)
        if group:
            slots.append(_unique(map(_phrase, group)))
            position += length
            continue
        word = found[position]
        following = found[position + 1] if position + 1 < len(found) else ""
        if following and known.knows(word + following) and "-" not in word + following:
            slots.append(_unique([(word + following,), (word, following)]))
            position += 2
            continue
        slots.append(
            _unique(
                alternative
                for spelling in spelled[position]
                for alternative in _word_slot(spelling, known, language)
            )
        )
        position += 1
    return Query(slots=tuple(slots))


def corrected(terms, *, language, closest):
    """The query with each word the index does not know replaced by the closest one it does
    (`closest(word, language)`: the engine's own similarity), or None when nothing changed."""
    known = vocabulary(language)
    changed, result = False, []
    for spelled in spellings(terms)[:MAX_WORDS]:  # a bracketed word: the spelling known, if any
        word = next((spelling for spelling in spelled if known.knows(spelling)), spelled[0])
        if len(word) >= 4 and not known.knows(word) and not known.split(word):
            better = closest(word, language)
            if better:
                word, changed = better, True
        result.append(word)
    return " ".join(result) if changed else None
