import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render

from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Quotes, brackets and operators mean something to full-text engines (FTS5, tsquery); visitors
# mean words. Keep letters, digits and inner hyphens; everything else separates words.
NON_WORD = re.compile(r"[^\w-]+|(?<!\w)-|-(?!\w)")


def search_terms(raw):
    return " ".join(NON_WORD.sub(" ", raw[:MAX_QUERY_LENGTH]).split())


def search(request):
    """Site search in the visitor's language. Facets and autocomplete follow in search/."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    results = Page.objects.none()
    if terms:
        locale = Locale.get_active()
        results = Page.objects.live().public().filter(locale=locale).specific().search(terms)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        page_obj = paginator.page(1)
    return render(request, "search/search.html", {"query": query, "page_obj": page_obj})
