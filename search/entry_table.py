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
"""

import threading
from dataclasses import dataclass

from elearning.core.page_cache import page_cache_generation, page_cache_invalidate

from .models import SearchEntry

COLUMNS = ("id", "title", "language", "format", "length", "theme_keys", "sector_codes")
# A row: (id, title, the entry's values of each facet in selectors.FACETS order, and the same
# as (facet number, value) pairs, ready to be counted).
ID, TITLE, VALUES, PAIRS = range(4)


@dataclass(frozen=True)
class EntryTable:
    generation: int
    rows: dict  # entry id -> row
    by_title: list  # every row, in the order the library lists them

    def rows_of(self, ids):
        """The rows of these ids, in their order; an id without a row (an entry written after
        this table was read, before its generation was raised) is left out."""
        rows = self.rows
        return [rows[pk] for pk in ids if pk in rows]


_current = None
_loading = threading.Lock()


def entry_table():
    """This process's table, read again when the entries changed since."""
    global _current
    now = page_cache_generation()
    table = _current
    if table is not None and table.generation == now:
        return table
    with _loading:  # one thread of the process reads, the others wait for its table
        if _current is None or _current.generation != now:
            _current = _read(now)
        return _current


def entry_table_outdate():
    """The entries changed: every process reads them again, now and after the commit."""
    page_cache_invalidate(also_now=True)


def _read(now):
    entries = SearchEntry.objects.order_by("title", "id").values_list(*COLUMNS)
    rows = [_row(*columns) for columns in entries]
    return EntryTable(generation=now, rows={row[ID]: row for row in rows}, by_title=rows)


def _row(pk, title, language, format_, length, theme_keys, sector_codes):
    values = (
        (language,),
        (format_,),
        (length,) if length else (),
        tuple(theme_keys.split()),
        tuple(sector_codes.split()),
    )
    pairs = tuple((n, value) for n, facet_values in enumerate(values) for value in facet_values)
    return (pk, title, values, pairs)
