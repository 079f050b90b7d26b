"""The index's own words, per language: what the query parser checks a visitor's words against.

Every folded word of every entry (search/words.py) is kept once per language in SearchWord,
written with the entries (services.py). Each process keeps them in memory, read again when the
page-cache generation moved on (as entry_table.py does: every write of entries raises it), so
that parsing a query costs no database query:
- is a word known ("seriousgame" is not, "serious" and "game" are: the query asks for both);
- which known words end with it (Dutch compounds: "mishandeling" is also the end of
  "kindermishandeling" and "ouderenmishandeling", so a search for it finds those too);
- the closest known word to a typo (did you mean), by trigram similarity as PostgreSQL's
  pg_trgm counts it (the PostgreSQL engine asks pg_trgm itself, engine_postgres.py).
"""

import bisect
from collections import defaultdict
from dataclasses import dataclass

from elearning.core.page_cache import ProcessCopy

from .models import SearchWord
from .words import indexed_text

MIN_PART = 3  # the shortest part of a split or joined word ("pre" + "school")
MIN_HEAD = 4  # a compound's tail must be at least this long to stand for its compounds
MAX_COMPOUNDS = 20  # compounds one word of a query may stand for
MIN_WORD, MAX_WORD = 2, 60
SIMILAR_ENOUGH = 0.3  # pg_trgm's default similarity threshold


@dataclass(frozen=True)
class Vocabulary:
    words: frozenset
    backwards: tuple  # every word written backwards, sorted: the words that end alike together

    def knows(self, word):
        return word in self.words

    def ending_with(self, tail):
        """Known words longer than `tail` that end with it, shortest first (at most
        MAX_COMPOUNDS)."""
        if len(tail) < MIN_HEAD:
            return []
        key = tail[::-1]
        start = bisect.bisect_left(self.backwards, key)
        found = []
        for backward in self.backwards[start:]:
            if not backward.startswith(key):
                break
            if len(backward) >= len(tail) + MIN_PART:
                found.append(backward[::-1])
        return sorted(found, key=lambda word: (len(word), word))[:MAX_COMPOUNDS]

    def split(self, word):
        """(head, tail), both known and at least MIN_PART long, that make up an unknown
        word; the split with the longest tail (Dutch compounds are named by their end); None."""
        if word in self.words:
            return None
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if head in self.words and tail in self.words:
                return head, tail
        return None

    def closest(self, word):
        """The known word most like `word` (trigram similarity at least SIMILAR_ENOUGH), or
        None; ties go to the alphabetically first."""
        wanted = trigrams(word)
        scored = [
            (-len(wanted & have) / len(wanted | have), known)
            for known in self.words
            if abs(len(known) - len(word)) <= 3 and known != word
            for have in (trigrams(known),)
        ]
        best = min(scored, default=None)
        return best[1] if best and -best[0] >= SIMILAR_ENOUGH else None


def trigrams(word):
    """The trigrams pg_trgm takes of one word: padded with two spaces before, one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


EMPTY = Vocabulary(words=frozenset(), backwards=())


def vocabulary(language):
    """This process's vocabulary of a language, read again when the entries changed since."""
    return _vocabularies.get().get(language, EMPTY)


def _read():
    by_language = defaultdict(set)
    for language, word in SearchWord.objects.values_list("language", "word").iterator():
        by_language[language].add(word)
    return {
        language: Vocabulary(
            words=frozenset(found), backwards=tuple(sorted(word[::-1] for word in found))
        )
        for language, found in by_language.items()
    }


_vocabularies = ProcessCopy(_read)


def vocabulary_words(text):
    """The words of a text worth keeping: folded, not too short or long, not only digits."""
    return {
        word
        for word in indexed_text(text).split()
        if MIN_WORD <= len(word) <= MAX_WORD and "-" not in word and not word.isdigit()
    }


def vocabulary_add(words_by_language):
    """Keep these words ({language: set of words}); words already kept are left as they are."""
    rows = [
        SearchWord(language=language, word=word)
        for language, found in words_by_language.items()
        for word in sorted(found)
    ]
    SearchWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
