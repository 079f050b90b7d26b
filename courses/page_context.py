"""What the apps above courses add to a library page, without courses importing them.

A course page lists the intervision sessions to come, a webinar page its sign-up, the library
page the search's facets and results: intervision and search register a provider for the page
type in their AppConfig.ready(), and the page's get_context() adds what each provider returns.
A provider is a function of (page=..., request=...) returning a dict of context entries.
"""

# page class -> its providers, in the order of registration
PROVIDERS: dict[type, list] = {}


def page_context_register(page_type, provider):
    """Add `provider` to the context of every page of `page_type` (once, however often called)."""
    providers = PROVIDERS.setdefault(page_type, [])
    if provider not in providers:
        providers.append(provider)


def page_context_extend(context, *, page, request):
    for provider in PROVIDERS.get(type(page), ()):
        context.update(provider(page=page, request=request))
    return context
