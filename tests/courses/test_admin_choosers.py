"""Choosers in the page forms offer the page's own language: a French page is tagged with French
themes only (the three "Babobox" themes of nl, fr and en used to stand side by side)."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale

from courses.models import WebinarPage
from elearning.accounts.roles import MODERATORS, TRAINERS
from tests.factories import ThemeFactory, UserFactory
from tests.factories.admin_forms import add_url, webinar_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def babobox_themes(library_tree):
    """The same subject in the three languages, under one name."""
    return {
        language: ThemeFactory(
            name="Babobox", slug="babobox", locale=Locale.objects.get(language_code=language)
        )
        for language in ("nl", "fr", "en")
    }


def signed_in(client, *, group=None, **fields):
    user = UserFactory(**fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.fixture(params=["trainer", "moderator", "superuser"])
def admin_client(request, client):
    if request.param == "superuser":
        return signed_in(client, is_superuser=True, is_staff=True)
    return signed_in(client, group={"trainer": TRAINERS, "moderator": MODERATORS}[request.param])


def offered(response, field="themes"):
    """The options of a picker, as the form renders them."""
    return [str(label) for _value, label in response.context["form"].fields[field].choices]


def test_a_new_french_webinar_offers_french_themes_only(library_tree, babobox_themes, admin_client):
    library_fr = library_tree["translations"][("library", "fr")]

    response = admin_client.get(add_url(WebinarPage, library_fr))

    assert offered(response) == ["Babobox"]
    ids = [value.value for value, _label in response.context["form"].fields["themes"].choices]
    assert ids == [babobox_themes["fr"].pk]


def test_editing_a_french_course_offers_french_themes_only(library_tree, babobox_themes, client):
    signed_in(client, is_superuser=True, is_staff=True)
    course_fr = library_tree["translations"][("course", "fr")]

    response = client.get(reverse("wagtailadmin_pages:edit", args=(course_fr.pk,)))

    # The Dutch theme the translation copied from the Dutch course stays (labelled), no other.
    assert offered(response) == ["Babobox", "Kindermishandeling (Nederlands)"]


def test_a_theme_of_another_language_already_chosen_stays_and_says_its_language(
    library_tree, babobox_themes, client
):
    signed_in(client, is_superuser=True, is_staff=True)
    webinar_fr = library_tree["translations"][("webinar", "fr")]
    webinar_fr.themes.set([babobox_themes["nl"]])
    webinar_fr.save_revision().publish()

    response = client.get(reverse("wagtailadmin_pages:edit", args=(webinar_fr.pk,)))

    assert offered(response) == ["Babobox", "Babobox (Nederlands)"]


def test_a_theme_of_another_language_posted_by_hand_is_refused(
    library_tree, babobox_themes, client
):
    signed_in(client, group=TRAINERS, email="trainer@example.org")
    library_fr = library_tree["translations"][("library", "fr")]
    form = {**webinar_form("Webinaire Babobox"), "themes": [str(babobox_themes["nl"].pk)]}

    response = client.post(add_url(WebinarPage, library_fr), {**form, "action-submit": "on"})

    assert response.status_code == 200
    assert response.context["form"].errors["themes"]
    assert not WebinarPage.objects.filter(title="Webinaire Babobox").exists()
