"""The search scenario's baseline: the site's full-text search as one raw SQL query, served
by the scenario's gunicorn next to the site (search_settings.py makes this module the URLconf:
the site's URLs plus /bench/raw-search?q=...&language=...), through the same middleware and the
same database connection as the site's search page. Only the work behind the view differs.

What a results page needs of PostgreSQL: the search entries (site_search_searchentry, one per
live page and language) whose stored title and body tsvectors in wagtailsearch_indexentry,
concatenated, match a tsquery (each word a lexeme, all of them required), ranked by ts_rank with
the search backend's weights, the title's rank scaled by title_norm, with the columns that keep
the visitor's language and name the first ten. BASELINE_SQL is that raw full-text query written
by hand, every match in every language (as Wagtail's backend asks it), and the view below does
the rest in the least code: the matches in the language asked for, their number and the first
ten. The site asks the same match and rank of the index table alone, for the ids (search/
ranking.py), and takes titles and facet values from the table of entries each process keeps in
memory (search/entry_table.py): it avoids the join this query makes, and adds facets, snippets
and the page. Should the site's match change (another vector, another table, a language
configuration), this query must follow, or the ratio compares different searches: the
scenario's counts_match says when the two stop finding the same items (queries the site answers
from titles' beginnings, which the baseline does not try, are left out of that comparison).

INDEXED_SQL, for the report only: the same results from the GIN indexes that exist on title
and body, which the concatenated vector cannot use.

Run inside Django only (gunicorn, inproc.py); search.py reads the SQL through baseline_plan.
"""

import functools
import re

from django.db import connection
from django.http import JsonResponse
from django.urls import path

from elearning.urls import urlpatterns as site_urlpatterns

BASELINE_PATH = "bench/raw-search"
MAX_QUERY_LENGTH = 200
# The index entries are joined to the search entries by the latter's primary key (object_id is
# text; every indexed model here has integer keys). Joined the other way round, on
# item.id::text, no index serves the join, and with a misestimated number of matches
# (PostgreSQL keeps no statistics for the concatenated vector) the plan turns quadratic.
BASELINE_SQL = """
SELECT item.id, item.title, item.page_id, item.language, item.format, item.length,
    item.theme_keys, item.sector_codes
FROM wagtailsearch_indexentry AS entry
JOIN site_search_searchentry AS item ON item.id = entry.object_id::integer
CROSS JOIN to_tsquery(%(config)s::regconfig, %(tsquery)s) AS query
WHERE entry.content_type_id = (
        SELECT id FROM django_content_type
        WHERE app_label = 'site_search' AND model = 'searchentry'
    )
    AND (entry.title || entry.body) @@ query
ORDER BY ts_rank(%(weights)s::float4[], entry.title, query) * entry.title_norm
    + ts_rank(%(weights)s::float4[], entry.body, query) DESC, item.id DESC
LIMIT 10000
"""
# A lexeme is in title || body when it is in either: each word matched on its own, so that
# the GIN indexes of both columns serve the match.
INDEXED_SQL = BASELINE_SQL.replace("(entry.title || entry.body) @@ query", "{each_word}")
WORD_IN_TITLE_OR_BODY = (
    "(entry.title @@ to_tsquery(%(config)s::regconfig, %(word_{n})s)"
    " OR entry.body @@ to_tsquery(%(config)s::regconfig, %(word_{n})s))"
)
WORD = re.compile(r"\w+")


def tsquery_text(words):
    """The tsquery the backend builds from a visitor's words: each word a quoted lexeme, all
    of them required. A word of \\w holds no quote or backslash that would need escaping."""
    return " & ".join(f"'{word}'" for word in WORD.findall(words))


@functools.cache
def baseline_parameters():
    """The text search configuration and the rank weights of the site's queries.

    Without SEARCH_CONFIG the backend names no configuration, so PostgreSQL applies its
    default_text_search_config to the stored vectors and the query alike; the baseline names
    that same configuration.
    """
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    from wagtail.search.backends import get_search_backend

    config = get_search_backend().config
    if config is None:
        with connection.cursor() as cursor:
            cursor.execute("SHOW default_text_search_config")
            config = cursor.fetchone()[0]
    return {"config": config, "weights": get_sql_weights()}


def baseline_arguments(words, language):
    """The baseline query's parameters for a visitor's words; None when there is no word."""
    if not WORD.search(words):
        return None
    return {**baseline_parameters(), "tsquery": tsquery_text(words), "language": language}


def _in_language(rows, language):
    """(number of matches in the language, the first ten of them)."""
    found = [row for row in rows if row[3] == language]
    return len(found), found[:10]


def baseline_search(cursor, words, language):
    """(number of matches in the language, first rows) of the baseline query."""
    arguments = baseline_arguments(words, language)
    if arguments is None:
        return 0, []
    cursor.execute(BASELINE_SQL, arguments)
    return _in_language(cursor.fetchall(), language)


def indexed_search(cursor, words, language):
    """(number of matches, first rows) of INDEXED_SQL: the same as baseline_search."""
    arguments = baseline_arguments(words, language)
    if arguments is None:
        return 0, []
    found = WORD.findall(words)
    each_word = " AND ".join(
        WORD_IN_TITLE_OR_BODY.replace("{n}", str(n)) for n in range(len(found))
    )
    arguments.update({f"word_{n}": f"'{word}'" for n, word in enumerate(found)})
    cursor.execute(INDEXED_SQL.replace("{each_word}", each_word), arguments)
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
        "sql": BASELINE_SQL,
        "arguments": [baseline_arguments(words, language) for words in queries],
    }


def baseline_explain(*, words, language):
    """EXPLAIN ANALYZE of the baseline query: where its time goes."""
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN (ANALYZE, BUFFERS) " + BASELINE_SQL, baseline_arguments(words, language)
        )
        return [row[0] for row in cursor.fetchall()]
