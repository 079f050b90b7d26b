from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from .selectors import library_search, suggestions
from .tasks import search_query_record_task


@require_GET
def search(request):
    """Site search in the visitor's language, narrowed by facets; no JavaScript needed."""
    found = library_search(params=request.GET, locale=Locale.get_active())
    choices = found["choices"]
    if choices.terms and request.GET.get("page", "1") == "1":  # paging is not a new search
        counted = bool(found["page_obj"].paginator.count)
        transaction.on_commit(lambda: search_query_record_task.delay(choices.terms, counted))
    return render(request, "search/search.html", found)


@require_GET
def suggest(request):
    """Titles that start with what the visitor is typing, for the search box's list."""
    items = suggestions(query=request.GET.get("q", ""), language=Locale.get_active().language_code)
    return JsonResponse({"suggestions": items})
