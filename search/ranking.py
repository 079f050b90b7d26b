"""The ids of the search entries that match a visitor's words, best first.

The words are parsed once per language (query.py: synonyms, compounds, joined and split words),
and each entry is matched against the query of its own language by the project's full-text
index (engine_postgres.py on PostgreSQL, engine_sqlite.py on SQLite): one statement for every
language, so that the language facet can count the other languages' matches too. Only the ids
come back: the facet columns come from entry_table.py, and the ten shown entries are read by id.
"""

from django.conf import settings
from django.db import connection

from . import engine_postgres, engine_sqlite
from .query import corrected, parse

MAX_MATCHES = 10_000


def engine():
    """The index module of the database in use."""
    return engine_postgres if connection.vendor == "postgresql" else engine_sqlite


def languages():
    return [code for code, _name in settings.LANGUAGES]


def parsed(terms, *, prefix=False):
    """{language: Query} of these words in every language of the site."""
    return {language: parse(terms, language=language, prefix=prefix) for language in languages()}


def matching_ids(terms, *, prefix=False, limit=MAX_MATCHES):
    """[entry id] matching every word of `terms` in its entry's language (prefix=True: titles
    with words that start so), best first; at most `limit`."""
    return engine().matching_ids(parsed(terms, prefix=prefix), limit=limit)


def matches(terms):
    """(the ids of every match, in no order, {language: the Query they match}): ranked_ids
    orders the few a page shows."""
    queries = parsed(terms)
    return engine().matching_ids(queries, limit=MAX_MATCHES, ranked=False), queries


def ranked_ids(queries, groups):
    """For each (ids, limit) of `groups` (matches of `queries`), the best `limit` of those ids,
    best first."""
    return engine().ranked_ids(queries, groups)


def title_prefix_ids(terms, *, language, limit):
    """[entry id] of the entries in `language` with title words starting with these words."""
    return engine().matching_ids(
        {language: parse(terms, language=language, prefix=True)}, limit=limit
    )


def suggested_terms(terms, *, language):
    """The query with its unknown words replaced by the closest words of the index, first in
    `language`, then in the site's other languages; None when no word could be bettered."""
    closest = engine().closest_word
    for candidate in [language, *(code for code in languages() if code != language)]:
        found = corrected(terms, language=candidate, closest=closest)
        if found:
            return found
    return None


def index_write(entries):
    engine().index_write(entries)
