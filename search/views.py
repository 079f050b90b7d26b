from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from elearning.core.generations import generation_process_value, generation_process_values_store
from elearning.core.page_cache import page_cache_generation

from .counting import search_count
from .selectors import library_search, suggestions


def _active_locale():
    """The active language's Locale, kept per process under the page-cache generation (editing
    a locale raises it): a search, and a suggestion at every key typed, look it up without a
    query."""
    key = f"locale:{page_cache_generation()}:{get_language()}"
    locale = generation_process_value(key)
    if locale is None:
        locale = Locale.get_active()
        generation_process_values_store({key: locale})
    return locale


@require_GET
def search(request):
    """Site search in the visitor's language, narrowed by facets; no JavaScript needed."""
    found = library_search(params=request.GET, locale=_active_locale())
    choices = found["choices"]
    if choices.terms and request.GET.get("page", "1") == "1":  # paging is not a new search
        search_count(query_string=choices.terms, found=bool(found["page_obj"].paginator.count))
    return render(request, "search/search.html", found)


@require_GET
def suggest(request):
    """Titles that start with what the visitor is typing, for the search box's list."""
    items = suggestions(query=request.GET.get("q", ""), language=_active_locale().language_code)
    return JsonResponse({"suggestions": items})
