"""Remember which page serves which URL, until content changes.

Before a Wagtail page renders, Wagtail finds the Site (one query), the active Locale (one),
the localized and specific home page (two), then the page itself (two with our one-query
route). This middleware keeps the outcome, the Site and the page's id and type, under the same
generation number as the full-page cache (elearning/core/page_cache.py). Anything that can
change a route (publishing, unpublishing, moving, deleting, renaming a page, editing a site or
locale) raises that number, so a remembered route is never stale. A hit costs one query: the
page itself, still checked to be live. Signed-in visitors benefit too, as routes are the same
for everyone; view restrictions are still checked on every request by Wagtail's serve hooks.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from wagtail.url_routing import RouteResult

from .page_cache import (
    CACHEABLE_METHODS,
    NEVER_CACHED_PREFIXES,
    page_cache_generation_fixed,
    path_digest,
)

MAX_REMEMBERED_SITES = 50  # hosts per process; ALLOWED_HOSTS keeps them few anyway
MAX_REMEMBERED_VIEWS = 1000
_sites = {}  # (generation, host) -> Site, this process's
_root_paths = {}  # generation -> Wagtail's site root paths, the current generation's only
_views = set()  # (generation, host, path) answered by a view that is not a page


def _route_key(request, generation):
    return f"route:{generation}:{path_digest(request.get_host(), request.path_info)}"


def _remember_site(request, generation):
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        return
    if len(_sites) >= MAX_REMEMBERED_SITES:
        _sites.clear()
    _sites[(generation, request.get_host())] = site


def _remembered_route(request, generation):
    remembered = cache.get(_route_key(request, generation))
    if remembered is None:
        return None
    site, content_type_id, page_id, parent = remembered
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.live().filter(pk=page_id).first() if model else None
    if page is None:
        return None
    if parent is not None:
        page._cached_parent_obj = parent
    request._wagtail_site = site
    return RouteResult(page)


def _remember_route(request, response, generation):
    route = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if response.status_code != 200 or route is None or site is None or route.args:
        return
    page = route.page
    parent = getattr(page, "_cached_parent_obj", None)
    remembered = (site, page.content_type_id, page.pk, parent)
    cache.set(_route_key(request, generation), remembered, timeout=settings.PAGE_CACHE_TIMEOUT)


class PageRouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in CACHEABLE_METHODS or request.path_info.startswith(
            NEVER_CACHED_PREFIXES
        ):
            return self.get_response(request)
        with page_cache_generation_fixed() as generation:
            return self._answer(request, generation)

    def _answer(self, request, generation):
        site = _sites.get((generation, request.get_host()))
        if site is not None:
            request._wagtail_site = site
        root_paths = _root_paths.get(generation)
        if root_paths is not None:  # where Page.get_url looks for them first
            request._wagtail_cached_site_root_paths = root_paths
        address = (generation, request.get_host(), request.path_info)
        route = None if address in _views else _remembered_route(request, generation)
        if route is not None:
            request._wagtail_route_for_request = route
            return self.get_response(request)
        response = self.get_response(request)
        _remember_route(request, response, generation)
        if site is None:
            _remember_site(request, generation)
        if root_paths is None and hasattr(request, "_wagtail_cached_site_root_paths"):
            _root_paths.clear()
            _root_paths[generation] = request._wagtail_cached_site_root_paths
        if response.status_code == 200 and not hasattr(request, "_wagtail_route_for_request"):
            if len(_views) >= MAX_REMEMBERED_VIEWS:
                _views.clear()
            _views.add(address)
        return response
