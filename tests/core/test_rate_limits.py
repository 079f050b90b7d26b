"""The one rate limiter (elearning/core/rate_limits.py), on the cache the run uses: run this file
with REDIS_URL too, so the count is also kept by the real Redis the servers share.

What the visitors see when refused is tested where they meet it: the attest check
(tests/learners/test_attests.py) and the progress API (tests/learners/test_progress_api.py).
"""

from concurrent.futures import ThreadPoolExecutor

from django.core.cache import cache

from elearning.core.rate_limits import rate_limit_hit


def hits(key, times, *, limit=3, window=60):
    return [rate_limit_hit(key, limit=limit, window=window) for _ in range(times)]


def test_the_hits_past_the_limit_are_refused(rate_limit_clock):
    assert hits("lookups:a", 5) == [False, False, False, True, True]


def test_each_key_has_a_count_of_its_own(rate_limit_clock):
    hits("lookups:a", 4)

    assert hits("lookups:b", 4) == [False, False, False, True]


def test_the_count_starts_again_in_the_next_window(rate_limit_clock):
    hits("lookups:a", 4)

    rate_limit_clock.advance(60)

    assert hits("lookups:a", 4) == [False, False, False, True]


def test_the_window_is_counted_from_its_start_not_from_the_first_hit(rate_limit_clock):
    rate_limit_clock.now = 1_000_000 * 60 + 50  # ten seconds before a window ends
    hits("lookups:a", 4)

    rate_limit_clock.advance(10)

    assert hits("lookups:a", 1) == [False]


def test_a_count_the_cache_lost_starts_again_instead_of_failing(rate_limit_clock):
    hits("lookups:a", 2)

    cache.clear()  # Redis restarted, or the key was evicted

    assert hits("lookups:a", 4) == [False, False, False, True]


def test_concurrent_hits_never_share_the_last_place(rate_limit_clock):
    with ThreadPoolExecutor(max_workers=8) as pool:
        refused = list(pool.map(lambda _: rate_limit_hit("burst", limit=10, window=60), range(40)))

    assert refused.count(False) == 10
