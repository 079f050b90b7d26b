"""Anonymous visitors get cached pages; publishing shows the change to the very next visitor."""

import threading
import time

import pytest

from courses.models import CoursePage
from elearning.core.generations import generation_raise
from elearning.core.page_cache import GENERATION_KEY, ProcessCopy
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


def test_a_process_copy_is_made_once_per_generation_by_one_thread(db):
    made = []

    def read():
        made.append(threading.get_ident())
        time.sleep(0.05)  # long enough for the other threads to ask meanwhile
        return len(made)

    copy = ProcessCopy(read)
    found = []
    threads = [threading.Thread(target=lambda: found.append(copy.get())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [1, 1, 1, 1] and len(made) == 1
    assert copy.get() == 1  # the same generation: kept
    generation_raise(GENERATION_KEY)  # what it is made of changed
    assert copy.get() == 2 and copy.get() == 2
