"""Rate limits counted in the shared cache, so every web process sees the same count.

A limit counts hits in fixed windows (every minute, say): the window's start is part of the
cache key, so a new window is a new key and the count starts again from nothing. Signing in is
limited elsewhere (django-axes, elearning/accounts/throttling.py).
"""

import time

from django.core.cache import cache


def rate_limit_hit(key, *, limit, window):
    """Count one hit under key; True when it is past `limit` hits in this `window` (seconds).

    The count is one atomic increment in the cache, so concurrent requests in other processes
    cannot both take the last place. The key lives half a window longer than the window, so a
    process whose clock runs a little behind still finds the count.
    """
    window_key = f"rate-limit:{key}:{int(time.time()) // window}"
    try:
        count = cache.incr(window_key)  # one round trip on every hit but a window's first
    except ValueError:  # no count yet in this window (or it just expired)
        if cache.add(window_key, 1, timeout=window + window // 2):
            count = 1
        else:  # another request made it in between
            count = cache.incr(window_key)
    return count > limit
