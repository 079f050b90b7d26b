"""The search scenario's baseline: the site's full-text search as one raw SQL query, served
by the scenario's gunicorn next to the site (search_settings.py makes this module the URLconf:
the site's URLs plus /bench/raw-search?q=...&language=...), through the same middleware and the
same database connection as the site's search page. Only the work behind the view differs.

What a results page needs of PostgreSQL: the search entries (site_search_searchentry, one per
live page and language) whose `document` tsvector (title, summary and text, parsed with the text
search configuration of the entry's language: vif_nl, vif_fr, vif_en; search/engine_postgres.py)
matches the visitor's words, every word required and each parsed with that same configuration,
ranked by ts_rank(document, query), then the newest entry, with the columns that keep the
visitor's language and name the first ten. BASELINE_SQL is that raw full-text query written by
hand, every match in every language of the site (as the site asks it, so that the language
facet can count the others), and the view below does the rest in the least code: the matches in
the language asked for, their number and the first ten.

It is the statement search/engine_postgres.py issues for plain words, without what the site's
query parser (search/query.py) adds to them: no synonyms, no compounds, no joined or split
words, no "did you mean" correction, no retry on the beginnings of titles' words. The site reads
only the ids with it, takes titles and facet values from the table of entries each process keeps
in memory (search/entry_table.py), and adds the parsing, facets, snippets and the page. Should
the site's match change (another column, another configuration), this query must follow, or the
ratio compares different searches; the scenario's check (search_check.py) says when the two stop
finding the same items for queries the parser leaves as they are.

Run inside Django only (gunicorn, inproc.py); search.py reads the SQL through baseline_plan.
"""

import re

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.urls import path

from elearning.urls import urlpatterns as site_urlpatterns
from search.engine_postgres import config_of

BASELINE_PATH = "bench/raw-search"
MAX_QUERY_LENGTH = 200
MAX_MATCHES = 10_000  # as search/ranking.py
WORD = re.compile(r"\w+")


def _asked_rows():
    """One (language, tsquery) row per language of the site, as named placeholders."""
    return ",\n        ".join(
        f"(%(language_{n})s, to_tsquery(%(config_{n})s::regconfig, %(tsquery)s))"
        for n in range(len(settings.LANGUAGES))
    )


def baseline_sql():
    return f"""
WITH asked (language, query) AS (
    VALUES {_asked_rows()}
)
SELECT item.id, item.title, item.page_id, item.language, item.format, item.length,
    item.theme_keys, item.sector_codes
FROM site_search_searchentry AS item
JOIN asked ON asked.language = item.language
WHERE item.document @@ asked.query
ORDER BY ts_rank(item.document, asked.query) DESC, item.id DESC
LIMIT {MAX_MATCHES}
"""  # noqa: S608 - only placeholders and a constant are formatted in


def tsquery_text(words):
    """The visitor's words as to_tsquery() reads them: each word a quoted lexeme, all of them
    required. A word of \\w holds no quote or backslash that would need escaping."""
    return " & ".join(f"'{word}'" for word in WORD.findall(words))


def baseline_arguments(words, language):
    """The baseline query's parameters for a visitor's words; None when there is no word."""
    if not WORD.search(words):
        return None
    arguments = {"tsquery": tsquery_text(words), "language": language}
    for n, (code, _name) in enumerate(settings.LANGUAGES):
        arguments.update({f"language_{n}": code, f"config_{n}": config_of(code)})
    return arguments


def _in_language(rows, language):
    """(number of matches in the language, the first ten of them)."""
    found = [row for row in rows if row[3] == language]
    return len(found), found[:10]


def baseline_search(cursor, words, language):
    """(number of matches in the language, first rows) of the baseline query."""
    arguments = baseline_arguments(words, language)
    if arguments is None:
        return 0, []
    cursor.execute(baseline_sql(), arguments)
    return _in_language(cursor.fetchall(), language)


def raw_search(request):
    """{"matches": n, "results": [{"id", "title", "page_id"}, ...]} for ?q=...&language=..."""
    words = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    language = request.GET.get("language", "nl")
    with connection.cursor() as cursor:
        matches, rows = baseline_search(cursor, words, language)
    results = [{"id": row[0], "title": row[1], "page_id": row[2]} for row in rows]
    return JsonResponse({"matches": matches, "results": results})


urlpatterns = [path(BASELINE_PATH, raw_search), *site_urlpatterns]


# --- Called through inproc.py ------------------------------------------------------------------


def baseline_plan(*, queries, language):
    """What search.py's own PostgreSQL clients send: the SQL and each query's parameters."""
    return {
        "sql": baseline_sql(),
        "arguments": [baseline_arguments(words, language) for words in queries],
    }


def baseline_explain(*, words, language):
    """EXPLAIN ANALYZE of the baseline query: where its time goes."""
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN (ANALYZE, BUFFERS) " + baseline_sql(), baseline_arguments(words, language)
        )
        return [row[0] for row in cursor.fetchall()]


def site_explain(*, words):
    """EXPLAIN ANALYZE of the statement the site's engine issues for these words (parsed by
    search/query.py in every language, synonyms and compounds included): where its time goes,
    beside the baseline's plan."""
    from search import engine_postgres
    from search.ranking import MAX_MATCHES as SITE_LIMIT
    from search.ranking import parsed

    statements = []

    def keep(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        engine_postgres.matching_ids(parsed(words), limit=SITE_LIMIT)
    sql, params = statements[-1]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return [row[0] for row in cursor.fetchall()]


def query_parses(*, queries, language):
    """{words: {"alternatives": [alternatives per slot], "plain": bool}} of the site's parse
    of each query in `language` (search/query.py, with the vocabulary and synonyms in the
    database): plain when every slot is one word and nothing else, so the site asks the index
    exactly what the baseline asks."""
    from search.query import parse

    parses = {}
    for words in queries:
        slots = parse(words, language=language).slots
        parses[words] = {
            "alternatives": [[" ".join(phrase) for phrase in slot] for slot in slots],
            "plain": all(len(slot) == 1 and len(slot[0]) == 1 for slot in slots),
        }
    return parses
