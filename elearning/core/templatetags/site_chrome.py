"""The site chrome's data: main navigation and language links, cheap on every request."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page

from elearning.core.generations import generation_value, generation_values_store
from elearning.core.page_cache import page_cache_generation
from elearning.core.sites import site_url

register = template.Library()


def _navigation(language_code):
    home = (
        Page.objects.filter(depth=2, locale__language_code=language_code)
        .live()
        .only("id", "title", "url_path", "path", "depth", "locale_id")
        .first()
    )
    if home is None:
        return []
    children = home.get_children().live().in_menu().only("id", "title", "url_path", "locale_id")
    return [(home.title, home.url)] + [(child.title, child.url) for child in children]


@register.simple_tag
def main_navigation():
    """[(title, url)]: the home page of the active language and its menu pages.

    Cached per generation of the page cache, so publishing refreshes it with the pages.
    """
    language_code = get_language()
    key = f"navigation:{page_cache_generation()}:{language_code}"
    links = generation_value(key)
    if links is None:
        links = tuple(_navigation(language_code))
        generation_values_store({key: links}, timeout=settings.PAGE_CACHE_TIMEOUT)
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the page's translation, or that language's home page."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    urls = {}
    if page is not None and getattr(page, "pk", None):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            urls[translation.locale.language_code] = translation.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        if code in urls:
            url = urls[code]
        elif page is None and request is not None:  # a view of our own, e.g. search
            url = translate_url(request.get_full_path(), code)
        else:  # a page not translated (yet), or nothing to go on
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.filter
def site_absolute(location):
    """A path as an absolute address at SITE_URL (hreflang alternates must be absolute:
    https://developers.google.com/search/docs/specialty/international/localized-versions)."""
    return site_url(location)
