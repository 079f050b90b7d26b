"""Counting a search (without Redis) is retried while the database is out of reach; after the
last try the count is lost, and nothing else is."""

import pytest

from django.db import DataError, OperationalError

from wagtail.contrib.search_promotions.models import QueryDailyHits

from search import tasks
from tests.celery_retries import retries_recorded

pytestmark = pytest.mark.django_db

# The database policy's schedule (elearning/core/retries.py), in seconds.
DATABASE_COUNTDOWNS = [10, 20, 40, 80, 160]


def failing(monkeypatch, *errors):
    """The service fails with `errors`, one per call, then counts."""
    record = tasks.search_query_record
    errors = list(errors)

    def record_or_fail(**kwargs):
        if errors:
            raise errors.pop(0)
        return record(**kwargs)

    monkeypatch.setattr(tasks, "search_query_record", record_or_fail)


def counted(words):
    return sum(
        QueryDailyHits.objects.filter(query__query_string=words).values_list("hits", flat=True)
    )


def count(words):
    return tasks.search_query_record_task.apply(args=[words, True])


def test_a_lost_database_connection_is_retried_and_the_search_counted_once(monkeypatch):
    failing(monkeypatch, OperationalError("server closed the connection unexpectedly"))

    with retries_recorded(tasks.search_query_record_task) as countdowns:
        count("meldcode").get()

    assert countdowns == [10]
    assert counted("meldcode") == 1


def test_a_count_the_database_refuses_is_not_retried(monkeypatch):
    failing(monkeypatch, DataError("value too long"))

    with retries_recorded(tasks.search_query_record_task) as countdowns:
        result = count("meldcode")

    with pytest.raises(DataError):
        result.get()
    assert countdowns == []
    assert counted("meldcode") == 0


def test_after_the_last_retry_the_count_is_lost(monkeypatch):
    failing(monkeypatch, *[OperationalError("connection refused")] * 6)

    with retries_recorded(tasks.search_query_record_task) as countdowns:
        result = count("meldcode")

    with pytest.raises(OperationalError):
        result.get()
    assert countdowns == DATABASE_COUNTDOWNS
    assert counted("meldcode") == 0
