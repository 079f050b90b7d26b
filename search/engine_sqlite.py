"""The full-text index on SQLite (`make run`): an FTS5 table the project owns.

Migration site_search 0005 creates `site_search_fts` (title, summary, body, and the language
unindexed; its rowid is the entry's id) and a trigger that forgets an entry's row when the entry
is deleted. SQLite has no stemmer for Dutch or French, so the words are stemmed here, before
they are written and before they are asked for, with the Snowball stemmer of their language
(the same rules PostgreSQL's configurations use); the most common short words of each language
are left out of queries, as PostgreSQL's configurations leave them out. Ranking is FTS5's bm25
with the title weighing 5 and the summary 2 against the text.
"""

import functools
import json

import snowballstemmer

from django.db import connection

from .vocabulary import vocabulary
from .words import indexed_text

STEMMERS = {"nl": "dutch", "fr": "french", "en": "english"}
STOP_WORDS = {
    "nl": "de het een en van in op met bij voor te aan over of is die dat naar om als er",
    "fr": "le la les un une des de du et en a au aux pour sur dans par l d ou est que qui",
    "en": "the a an and of in on for to with at by or is are from as be this that",
}
# One language's matches and their bm25 score (title 5, summary 2, text 1).
_MATCH_ONE = (
    "SELECT rowid AS id, bm25(site_search_fts, 5.0, 2.0, 1.0) AS score "
    "FROM site_search_fts WHERE site_search_fts MATCH %s AND language = %s"
)
_AMONG = " AND rowid IN (SELECT value FROM json_each(%s))"  # a JSON list: no limit on ids


@functools.cache
def _stemmer(language):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@functools.cache
def _stop_words(language):
    return frozenset(STOP_WORDS.get(language, "").split())


@functools.lru_cache(maxsize=200_000)
def _stem(word, language):
    """One word's stem: a text repeats its words, and the pure-Python stemmer takes about a
    tenth of a millisecond per word, so each process stems a word once."""
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def stemmed(words, language):
    return [_stem(word, language) for word in words]


def _stemmed_text(text, language):
    return " ".join(stemmed(indexed_text(text).split(), language))


def index_write(entries):
    """Write (again) the FTS5 rows of these saved entries."""
    if not entries:
        return
    rows = [
        (
            entry.pk,
            _stemmed_text(entry.title, entry.language),
            _stemmed_text(entry.summary, entry.language),
            _stemmed_text(entry.text, entry.language),
            entry.language,
        )
        for entry in entries
    ]
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM site_search_fts WHERE rowid = %s", [[r[0]] for r in rows])
        cursor.executemany(
            "INSERT INTO site_search_fts (rowid, title, summary, body, language) "
            "VALUES (%s, %s, %s, %s, %s)",
            rows,
        )


def _quoted(words):
    return '"' + " ".join(words).replace('"', '""') + '"'


def _alternative(phrase, query, language):
    """One alternative in FTS5's syntax, or "" when it is only common words."""
    if query.prefix:  # a beginning: as typed and as stemmed (complete words are stemmed)
        word = phrase[-1]
        ends = {word, *stemmed([word], language)}
        head = list(phrase[:-1])
        return " OR ".join(f"{_quoted(stemmed(head, language) + [end])}*" for end in sorted(ends))
    if len(phrase) == 1 and phrase[0] in _stop_words(language):
        return ""
    return _quoted(stemmed(phrase, language))


def match_text(query, language):
    """The query as FTS5's MATCH reads it: slots joined by AND, alternatives by OR; titles
    only for a prefix query. "" when nothing is left to ask for."""
    slots = []
    for slot in query.slots:
        alternatives = [_alternative(phrase, query, language) for phrase in slot]
        if "" in alternatives and len(slot) == 1:
            continue  # a common word on its own: not required
        found = [alternative for alternative in alternatives if alternative]
        if found:
            slots.append("(" + " OR ".join(found) + ")")
    if not slots:
        return ""
    text = " AND ".join(slots)
    return f"title : ({text})" if query.prefix else text


def _matches(queries, among=None):
    """The union of each language's matches with their score, and its parameters; None when
    no language has a query. `among`: only these ids."""
    selects, params = [], []
    for language, query in queries.items():
        text = match_text(query, language) if query else ""
        if text:
            selects.append(_MATCH_ONE + ("" if among is None else _AMONG))
            params += [text, language] + ([] if among is None else [json.dumps(list(among))])
    if not selects:
        return None, []
    return " UNION ALL ".join(selects), params  # the constant selects above, once per language


def matching_ids(queries, *, limit, ranked=True):
    """[entry id] of the entries matching the query of their language, best first (bm25,
    then the newest entry); in no order when not `ranked` (ranked_ids ranks a page's)."""
    union, params = _matches(queries)
    if union is None:
        return []
    order = "ORDER BY score, id DESC" if ranked else ""
    sql = f"SELECT id FROM ({union}) {order} LIMIT %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [row[0] for row in cursor.fetchall()]


def ranked_ids(queries, groups):
    """For each (ids, limit) of `groups` (matches of `queries`), the best `limit` of those ids,
    best first (as matching_ids): one statement for every group."""
    selects, params = [], []
    for number, (ids, limit) in enumerate(groups):
        union, union_params = _matches(queries, among=ids) if ids else (None, [])
        if union is not None:
            selects.append(
                f"SELECT * FROM (SELECT %s AS grp, id, score FROM ({union}) "  # noqa: S608
                "ORDER BY score, id DESC LIMIT %s)"
            )
            params += [number, *union_params, limit]
    found = [[] for _group in groups]
    if not selects:
        return found
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        rows = cursor.fetchall()
    for number, pk, _score in sorted(rows, key=lambda row: (row[2], -row[1])):
        found[number].append(pk)
    return found


def closest_word(word, language):
    """The vocabulary's word most like `word` (the same trigram similarity as pg_trgm)."""
    return vocabulary(language).closest(word)
