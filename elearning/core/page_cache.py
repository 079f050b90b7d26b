"""Full-page cache for anonymous visitors, invalidated by publishing.

Anonymous visitors (no session cookie) of Wagtail pages all see the same HTML, so it is rendered
once and kept in the shared cache. Every entry carries a *generation* number; any change to
public content (publish, unpublish, move, delete, snippet edit) raises the generation after the
transaction commits, so the next visitor gets a fresh render and no stale page survives.
"""

import hashlib
import threading
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

from .generations import generation, generation_raise

GENERATION_KEY = "page-cache:generation"
CACHEABLE_METHODS = ("GET", "HEAD")
NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/files/",
    "/uploads/",
    "/static/",
    "/healthz",
)
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control")


# A request's views read the generation several times (routes, navigation, themes): the
# middleware fixes it once per request, so the shared cache is asked once. Only for GET and
# HEAD requests, which publish nothing.
_request_generation = ContextVar("page_cache_request_generation", default=None)


def page_cache_generation():
    return _request_generation.get() or generation(GENERATION_KEY)


@contextmanager
def page_cache_generation_fixed(known=None):
    """The generation for the rest of this request: the one fixed already, `known`, or read."""
    fixed = _request_generation.get()
    if fixed is not None:
        yield fixed
        return
    token = _request_generation.set(known or generation(GENERATION_KEY))
    try:
        yield _request_generation.get()
    finally:
        _request_generation.reset(token)


class ProcessCopy:
    """Something derived from the public content that each process keeps in memory (the
    search's table of entries, its vocabulary, the synonyms), made by `read()` and made again
    when the page-cache generation moved on: whoever writes what it is made of raises it
    (page_cache_invalidate(also_now=True)). One thread of a process makes it, the others wait
    for that copy."""

    def __init__(self, read):
        self._read = read
        self._current = None  # (generation, value)
        self._making = threading.Lock()

    def get(self):
        now = page_cache_generation()
        current = self._current
        if current is None or current[0] != now:
            with self._making:
                if self._current is None or self._current[0] != now:
                    self._current = (now, self._read())
                current = self._current
        return current[1]


def page_cache_invalidate(*, also_now=False):
    """Make every cached page stale, once the current transaction (if any) has committed.

    also_now: at once as well, for what is derived from rows this transaction wrote (a table
    a process keeps in memory): read again now, it holds the change for this transaction's own
    reads; read again after the commit, for everyone.
    """
    if also_now:
        generation_raise(GENERATION_KEY)
    transaction.on_commit(lambda: generation_raise(GENERATION_KEY))


def page_cache_key(host, path):
    # Hashed: a path may be long or hold spaces, quotes or control characters (hostile URLs).
    return f"page-cache:{path_digest(host, path)}"


def path_digest(*parts):
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def mark_cacheable(response):
    """Views whose anonymous output is the same for everyone opt in with this."""
    response.page_cacheable = True
    return response


def _request_is_cacheable(request):
    return (
        request.method in CACHEABLE_METHODS
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # A pending message ("You have signed out.") must reach the visitor in a fresh render.
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.path_info.startswith(NEVER_CACHED_PREFIXES)
    )


def _response_is_cacheable(response):
    return (
        getattr(response, "page_cacheable", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Answer anonymous page views from the cache in one round trip (generation and page).

    An entry remembers the generation it was rendered under; it counts only while that is
    still the current generation. The generation is read before rendering, so a page rendered
    while someone publishes is stored as already stale.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        key = page_cache_key(request.get_host(), request.path)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or page_cache_generation()
        cached = found.get(key)
        if cached is not None and cached[0] == generation:
            _generation, content, headers = cached
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        with page_cache_generation_fixed(generation):
            response = self.get_response(request)
        if _response_is_cacheable(response):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            entry = (generation, response.content, headers)
            cache.set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response
