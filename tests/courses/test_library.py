"""Browsing the library: formats, themes, pagination, empty states, bad parameters."""

import pytest

from search.selectors import LIBRARY_PAGE_SIZE
from tests.factories import CoursePageFactory, publish


@pytest.mark.django_db
def test_the_library_lists_courses_webinars_and_tools(client, library_tree):
    html = client.get(library_tree["pages"]["library"].url).content.decode()
    for role in ("course", "webinar", "tool"):
        assert library_tree["pages"][role].title in html
    assert library_tree["pages"]["module"].title not in html


@pytest.mark.django_db
def test_filter_by_format(client, library_tree):
    html = client.get(library_tree["pages"]["library"].url, {"format": "tool"}).content.decode()
    assert library_tree["pages"]["tool"].title in html
    assert library_tree["pages"]["course"].title not in html


@pytest.mark.django_db
def test_filter_by_theme_in_another_language(client, library_tree):
    library_fr = library_tree["translations"][("library", "fr")]
    course_fr = library_tree["translations"][("course", "fr")]
    html = client.get(library_fr.url, {"theme": "kindermishandeling"}).content.decode()
    assert course_fr.title in html
    assert library_tree["translations"][("tool", "fr")].title not in html


@pytest.mark.django_db
def test_a_filter_without_results_says_so(client, library_tree):
    library = library_tree["pages"]["library"]
    response = client.get(library.url, {"format": "webinar", "theme": "kindermishandeling"})
    assert response.context["entries"] == []
    assert "Er is nog niets dat aan deze filters voldoet." in response.content.decode()


@pytest.mark.django_db
def test_pagination_splits_a_large_library(client, library_tree):
    library = library_tree["pages"]["library"]
    for _ in range(LIBRARY_PAGE_SIZE + 2):
        publish(CoursePageFactory(parent=library))
    first = client.get(library.url)
    second = client.get(library.url, {"page": "2"})
    assert len(first.context["entries"]) == LIBRARY_PAGE_SIZE
    assert len(second.context["entries"]) == 5
    assert 'rel="next"' in first.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"page": "999"},
        {"page": "-1"},
        {"page": "abc"},
        {"format": "<script>"},
        {"theme": "'; DROP"},
    ],
)
def test_bad_parameters_show_the_first_page(client, library_tree, params):
    response = client.get(library_tree["pages"]["library"].url, params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
