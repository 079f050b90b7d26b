"""Counting what visitors search for: one increment per search, the database written in bulk.

With the cache in Redis (production), a search adds one to today's tally, a Redis hash of
"<found>:<words>" -> searches, in one round trip; a periodic task (search_tally_flush, once a
minute) moves the tallies into Wagtail's daily hits and our UnansweredQuery rows. A search page
so costs neither a Celery message nor a database write, and a popular word costs one UPDATE a
minute instead of one per search. Without Redis (make run, the SQLite tests) each search
queues a task that writes its count at once. Either way the database is written by the service
search_query_record (services.py). A count lost (Redis restarted before a flush) is no loss to
any visitor; only the words are kept, never who searched.
"""

import logging
from datetime import timedelta

from redis.exceptions import RedisError

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from elearning.core.background import task_enqueue_on_commit

from .services import search_query_record

logger = logging.getLogger(__name__)
TALLY_KEY = "search:tally:{day}"
TALLY_DAYS = 3  # tallies older than this (no periodic task ran) expire unwritten


def search_count(*, query_string, found):
    """Count one search of these words (the visitor found something or not)."""
    client = _tally_client()
    if client is None:
        task_enqueue_on_commit("search.search_query_record", query_string, found, robust=False)
        return
    key = _tally_key(timezone.localdate())
    try:
        with client.pipeline(transaction=False) as pipe:
            pipe.hincrby(key, f"{int(found)}:{query_string}", 1)
            pipe.expire(key, TALLY_DAYS * 24 * 3600)
            pipe.execute()
    except RedisError:  # the visitor's page matters more than the count
        logger.warning("search not counted: Redis did not answer", exc_info=True)


def search_tally_flush():
    """Move the tallies of the last TALLY_DAYS days into the database; the searches moved."""
    client = _tally_client()
    if client is None:
        return 0
    today = timezone.localdate()
    moved = 0
    for day in (today - timedelta(days=back) for back in range(TALLY_DAYS)):
        key = _tally_key(day)
        with client.pipeline() as pipe:  # MULTI/EXEC: read and empty at once
            pipe.hgetall(key)
            pipe.delete(key)
            counts, _deleted = pipe.execute()
        try:
            moved += _record_tally(counts, day)
        except Exception:
            _put_back(client, key, counts)  # the next flush tries again
            raise
    return moved


def _record_tally(counts, day):
    moved = 0
    with transaction.atomic():
        for field, searches in counts.items():
            found, query_string = field.decode().split(":", 1)
            search_query_record(
                query_string=query_string, found=found == "1", searches=int(searches), day=day
            )
            moved += int(searches)
    return moved


def _put_back(client, key, counts):
    with client.pipeline(transaction=False) as pipe:
        for field, searches in counts.items():
            pipe.hincrby(key, field, int(searches))
        pipe.execute()


def _tally_client():
    """The cache's Redis connection, or None when the cache is not Redis."""
    if not settings.CACHES["default"]["BACKEND"].startswith("django_redis."):
        return None
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def _tally_key(day):
    return cache.make_key(TALLY_KEY.format(day=day.isoformat()))
