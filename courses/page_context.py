"""What a page shows beyond its own fields, without the page models importing who computes it.

Page models describe editorial shape; what a page lists (a course's outline, a module's
navigation, the sessions to come, the library's search results) comes from selectors of courses
and of the apps above it. Each app registers a provider for a page type in its
AppConfig.ready(), and every page's get_context() adds what the providers of its type return.
So courses.models imports neither courses.selectors nor intervision nor search (no import cycle,
no upward import). A provider is a function of (page=..., request=..., context=...) returning a
dict of context entries; `context` holds what the page and earlier providers put there.

A page's sub-routes (the podcast feed) are served the same way: registered views of
(page=..., request=...).
"""

# page class -> its providers, in the order of registration
PROVIDERS: dict[type, list] = {}
# (page class, route name) -> the view serving it
ROUTES: dict[tuple[type, str], object] = {}


def page_context_register(page_type, provider):
    """Add `provider` to the context of every page of `page_type` (once, however often called)."""
    providers = PROVIDERS.setdefault(page_type, [])
    if provider not in providers:
        providers.append(provider)


def page_context_extend(context, *, page, request):
    for provider in PROVIDERS.get(type(page), ()):
        context.update(provider(page=page, request=request, context=context))
    return context


def page_route_register(page_type, name, view):
    ROUTES[(page_type, name)] = view


def page_route_serve(page, name, *, request):
    return ROUTES[(type(page), name)](page=page, request=request)
