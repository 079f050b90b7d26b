"""Every search entry's title and facet values, kept in each process's memory.

A search counts facet values over all of its matches (thousands for a broad word), so it needs
those columns for every match: asking the database for them on every search cost more than
the full-text match itself. They change only when entries are written, so each process keeps
them all and reads them again when the page-cache generation (elearning/core/page_cache.py:
public content changed) moved on: every write of entries raises it (services.py; deletions
through the signal in signal_handlers.py), at once and again after the transaction commits,
so that no process keeps a table read before the commit. A search reads that generation once
per request anyway (the page-cache middleware fixes it). At 10,000 entries the table holds
about 6 MiB and is read in about 20 ms, once per process after a change.

An entry's language is the language of its page's text (entries.py), and translations whose
text is in the same language are one item: a French copy still in Dutch stands in for its
Dutch original in the French library, which lists it under "Nederlands", never "Français".
Which entries each interface language lists is worked out here, when the table is read, so
that a search adds no work per match for it.
"""

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings

from elearning.core.page_cache import ProcessCopy, page_cache_invalidate

from .models import SearchEntry
from .words import fold

COLUMNS = ("id", "title", "language", "format", "length", "theme_keys", "sector_codes")
PLACE = ("page__locale__language_code", "page__translation_key")  # where an entry lives
# A row: (id, title, the entry's values of each facet in selectors.FACETS order, the same as
# (facet number, value) pairs, ready to be counted, the title folded as queries are, and the
# number of its signature: rows with the same facet values share one, so that a search weighs
# each combination of values once, however many matches have it).
ID, TITLE, VALUES, PAIRS, FOLDED_TITLE, SIGNATURE = range(6)
TITLE_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Listing:
    """The entries one interface language lists."""

    rows: dict  # entry id -> row
    by_title: list  # every row, in the order the library lists them


@dataclass(frozen=True)
class TitleWords:
    """Every folded word of the entries' titles, sorted, with the ids of the titles holding it:
    the entries whose title has a word starting with a query's word, without reading every
    title."""

    words: list  # sorted, each once
    ids: list  # frozenset of entry ids per word, in the same order

    def starting_with(self, beginning):
        """The ids of the entries with a title word starting with `beginning`."""
        found = set()
        position = bisect.bisect_left(self.words, beginning)
        while position < len(self.words) and self.words[position].startswith(beginning):
            found |= self.ids[position]
            position += 1
        return found

    def holding_all(self, beginnings):
        """The ids of the entries whose title has, for each of these, a word starting so."""
        found = None
        for beginning in beginnings:
            holding = self.starting_with(beginning)
            found = holding if found is None else found & holding
        return found or set()


@dataclass(frozen=True)
class EntryTable:
    listings: dict  # interface language code -> Listing
    signatures: list  # signature number -> (VALUES, PAIRS) of the rows that have it
    title_words: TitleWords

    def listing(self, language):
        return self.listings.get(language) or self.listings[settings.LANGUAGE_CODE]

    def by_title(self, language):
        return self.listing(language).by_title

    def rows_of(self, ids, language):
        """The rows of these ids that `language` lists, in their order; an id without a row
        (an entry written after this table was read, before its generation was raised, or
        one another translation stands in for) is left out."""
        rows = self.listing(language).rows
        return [rows[pk] for pk in ids if pk in rows]


def entry_table():
    """This process's table, read again when the entries changed since."""
    return _table.get()


def entry_table_outdate():
    """The entries changed: every process reads them again, now and after the commit."""
    page_cache_invalidate(also_now=True)


def _read():
    entries = SearchEntry.objects.order_by("title", "id").values_list(*COLUMNS, *PLACE)
    rows, places, signatures = [], [], {}
    for columns in entries:
        rows.append(_row(*columns[: len(COLUMNS)], signatures=signatures))
        places.append((columns[0], columns[2], *columns[len(COLUMNS) :]))
    listed = _listed(places)
    listings = {
        code: Listing(
            rows={row[ID]: row for row in rows if row[ID] in ids},
            by_title=[row for row in rows if row[ID] in ids],
        )
        for code, ids in listed.items()
    }
    return EntryTable(
        listings=listings,
        signatures=[(values, _pairs(values)) for values in signatures],
        title_words=_title_words(rows),
    )


def _title_words(rows):
    holding = defaultdict(set)
    for row in rows:
        for word in TITLE_WORD.findall(row[FOLDED_TITLE]):
            holding[word].add(row[ID])
    words = sorted(holding)
    return TitleWords(words=words, ids=[frozenset(holding[word]) for word in words])


def _listed(places):
    """{interface language: ids of the entries it lists} from (id, language, locale, key).

    Translations with text in one language are one item, listed by the copy in the visitor's
    own locale (its address keeps their interface), else by the one whose locale is its
    language (the original), else by the oldest.
    """
    items = defaultdict(dict)  # (translation key, text language) -> {locale: entry id}
    for pk, language, locale, key in places:
        items[(key, language)][locale] = pk
    listed = {code: set() for code, _name in settings.LANGUAGES}
    for (_key, language), by_locale in items.items():
        default = by_locale.get(language) or min(by_locale.values())
        for code, ids in listed.items():
            ids.add(by_locale.get(code, default))
    return listed


def _pairs(values):
    return tuple((n, value) for n, facet_values in enumerate(values) for value in facet_values)


def _row(pk, title, language, format_, length, theme_keys, sector_codes, *, signatures):
    """One entry's row; `signatures` ({VALUES: number}) gains its values when they are new,
    and rows with equal values share one VALUES and PAIRS."""
    values = (
        (language,),
        (format_,),
        (length,) if length else (),
        tuple(theme_keys.split()),
        tuple(sector_codes.split()),
    )
    signature = signatures.setdefault(values, len(signatures))
    return (pk, title, values, _pairs(values), fold(title), signature)


_table = ProcessCopy(_read)
