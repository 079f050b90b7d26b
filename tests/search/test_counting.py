"""Counting searches in Redis and moving the tallies into the database (search/counting.py).

Without Redis (the SQLite run) a search is counted by a task at once; test_search.py covers
that through the counted_search fixture. These tests need the Redis tally itself.
"""

import datetime

import pytest

from django.conf import settings
from django.utils import timezone

from wagtail.contrib.search_promotions.models import QueryDailyHits

from search.counting import _tally_client, _tally_key, search_tally_flush
from search.models import UnansweredQuery

from .test_search import search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not settings.CACHES["default"]["BACKEND"].startswith("django_redis."),
        reason="the tally lives in Redis: the integration run (PostgreSQL, Redis) covers it",
    ),
]


def _hits():
    return {h.query.query_string: h.hits for h in QueryDailyHits.objects.select_related("query")}


def test_searches_wait_in_redis_until_the_flush_writes_them_once(client, catalogue):
    for words in ("signalen", "Signalen", "zonnepanelen", "signalen"):
        search(client, q=words)
    assert _hits() == {}  # no database write per search
    assert search_tally_flush() == 4
    assert _hits() == {"signalen": 3, "zonnepanelen": 1}
    unanswered = UnansweredQuery.objects.get()
    assert (unanswered.query.query_string, unanswered.hits) == ("zonnepanelen", 1)
    assert search_tally_flush() == 0  # moved, not copied
    assert _hits() == {"signalen": 3, "zonnepanelen": 1}


def test_a_tally_of_yesterday_is_written_to_yesterday(client, catalogue):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    _tally_client().hincrby(_tally_key(yesterday), "1:meldcode", 2)
    search_tally_flush()
    daily = QueryDailyHits.objects.get()
    assert (daily.query.query_string, daily.date, daily.hits) == ("meldcode", yesterday, 2)


def test_a_failed_write_leaves_the_tally_for_the_next_flush(client, catalogue, monkeypatch):
    search(client, q="signalen")

    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr("search.counting.search_query_record", broken)
    with pytest.raises(RuntimeError):
        search_tally_flush()
    monkeypatch.undo()
    assert search_tally_flush() == 1
    assert _hits() == {"signalen": 1}


def test_hostile_words_are_counted_as_words(client, catalogue):
    search(client, q="a:b:c ' OR 1=1; --")
    search_tally_flush()
    assert list(_hits()) == ["a b c or 1 1"]
