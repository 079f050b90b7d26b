"""Remember which page serves which URL, until content changes.

Before a Wagtail page renders, Wagtail finds the Site (one query), the active Locale (one),
the localized and specific home page (two), then the page itself (two with our one-query
route). This middleware keeps the outcome as ids (the Site's, the page's and its type's, its
parent's) in the shared cache, and the Site and parent objects in each process, under the same
generation number as the full-page cache (elearning/core/page_cache.py). Anything that can
change a route (publishing, unpublishing, moving, deleting, renaming a page, editing a site or
locale) raises that number, so a remembered route is never stale. A hit costs one query: the
page itself, still checked to be live. Signed-in visitors benefit too, as routes are the same
for everyone; view restrictions are still checked on every request by Wagtail's serve hooks.
Wagtail offers no public way to hand a request its Site, route or site root paths: those go
through upstream_internals.py.
"""

import copy

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from wagtail.models import Site
from wagtail.url_routing import RouteResult

from .page_cache import (
    CACHEABLE_METHODS,
    NEVER_CACHED_PREFIXES,
    page_cache_generation_fixed,
    path_digest,
)
from .upstream_internals import (
    page_parent_give,
    page_parent_known,
    request_root_paths_give,
    request_root_paths_known,
    request_route_give,
    request_route_known,
    request_site_give,
    request_site_known,
)

MAX_REMEMBERED_SITES = 50  # hosts per process; ALLOWED_HOSTS keeps them few anyway
MAX_REMEMBERED_PARENTS = 1000
MAX_REMEMBERED_VIEWS = 1000
WAGTAIL_SERVE_URL_NAME = "wagtail_serve"  # wagtail.urls: every page, whatever its type
# This process's copies, each under the generation it was read in:
_sites = {}  # (generation, host) -> Site
_parents = {}  # (generation, page id) -> that parent Page, as get_parent() would read it
_root_paths = {}  # generation -> Wagtail's site root paths, the current generation's only
_views = set()  # (generation, host, path) answered by a view that is not a page


def route_cache_key(host, path, generation):
    return f"route:{generation}:{path_digest(host, path)}"


def _route_key(request, generation):
    return route_cache_key(request.get_host(), request.path_info, generation)


def _remember_site(request, generation):
    site = request_site_known(request)  # a view that needed none is not made to look it up
    if site is None:
        return
    if len(_sites) >= MAX_REMEMBERED_SITES:
        _sites.clear()
    _sites[(generation, request.get_host())] = site


def _served_by_wagtail(request):
    match = request.resolver_match
    return match is not None and match.url_name == WAGTAIL_SERVE_URL_NAME


def _remember_parent(parent, generation):
    if len(_parents) >= MAX_REMEMBERED_PARENTS:
        _parents.clear()
    _parents[(generation, parent.pk)] = parent


def _remembered_route(request, generation):
    """The remembered page, read again (one query) and checked to be live, or None.

    The shared cache holds ids only: a Site or Page pickled there would be read back by
    another process, maybe one running another version of the code after a deploy.
    """
    remembered = cache.get(_route_key(request, generation))
    if remembered is None:
        return None
    site_id, content_type_id, page_id, parent_id = remembered
    site = Site.find_for_request(request)  # this process's copy when it has one
    if site is None or site.pk != site_id:
        return None
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.live().filter(pk=page_id).first() if model else None
    if page is None:
        return None
    parent = _parents.get((generation, parent_id))
    if parent is not None:  # a copy: the page's request may change what it holds
        page_parent_give(page, copy.copy(parent))
    return RouteResult(page)


def _remember_route(request, response, generation):
    route = request_route_known(request)
    if response.status_code != 200 or route is None or route.args:
        return
    site = Site.find_for_request(request)  # found by the routing already
    page = route.page
    parent = page_parent_known(page)
    if parent is not None:
        _remember_parent(parent, generation)
    remembered = (site.pk, page.content_type_id, page.pk, parent.pk if parent else None)
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
            request_site_give(request, site)
        root_paths = _root_paths.get(generation)
        if root_paths is not None:  # where Page.get_url looks for them first
            request_root_paths_give(request, root_paths)
        address = (generation, request.get_host(), request.path_info)
        route = None if address in _views else _remembered_route(request, generation)
        if route is not None:
            request_route_give(request, route)
            response = self.get_response(request)
        else:
            response = self.get_response(request)
            _remember_route(request, response, generation)
        if site is None:
            _remember_site(request, generation)
        if root_paths is None and request_root_paths_known(request) is not None:
            _root_paths.clear()
            _root_paths[generation] = request_root_paths_known(request)
        if response.status_code == 200 and not _served_by_wagtail(request):
            if len(_views) >= MAX_REMEMBERED_VIEWS:
                _views.clear()
            _views.add(address)
        return response
