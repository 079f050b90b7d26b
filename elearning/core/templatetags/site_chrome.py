"""The site chrome's data: main navigation, language links, the notice of a page whose text
is not in the interface language, help lines, footer pages and the site's identity (name,
logo, accent colour); cheap on every request."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from wagtail.models import Page, Site

from elearning.core.generations import generation_value, generation_values_store
from elearning.core.help_lines import help_lines_for_language
from elearning.core.models import FooterPages
from elearning.core.page_cache import page_cache_generation
from elearning.core.site_identity import site_identity_values, site_name
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
    # The home page is the brand link beside the menu: listing it again (under the same title)
    # would repeat the brand in the menu.
    children = home.get_children().live().in_menu().only("id", "title", "url_path", "locale_id")
    return [(child.title, child.url) for child in children]


@register.simple_tag
def main_navigation():
    """[(title, url)]: the menu pages under the home page of the active language.

    Cached per generation of the page cache, so publishing refreshes it with the pages.
    """
    language_code = get_language()
    key = f"navigation:{page_cache_generation()}:{language_code}"
    links = generation_value(key)
    if links is None:
        links = tuple(_navigation(language_code))
        generation_values_store({key: links}, timeout=settings.PAGE_CACHE_TIMEOUT)
    return links


def _translations(page, request):
    """{language code: (url, language of its text)} of the page's live translations, itself
    included: one query, only the columns a URL needs."""
    model = type(page)
    columns = ["url_path", "locale__language_code"]
    if hasattr(model, "content_language"):
        columns.append("content_language")
    rows = model.objects.filter(translation_key=page.translation_key).live()
    rows = rows.select_related("locale").only(*columns)
    return {
        row.locale.language_code: (row.get_url(request), getattr(row, "content_language", ""))
        for row in rows
    }


def _note(code, translations):
    """What the switcher says beside a language, in that language: why it leads elsewhere."""
    with translation.override(code):
        if code not in translations:
            return gettext("this page is not translated: to the home page")
        text_language = translations[code][1]
        if text_language and text_language != code:
            return gettext("this page is not translated yet")
    return ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the page's translation, or that language's home page.

    A language where the page has no translation, or one whose text is still in another
    language, says so (in words, in that language) instead of landing somewhere silently.
    Only real translations count as `alternate` versions for search engines.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    known = isinstance(page, Page) and page.pk is not None
    translations = _translations(page, request) if known else {}
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code, (None, ""))[0]
        if url is None:
            url = f"/{code}/" if known or request is None else _own_view_url(request, code)
        shown_elsewhere = known and code != current
        note = _note(code, translations) if shown_elsewhere else ""
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "note": note,
                "alternate": code != current and not note,
            }
        )
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


def _own_view_url(request, code):
    """A view of our own (search, the agenda): the same address in that language."""
    return translate_url(request.get_full_path(), code)


@register.simple_tag(takes_context=True)
def content_language_notice(context):
    """The page's text language when it is not the interface's, with its names, or None.

    The page's main region then carries that `lang`, and a notice says so (base.html).
    """
    page = context.get("page")
    text_language = getattr(page, "content_language", "")
    if not text_language or text_language == get_language():
        return None
    info = translation.get_language_info(text_language)
    return {
        "code": text_language,
        "name": format_html(
            '{} (<span lang="{}">{}</span>)',
            info["name_translated"],
            text_language,
            info["name_local"],
        ),
    }


@register.filter
def site_absolute(location):
    """A path as an absolute address at SITE_URL (hreflang alternates must be absolute:
    https://developers.google.com/search/docs/specialty/international/localized-versions)."""
    return site_url(location)


@register.simple_tag(takes_context=True)
def site_identity(context):
    """{name, logo: {url, width, height} or None, css_version} of the request's site, the
    name in the active language (see elearning/core/site_identity.py)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    values = site_identity_values(site)
    return {
        "name": site_name(values, get_language()),
        "logo": values["logo"],
        "css_version": values["accent"].lstrip("#"),
    }
