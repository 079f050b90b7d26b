import pytest

from django.core.management import call_command


@pytest.fixture
def indexed(library_tree):
    call_command("update_index", verbosity=0)
    return library_tree


@pytest.mark.django_db
def test_search_finds_a_course_in_the_visitors_language(client, indexed):
    response = client.get("/nl/search/", {"q": "Kindermishandeling"})
    assert response.status_code == 200
    assert indexed["pages"]["course"].title in response.content.decode()
    assert indexed["translations"][("course", "fr")].title not in response.content.decode()


@pytest.mark.django_db
def test_an_empty_search_shows_the_form_only(client, indexed):
    response = client.get("/fr/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "%%%&&&***",
        "OR",
        "AND NOT -",
        "' OR 1=1; DROP TABLE wagtailcore_page; --",
        '"unclosed',
        "NEAR(",
    ],
)
def test_hostile_queries_return_a_normal_page(client, indexed, query):
    response = client.get("/nl/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
