"""The site chrome's data: main navigation, language links, help lines and footer pages, cheap
on every request."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page, Site

from elearning.core.generations import generation_value, generation_values_store
from elearning.core.help_lines import help_lines_for_language
from elearning.core.models import FooterPages
from elearning.core.page_cache import page_cache_generation

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


@register.simple_tag
def help_lines():
    """The help lines of the active language (see elearning/core/help_lines.py)."""
    return help_lines_for_language(get_language())


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """[{title, url}]: the contact, privacy, accessibility and cookie pages chosen in the site's
    FooterPages setting, each in the active language; a page missing or not live in it is left
    out, so the footer never links to a page that does not answer.

    Cached per generation of the page cache, like the navigation.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ()
    language_code = get_language()
    key = f"footer-pages:{page_cache_generation()}:{site.pk}:{language_code}"
    links = generation_value(key)
    if links is None:
        links = tuple(_footer_links(site, language_code, request))
        generation_values_store({key: links}, timeout=settings.PAGE_CACHE_TIMEOUT)
    return links


def _footer_links(site, language_code, request):
    # Two queries: the translation keys of the chosen pages (in the footer's order), then
    # their live translations in this language.
    chosen_keys = (
        FooterPages.objects.filter(site=site)
        .values_list(*(f"{field}__translation_key" for field in FooterPages.PAGE_FIELDS))
        .first()
    )
    if not chosen_keys:
        return
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=[key for key in chosen_keys if key])
        .filter(locale__language_code=language_code)
        .only("id", "title", "url_path", "locale_id", "translation_key")
    }
    for key in chosen_keys:
        page = translated.get(key)
        if page is not None:
            yield {"title": page.title, "url": page.get_url(request)}
