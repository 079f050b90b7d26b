"""Anonymous visitors get cached pages; publishing shows the change to the very next visitor."""

import pytest

from courses.models import CoursePage
from tests.factories import UserFactory


@pytest.mark.django_db
def test_the_second_anonymous_visit_is_served_from_the_cache(client, library_tree):
    url = library_tree["pages"]["course"].url
    first = client.get(url)
    second = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second


@pytest.mark.django_db
def test_publishing_shows_the_change_to_the_next_visitor(
    client, library_tree, django_capture_on_commit_callbacks
):
    course = CoursePage.objects.get(pk=library_tree["pages"]["course"].pk)
    library_url = library_tree["pages"]["library"].url
    client.get(course.url)
    client.get(library_url)

    course.title = "Kindermishandeling: nieuwe titel"
    with django_capture_on_commit_callbacks(execute=True):
        course.save_revision().publish()

    assert "Kindermishandeling: nieuwe titel" in client.get(course.url).content.decode()
    assert "Kindermishandeling: nieuwe titel" in client.get(library_url).content.decode()


@pytest.mark.django_db
def test_unpublishing_removes_the_page_for_the_next_visitor(
    client, library_tree, django_capture_on_commit_callbacks
):
    module = library_tree["pages"]["module"]
    assert client.get(module.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        module.unpublish()
    assert client.get(module.url).status_code == 404


@pytest.mark.django_db
def test_signed_in_people_and_query_strings_bypass_the_cache(client, library_tree):
    url = library_tree["pages"]["library"].url
    client.get(url)
    assert "X-Page-Cache" not in client.get(url, {"format": "tool"})
    client.force_login(UserFactory())
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert response.status_code == 200


@pytest.mark.django_db
def test_drafts_and_previews_never_reach_anonymous_visitors(client, library_tree):
    course = CoursePage.objects.get(pk=library_tree["pages"]["course"].pk)
    client.get(course.url)
    course.title = "Nog niet gepubliceerd"
    course.save_revision()
    assert "Nog niet gepubliceerd" not in client.get(course.url).content.decode()
