"""Generation numbers in the shared cache: how every process learns that something it keeps
(a rendered page, a table in memory) is out of date.

Whoever changes the source raises the generation; whoever keeps a copy remembers the
generation it was made under and makes a new one when the number moved on. The cache may be
emptied at any time (Redis restarted): a missing number starts again from one never used
before, so no copy made under an old number counts as current.
"""

import time

from django.core.cache import cache


def generation(key):
    """The current generation under this cache key (started when missing)."""
    current = cache.get(key)
    if current is None:
        cache.add(key, _fresh_generation(), timeout=None)
        current = cache.get(key) or _fresh_generation()
    return current


def generation_raise(key):
    """Make every copy made under the current generation stale."""
    try:
        cache.incr(key)
    except ValueError:  # missing: a fresh start is as good as one more
        cache.set(key, _fresh_generation(), timeout=None)


def _fresh_generation():
    # Microseconds since the epoch: larger than any number reached by raising an earlier one.
    return time.time_ns() // 1000
