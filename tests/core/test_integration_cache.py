"""The integration run's Redis caches (settings/test.py): each test process clears its cache
(FLUSHDB), so two processes, or two runs side by side, must never share a Redis database, nor
clear the database that holds a run's Celery queue."""

import pytest

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from settings.test import redis_cache_url

WORKERS = ("gw0", "gw1")  # make test-integration: pytest -n 2


def databases(redis_url):
    return [int(redis_cache_url(redis_url, worker).rsplit("/", 1)[1]) for worker in WORKERS]


def test_the_ci_run_caches_stay_clear_of_its_queue_prod_smoke_and_the_benchmarks():
    # Makefile: INTEGRATION_REDIS is db 0; prod-smoke uses 14, the benchmarks 15.
    assert databases("redis://127.0.0.1:6379/0") == [1, 2]


def test_two_runs_given_databases_apart_share_no_database():
    first = {0, *databases("redis://127.0.0.1:6379/0")}
    second = {3, *databases("redis://127.0.0.1:6379/3")}
    assert first.isdisjoint(second)


def test_the_address_keeps_its_host_and_options():
    assert redis_cache_url("redis://:secret@redis.test:6380/3?timeout=5", "gw1") == (
        "redis://:secret@redis.test:6380/5?timeout=5"
    )
    assert redis_cache_url("redis://127.0.0.1:6379", "gw0") == "redis://127.0.0.1:6379/1"


def test_a_database_past_redis_own_sixteen_is_refused_by_name():
    with pytest.raises(ImproperlyConfigured, match="15"):
        redis_cache_url("redis://127.0.0.1:6379/15", "gw0")


def test_this_process_does_not_cache_in_the_queue_database():
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("the SQLite run caches in memory")
    assert settings.CACHES["default"]["LOCATION"] != settings.CELERY_BROKER_URL
