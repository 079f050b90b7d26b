"""The full-text index on PostgreSQL: SQL and text search configurations the project owns.

Migration site_search 0005 creates them: a `document` tsvector column on the entries with a GIN
index, and one text search configuration per language, `vif_nl`, `vif_fr`, `vif_en` (copies of
PostgreSQL's dutch, french and english with `unaccent` before the stemmer) and `vif_simple` for
any other language. An entry's document is its title (weight A), summary (B) and text (D), each
parsed with its language's configuration; a query is parsed with the configuration of the
language it is matched against, so French words are cut by French rules. The vocabulary has a
trigram index (pg_trgm) for "did you mean".
"""

from django.db import connection

from .words import indexed_text

CONFIGS = {"nl": "vif_nl", "fr": "vif_fr", "en": "vif_en"}
OTHER_CONFIG = "vif_simple"
TITLE_WEIGHT = "A"

_WRITE = """
UPDATE site_search_searchentry AS entry SET document =
    setweight(to_tsvector(given.config::regconfig, given.title), 'A')
    || setweight(to_tsvector(given.config::regconfig, given.summary), 'B')
    || setweight(to_tsvector(given.config::regconfig, given.body), 'D')
FROM unnest(%s::integer[], %s::text[], %s::text[], %s::text[], %s::text[])
    AS given (id, config, title, summary, body)
WHERE entry.id = given.id
"""

_CLOSEST = """
SELECT word FROM site_search_searchword
WHERE language = %s AND word %% %s
ORDER BY similarity(word, %s) DESC, word
LIMIT 1
"""


def config_of(language):
    return CONFIGS.get(language, OTHER_CONFIG)


def index_write(entries):
    """Give these saved entries their document, parsed in their language."""
    if not entries:
        return
    columns = list(
        zip(
            *(
                (
                    entry.pk,
                    config_of(entry.language),
                    indexed_text(entry.title),
                    indexed_text(entry.summary),
                    indexed_text(entry.text),
                )
                for entry in entries
            ),
            strict=True,
        )
    )
    with connection.cursor() as cursor:
        cursor.execute(_WRITE, [list(column) for column in columns])


def _lexeme(word, query):
    text = "'" + word.replace("'", "''") + "'"
    return text + (f":*{TITLE_WEIGHT}" if query.prefix else "")


def tsquery_text(query):
    """The query as to_tsquery() reads it: slots joined by &, alternatives by |, phrases by <->."""
    return " & ".join(
        "("
        + " | ".join(" <-> ".join(_lexeme(word, query) for word in phrase) for phrase in slot)
        + ")"
        for slot in query.slots
    )


def _asked(queries):
    """The CTE of one (language, tsquery) row per language with a query, and its parameters;
    None when no language has one."""
    wanted = [(language, query) for language, query in queries.items() if query]
    if not wanted:
        return None, []
    values = ", ".join(["(%s, to_tsquery(%s::regconfig, %s))"] * len(wanted))
    params = [
        value
        for language, query in wanted
        for value in (language, config_of(language), tsquery_text(query))
    ]
    return f"WITH asked (language, query) AS (VALUES {values})", params


def matching_ids(queries, *, limit, ranked=True):
    """[entry id] of the entries matching the query of their language ({language: Query}),
    best first: rank, then the newest entry; in no order when not `ranked` (ranking reads
    every match's document: ranked_ids ranks the few a page shows)."""
    asked, params = _asked(queries)
    if asked is None:
        return []
    order = "ORDER BY ts_rank(entry.document, asked.query) DESC, entry.id DESC" if ranked else ""
    sql = f"""
        {asked}
        SELECT entry.id FROM site_search_searchentry AS entry
        JOIN asked ON asked.language = entry.language
        WHERE entry.document @@ asked.query
        {order}
        LIMIT %s
    """  # noqa: S608 - only placeholders and constants are formatted in
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [row[0] for row in cursor.fetchall()]


def ranked_ids(queries, groups):
    """For each (ids, limit) of `groups` (matches of `queries`), the best `limit` of those ids,
    best first (as matching_ids): one statement for every group."""
    asked, params = _asked(queries)
    wanted = [(number, ids, limit) for number, (ids, limit) in enumerate(groups) if ids]
    if asked is None or not wanted:
        return [[] for _group in groups]
    best = """(
        SELECT %s AS grp, entry.id, ts_rank(entry.document, asked.query) AS score
        FROM site_search_searchentry AS entry
        JOIN asked ON asked.language = entry.language
        WHERE entry.id = ANY(%s::bigint[])
        ORDER BY score DESC, entry.id DESC
        LIMIT %s
    )"""
    sql = f"{asked} " + " UNION ALL ".join([best] * len(wanted))  # noqa: S608 - constants
    for number, ids, limit in wanted:
        params += [number, list(ids), limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = [[] for _group in groups]
    for number, pk, _score in sorted(rows, key=lambda row: (-row[2], -row[1])):
        found[number].append(pk)
    return found


def closest_word(word, language):
    """The vocabulary's word most like `word` by pg_trgm's similarity, or None."""
    with connection.cursor() as cursor:
        cursor.execute(_CLOSEST, [language, word, word])
        row = cursor.fetchone()
    return row[0] if row else None
