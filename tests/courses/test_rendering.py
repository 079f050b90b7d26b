"""Every page type renders in Dutch, French and English with the safety layer in place."""

import re
from urllib.parse import urlparse

import html5lib
import pytest

from django.core.cache import cache

from tests.factories import PodcastEpisodePageFactory, PodcastPageFactory, publish, translate

ROLES = ["home", "library", "course", "module", "webinar", "tool", "podcast", "episode"]
LANGUAGES = ["nl", "fr", "en"]
MAX_PAGE_BYTES = 100 * 1024


def page_for(tree, role, language):
    if language == "nl":
        return tree["pages"][role]
    return tree["translations"][(role, language)]


@pytest.fixture
def every_page_type(library_tree):
    """The library tree plus a podcast show with one episode, translated like the rest."""
    pages, translations = library_tree["pages"], library_tree["translations"]
    pages["podcast"] = publish(PodcastPageFactory(parent=pages["library"]))
    pages["episode"] = publish(PodcastEpisodePageFactory(parent=pages["podcast"]))
    for language in ("fr", "en"):
        for role in ("podcast", "episode"):
            translations[(role, language)] = translate(pages[role], language)
    cache.clear()
    return library_tree


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_type_renders_in_every_language(client, every_page_type, role, language):
    page = page_for(every_page_type, role, language)
    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert page.url.startswith(f"/{language}/")
    assert f'<html lang="{language}">' in html
    assert page.title in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_page_carries_the_safety_layer(client, every_page_type, role):
    html = client.get(every_page_type["pages"][role].url).content.decode()

    assert "data-quick-exit" in html
    assert 'href="tel:1712"' in html
    assert 'href="tel:112"' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_pages_are_valid_light_and_self_contained(client, every_page_type, role):
    response = client.get(every_page_type["pages"][role].url)
    html = response.content.decode()

    parser = html5lib.HTMLParser(strict=True)
    parser.parse(html)  # raises on any parse error
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description and description.group(1).strip()
    assert len(response.content) < MAX_PAGE_BYTES
    # Everything the page loads; the alternates only name it in the other languages.
    loaded = r'<(?:script|link(?! rel="alternate")|img|iframe|video|audio|source)[^>]+'
    for url in re.findall(loaded + r'(?:src|href)="([^"]+)"', html):
        host = urlparse(url).netloc
        assert host in ("", "testserver"), f"{url} loads from another host"


@pytest.mark.django_db
def test_module_page_query_count_stays_small(client, library_tree, django_assert_max_num_queries):
    module = library_tree["pages"]["module"]
    # A cold cache: the chrome's help lines (1 query) and footer pages (up to 2) included; they
    # are read once per generation and language (elearning/core/help_lines.py, site_chrome.py).
    with django_assert_max_num_queries(18):
        assert client.get(module.url).status_code == 200


@pytest.mark.django_db
def test_a_module_with_a_content_warning_shows_it_before_the_content(client, library_tree):
    module = library_tree["pages"]["module"]
    module.content_warning = "Deze module beschrijft geweld tegen een kind."
    module.save_revision().publish()
    html = client.get(module.url).content.decode()
    warning_at = html.index("Deze module beschrijft geweld tegen een kind.")
    assert warning_at < html.index("Uitleg over signalen.")
    assert 'class="content-warning" role="note"' in html


@pytest.mark.django_db
def test_a_module_without_a_warning_shows_none(client, library_tree):
    html = client.get(library_tree["pages"]["module"].url).content.decode()
    assert "content-warning" not in html


@pytest.mark.django_db
def test_the_quick_exit_works_without_javascript(client, library_tree, settings):
    html = client.get(library_tree["pages"]["home"].url).content.decode()
    assert f'href="{settings.QUICK_EXIT_URL}" data-quick-exit' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_answers_404_with_the_safety_layer(client, library_tree, language):
    response = client.get(f"/{language}/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "data-quick-exit" in html and 'href="tel:1712"' in html


@pytest.mark.django_db
def test_a_module_links_to_its_neighbours_and_says_where_the_learner_is(client, library_tree):
    first, second = library_tree["pages"]["module"], library_tree["pages"]["module2"]
    html = client.get(second.url).content.decode()
    assert f'href="{first.url}" rel="prev"' in html
    assert 'rel="next"' not in html
    assert "Module 2 van 2" in html
    html = client.get(first.url).content.decode()
    assert f'href="{second.url}" rel="next"' in html


@pytest.mark.django_db
def test_a_webinar_inside_a_course_says_which_series_it_belongs_to(client, library_tree):
    from tests.factories import WebinarPageFactory, publish

    course = library_tree["pages"]["course"]
    part = publish(WebinarPageFactory(parent=course, title="Deel 1"))
    assert f"onderdeel van de reeks {course.title}" in client.get(part.url).content.decode()
    standalone = client.get(library_tree["pages"]["webinar"].url).content.decode()
    assert "onderdeel van de reeks" not in standalone


@pytest.mark.django_db
def test_the_language_switcher_of_search_keeps_the_query(client, library_tree):
    html = client.get("/nl/search/", {"q": "signalen"}).content.decode()
    assert 'href="/fr/search/?q=signalen" lang="fr"' in html
