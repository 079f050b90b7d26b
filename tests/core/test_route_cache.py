"""Remembered routes never outlive the content they point to."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from courses.models import ModulePage
from elearning.core import route_cache
from elearning.core.page_cache import page_cache_generation
from elearning.core.route_cache import route_cache_key
from tests.factories import UserFactory


@pytest.fixture
def signed_in(client, db):
    """Signed-in visitors skip the full-page cache, so these tests see the route cache alone."""
    client.force_login(UserFactory())
    return client


@pytest.mark.django_db
def test_a_renamed_page_moves_to_its_new_address(
    signed_in, library_tree, django_capture_on_commit_callbacks
):
    module = ModulePage.objects.get(pk=library_tree["pages"]["module"].pk)
    old_url = module.url
    assert signed_in.get(old_url).status_code == 200

    module.slug = "signalen-herkennen"
    with django_capture_on_commit_callbacks(execute=True):
        module.save_revision().publish()

    new_url = ModulePage.objects.get(pk=module.pk).url
    moved = signed_in.get(old_url)  # Wagtail leaves a redirect behind for renamed pages
    assert (moved.status_code, moved["Location"]) == (301, new_url)
    response = signed_in.get(new_url)
    assert response.status_code == 200
    assert module.title in response.content.decode()


@pytest.mark.django_db
def test_an_unpublished_page_is_gone_even_before_the_cache_hears_of_it(signed_in, library_tree):
    module = library_tree["pages"]["module"]
    assert signed_in.get(module.url).status_code == 200
    signed_in.get(module.url)  # served from the remembered route

    module.unpublish()  # its on_commit invalidation never runs inside this test's transaction

    assert signed_in.get(module.url).status_code == 404


@pytest.mark.django_db
def test_a_remembered_route_serves_the_same_page_with_fewer_queries(
    signed_in, library_tree, django_assert_max_num_queries
):
    module = library_tree["pages"]["module"]
    first = signed_in.get(module.url)
    # Ten: the page, the learner, their progress, the view restrictions and aliases, the course
    # outline and the learner's progress through it, the language links, the evaluation offer,
    # and the learner's private notes (this module asks a reflection question; one without asks
    # nothing more). The route itself costs none.
    with django_assert_max_num_queries(10):
        second = signed_in.get(module.url)
    assert second.status_code == first.status_code == 200
    assert second.context["page"] == module
    assert second.context["course"].pk == library_tree["pages"]["course"].pk


def _site_lookups(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert "Babobox" in response.content.decode()  # a result, linked through its Site
    return sum('FROM "wagtailcore_site"' in query["sql"] for query in captured)


@pytest.mark.django_db
def test_a_view_that_is_not_a_page_knows_the_site_after_its_first_visit(
    signed_in, library_tree, django_capture_on_commit_callbacks
):
    url = "/nl/search/?q=babobox"
    assert _site_lookups(signed_in, url) > 0
    assert _site_lookups(signed_in, url) == 0

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Leren over VIF"
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert _site_lookups(signed_in, url) > 0  # an edited site is looked up again


@pytest.mark.django_db
def test_page_links_read_the_site_root_paths_once_per_generation(
    signed_in, library_tree, monkeypatch, django_capture_on_commit_callbacks
):
    read = []
    original = Site.get_site_root_paths
    monkeypatch.setattr(Site, "get_site_root_paths", lambda: read.append(1) or original())
    url = "/nl/search/?q=babobox"
    assert "Babobox" in signed_in.get(url).content.decode()
    first = len(read)
    assert first > 0
    for _ in range(2):
        assert "Babobox" in signed_in.get(url).content.decode()
    assert len(read) == first  # kept by the process, not asked of the shared cache again
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.get(is_default_site=True).save()  # raises the generation
    signed_in.get(url)
    assert len(read) > first


def _plain(value):
    if isinstance(value, tuple):
        return all(_plain(part) for part in value)
    return value is None or type(value) in (int, str)


@pytest.mark.django_db
def test_the_shared_cache_holds_ids_of_a_route_never_pickled_pages_or_sites(
    signed_in, library_tree
):
    module = library_tree["pages"]["module"]
    assert signed_in.get(module.url).status_code == 200

    remembered = cache.get(route_cache_key("testserver", module.url, page_cache_generation()))
    assert remembered is not None
    assert _plain(remembered)


@pytest.mark.django_db
def test_a_route_remembered_by_another_process_serves_the_page_with_its_course(
    signed_in, library_tree
):
    module = library_tree["pages"]["module"]
    assert signed_in.get(module.url).status_code == 200
    for copies in (route_cache._sites, route_cache._parents, route_cache._root_paths):
        copies.clear()  # as in a process that has not served this page yet

    response = signed_in.get(module.url)
    assert response.status_code == 200
    assert response.context["page"] == module
    assert response.context["course"].pk == library_tree["pages"]["course"].pk
