"""The private names of Wagtail and django-treebeard that we rely on
(elearning/core/upstream_internals.py) still work as that module says: an upgrade that changes
one fails here, by name, instead of silently slowing pages down or serving wrong routes."""

import hashlib
import inspect
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

from elearning.core import upstream_internals
from elearning.core.upstream_internals import (
    document_file_metadata_set,
    image_file_metadata_set,
    page_parent_give,
    page_parent_known,
    request_root_paths_give,
    request_root_paths_known,
    request_route_give,
    request_route_known,
    request_site_give,
    request_site_known,
    workflow_submitted_mail_replace,
)

ROOT = Path(__file__).resolve().parents[2]
SOURCE_PACKAGES = ("elearning", "courses", "media", "search", "settings")
PRIVATE_NAMES = (
    "_wagtail_site",
    "_wagtail_route_for_request",
    "_wagtail_cached_site_root_paths",
    "_cached_parent_obj",
    "_set_image_file_metadata",
    "_set_document_file_metadata",
    "_should_delete_form",
    "workflow_state_submitted_email_notification",
)


@pytest.fixture(autouse=True)
def dutch():
    """Wagtail routes into the active language's tree, and a request an earlier test in this
    process made may have left another language active: these tests route the Dutch pages."""
    with translation.override("nl"):
        yield


def image_bytes():
    buffer = BytesIO()
    Image.new("RGB", (4, 3), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def _request(path="/"):
    return RequestFactory().get(path, HTTP_HOST="localhost")


def _route_path(library_tree, role):
    """The path Wagtail's serve view routes (the page's address below the language prefix)."""
    return library_tree["pages"][role].url_path.removeprefix(library_tree["pages"]["home"].url_path)


# --- Wagtail: the request's Site -------------------------------------------------------------


@pytest.mark.django_db
def test_the_site_wagtail_finds_for_a_request_is_known_afterwards(library_tree):
    request = _request()
    assert request_site_known(request) is None
    site = Site.find_for_request(request)
    assert site is not None
    assert request_site_known(request) is site


@pytest.mark.django_db
def test_a_site_given_to_a_request_is_what_wagtail_answers_without_a_query(
    library_tree, django_assert_num_queries
):
    given = Site.objects.get(is_default_site=True)
    request = _request()
    request_site_give(request, given)
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is given


# --- Wagtail: the request's page route -------------------------------------------------------


@pytest.mark.django_db
def test_the_route_wagtail_finds_for_a_request_is_known_afterwards(library_tree):
    module = library_tree["pages"]["module"]
    request = _request(module.url)
    assert request_route_known(request) is None
    route = Page.route_for_request(request, _route_path(library_tree, "module"))
    assert route.page.pk == module.pk
    assert request_route_known(request) is route


@pytest.mark.django_db
def test_a_route_given_to_a_request_is_what_wagtail_answers_without_routing(
    library_tree, django_assert_num_queries
):
    module = library_tree["pages"]["module"]
    path = _route_path(library_tree, "module")
    found = Page.route_for_request(_request(module.url), path)
    assert found.page.pk == module.pk
    request = _request(module.url)
    request_route_give(request, found)
    with django_assert_num_queries(0):
        assert Page.route_for_request(request, path) is found


# --- Wagtail: the request's site root paths (page links) ------------------------------------


@pytest.mark.django_db
def test_page_links_leave_the_site_root_paths_on_the_request(library_tree):
    module = library_tree["pages"]["module"]
    request = _request()
    assert request_root_paths_known(request) is None
    module.get_url(request=request)
    assert list(request_root_paths_known(request)) == list(Site.get_site_root_paths())


@pytest.mark.django_db
def test_page_links_use_the_site_root_paths_given_to_the_request(library_tree):
    module = library_tree["pages"]["module"]
    home = library_tree["pages"]["home"]
    site = Site.objects.get(is_default_site=True)
    given = [SiteRootPath(site.pk, home.url_path, "https://vif.example.org", "nl")]
    request = _request()
    request_root_paths_give(request, given)
    assert module.get_full_url(request=request).startswith("https://vif.example.org/")


# --- django-treebeard (and Wagtail): a page's parent -----------------------------------------


@pytest.mark.django_db
def test_the_parent_a_page_read_is_known_afterwards(library_tree):
    page = Page.objects.get(pk=library_tree["pages"]["module"].pk)
    assert page_parent_known(page) is None
    parent = page.get_parent()
    assert parent.pk == library_tree["pages"]["course"].pk
    assert page_parent_known(page) is parent


@pytest.mark.django_db
def test_a_parent_given_to_a_page_is_what_it_answers_without_a_query(
    library_tree, django_assert_num_queries
):
    given = Page.objects.get(pk=library_tree["pages"]["course"].pk)
    page = Page.objects.get(pk=library_tree["pages"]["module"].pk)
    page_parent_give(page, given)
    with django_assert_num_queries(0):
        assert page.get_parent() is given


# --- Wagtail: an uploaded file's size and hash ------------------------------------------------


@pytest.mark.django_db
def test_a_new_image_and_document_get_the_size_and_hash_wagtail_gives_an_upload():
    content = image_bytes()
    image = get_image_model()(title="Affiche", file=ContentFile(content, name="affiche.png"))
    document = get_document_model()(
        title="Folder", file=ContentFile(b"%PDF-1.4 folder", name="f.pdf")
    )

    image_file_metadata_set(image)
    document_file_metadata_set(document)

    assert (image.file_size, image.file_hash) == (
        len(content),
        hashlib.sha1(content, usedforsecurity=False).hexdigest(),
    )
    assert (document.file_size, document.file_hash) == (
        15,
        hashlib.sha1(b"%PDF-1.4 folder", usedforsecurity=False).hexdigest(),
    )


# --- Wagtail's "workflow submitted" mail -----------------------------------------------------


def test_wagtail_connects_its_workflow_submitted_mail_under_the_uid_we_take():
    from wagtail.admin import signal_handlers

    source = inspect.getsource(signal_handlers.register_signal_handlers)
    assert f'dispatch_uid="{upstream_internals.WORKFLOW_SUBMITTED_MAIL_UID}"' in source
    assert "workflow_submitted.connect(" in source


def test_a_receiver_connected_first_under_that_uid_stands_and_wagtails_does_not():
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_submitted

    heard = []

    def ours(sender, instance, **kwargs):
        heard.append(instance)

    def wagtails(sender, instance, **kwargs):
        heard.append("wagtail")

    uid = upstream_internals.WORKFLOW_SUBMITTED_MAIL_UID
    standing = workflow_submitted.disconnect(sender=WorkflowState, dispatch_uid=uid)
    try:
        workflow_submitted_mail_replace(ours)
        workflow_submitted.connect(wagtails, sender=WorkflowState, dispatch_uid=uid)
        workflow_submitted.send(sender=WorkflowState, instance="state", user=None)
    finally:
        workflow_submitted.disconnect(sender=WorkflowState, dispatch_uid=uid)
        if standing:
            from elearning.accounts.signal_handlers import workflow_submitted_notifier

            workflow_submitted_mail_replace(workflow_submitted_notifier)
    assert heard == ["state"]


# --- Nothing else names them -----------------------------------------------------------------


def test_no_other_module_names_a_private_attribute_of_wagtail_modelsearch_or_django():
    own = Path(upstream_internals.__file__).resolve()
    offenders = []
    for package in SOURCE_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if path.resolve() == own or "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            offenders += [
                f"{path.relative_to(ROOT)}: {name}" for name in PRIVATE_NAMES if name in text
            ]
    assert offenders == []
