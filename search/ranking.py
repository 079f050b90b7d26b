"""The ids of the search entries that match a visitor's words, best first.

The search backend decides what matches and in which order; a search page needs no more of it
than the ids (the facet columns come from entry_table.py, the ten shown entries are read by
id). Wagtail's PostgreSQL backend would answer with a query over the entries joined to its
index table (on the entries' id written as text); here the same match and the same rank are
asked of the index table alone: the match, the weights, the text search configuration and
the order (rank, then the newest entry) are the backend's own pieces, so that the two give
the same ids in the same order (tests/search/test_ranking.py holds them side by side). The
join cost more than the match itself (about 5 of 10 ms for 1,800 matches, make bench
SCENARIO=search). Other backends (SQLite's FTS5, OpenSearch) answer through Wagtail's API.
"""

import functools
import operator

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import connections
from django.db.models import IntegerField
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast

from wagtail.search.models import IndexEntry

from elearning.core.upstream_internals import (
    postgres_search_pieces,
    queryset_sql,
    search_results_are_postgres,
)

from .models import SearchEntry

MAX_MATCHES = 10_000


def matching_ids(terms, *, prefix=False, limit=MAX_MATCHES):
    """[entry id] matching every word of `terms` (prefix=True: titles with words that start
    so), best first; at most `limit`."""
    entries = SearchEntry.objects.all()
    if prefix:
        results = entries.autocomplete(terms, operator="and")[:limit]
    else:
        results = entries.search(terms, operator="and")[:limit]
    if search_results_are_postgres(results):
        return _ids_of(_index_ids(results)[:limit])
    if hasattr(results, "get_queryset"):  # Wagtail's other database backends
        return list(results.get_queryset().values_list("id", flat=True))
    return [item.pk for item in results]


def _ids_of(queryset):
    """The first column of the query's rows, read straight from the cursor: Django's row by
    row conversion of thousands of ids cost more than the query (2-3 ms at 1,800 matches)."""
    sql, params = queryset_sql(queryset)
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _concatenated(vector, other):
    return CombinedExpression(vector, "||", other, output_field=SearchVectorField())


def _index_ids(results):
    """The ids of the backend's matches, as the backend orders them, from its index table."""
    query, vectors, ranks = postgres_search_pieces(results)
    matched = functools.reduce(_concatenated, (vector for vector, _weight in vectors))
    return (
        IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchEntry))
        .annotate(matched_vector=matched, entry_id=Cast("object_id", IntegerField()))
        .filter(matched_vector=query)
        .order_by(functools.reduce(operator.add, ranks).desc(), "-entry_id")
        .values_list("entry_id", flat=True)
    )
