"""Editors can create each page type where it belongs, and nowhere else."""

import pytest

from django.urls import reverse

from courses.models import (
    CoursePage,
    HomePage,
    InformationPage,
    LibraryPage,
    ModulePage,
    PodcastEpisodePage,
    PodcastPage,
    ToolPage,
    WebinarPage,
)
from tests.factories import UserFactory

ALLOWED_CHILDREN = {
    HomePage: {LibraryPage, InformationPage},
    LibraryPage: {CoursePage, WebinarPage, ToolPage, PodcastPage},
    CoursePage: {ModulePage, WebinarPage},
    ModulePage: set(),
    WebinarPage: set(),
    ToolPage: set(),
    PodcastPage: {PodcastEpisodePage},
    PodcastEpisodePage: set(),
    InformationPage: set(),
}


@pytest.mark.parametrize("parent_model", list(ALLOWED_CHILDREN))
def test_each_page_type_allows_exactly_its_children(parent_model):
    assert set(parent_model.allowed_subpage_models()) == ALLOWED_CHILDREN[parent_model]


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parent_role", "model_name"),
    [
        ("home", "librarypage"),
        ("library", "coursepage"),
        ("library", "webinarpage"),
        ("library", "toolpage"),
        ("library", "podcastpage"),
        ("course", "modulepage"),
        ("course", "webinarpage"),
    ],
)
def test_editor_opens_the_create_form_of_each_page_type(
    editor_client, library_tree, parent_role, model_name
):
    parent = library_tree["pages"][parent_role]
    url = reverse("wagtailadmin_pages:add", args=["courses", model_name, parent.pk])
    response = editor_client.get(url)
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parent_role", "model_name"),
    [
        ("home", "modulepage"),
        ("library", "modulepage"),
        ("course", "toolpage"),
        ("module", "modulepage"),
        ("library", "podcastepisodepage"),
    ],
)
def test_editor_cannot_create_a_page_in_the_wrong_place(
    editor_client, library_tree, parent_role, model_name
):
    parent = library_tree["pages"][parent_role]
    url = reverse("wagtailadmin_pages:add", args=["courses", model_name, parent.pk])
    response = editor_client.get(url)
    # Wagtail answers a forbidden page type by sending the editor back to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    response = editor_client.post(url, {"title": "Verkeerd", "slug": "verkeerd", "summary": "x"})
    assert response.status_code == 302
    assert not ModulePage.objects.filter(slug="verkeerd").exists()


@pytest.mark.django_db
def test_editor_publishes_a_module_through_the_admin_and_the_course_duration_follows(
    editor_client, library_tree
):
    course = library_tree["pages"]["course"]
    url = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])
    form = {
        "title": "Nieuwe module",
        "slug": "nieuwe-module",
        "summary": "Wat u moet weten.",
        "duration_minutes": "12",
        "content_warning": "",
        # The completion settings as the form shows them by default.
        "required": "on",
        "completion_rule": "viewed",
        "min_watched_percent": "90",
        "min_score_percent": "80",
        "min_time_percent": "50",
        "body-count": "1",
        "body-0-type": "text",
        "body-0-value": '{"blocks":[{"key":"a","text":"Uitleg.","type":"unstyled","depth":0,'
        '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "action-publish": "action-publish",
    }
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    module = ModulePage.objects.get(slug="nieuwe-module")
    assert module.live
    course.refresh_from_db()
    assert course.total_duration_minutes == 15 + 10 + 12


@pytest.mark.django_db
def test_admin_refuses_a_module_longer_than_twenty_minutes_and_creates_nothing(
    editor_client, library_tree
):
    course = library_tree["pages"]["course"]
    url = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])
    response = editor_client.post(
        url,
        {
            "title": "Te lang",
            "slug": "te-lang",
            "summary": "Te lang.",
            "duration_minutes": "45",
            "body-count": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert "20" in response.context["form"].errors["duration_minutes"][0]
    assert not ModulePage.objects.filter(slug="te-lang").exists()
