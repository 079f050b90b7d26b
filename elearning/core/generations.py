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


# A value stored under a key that names a generation ("themes:<generation>:<locale>") never
# changes: a new generation means a new key. So each process keeps its own copy of the values
# it read or wrote, and asks the shared cache for a key once. The copies are dropped all at
# once when there are too many (old generations' keys are never asked again). Callers must not
# change a value they got: other requests of the process share it.
COPIES_LIMIT = 2000
_copies = {}


def generation_values(keys):
    """{key: value} for the keys found, this process's copies first, then the shared cache."""
    found = {key: _copies[key] for key in keys if key in _copies}
    missing = [key for key in keys if key not in found]
    if missing:
        fetched = cache.get_many(missing)
        _keep(fetched)
        found.update(fetched)
    return found


def generation_value(key):
    """The value under one generation-named key, or None."""
    return generation_values([key]).get(key)


def generation_values_store(values, *, timeout):
    """Store values under generation-named keys, in the shared cache and in this process."""
    cache.set_many(values, timeout=timeout)
    _keep(values)


# What holds model instances (a Theme, a Locale) is kept by each process only, never pickled
# into the shared cache: another process would unpickle it, maybe one running another version
# of the code (and of Wagtail's models) during a deploy. Each process reads it once per
# generation instead.


def generation_process_value(key):
    """The value this process keeps under a generation-named key, or None."""
    return _copies.get(key)


def generation_process_values_store(values):
    """Keep values under generation-named keys in this process only."""
    _keep(values)


def _keep(values):
    if len(_copies) + len(values) > COPIES_LIMIT:
        _copies.clear()
    _copies.update(values)
