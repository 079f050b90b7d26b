"""The learner's profile page, and the header's account area with the page cache."""

import pytest

from django.urls import reverse
from django.utils import translation

from elearning.core.models import Municipality, Sector

from .conftest import PASSWORD


def profile_url(language="nl"):
    with translation.override(language):
        return reverse("accounts:profile")


def profile_data(**changes):
    data = {
        "first_name": "An",
        "last_name": "Peeters",
        "municipality": Municipality.objects.get(name="Eeklo").pk,
        "organisation": "CAW Oost-Vlaanderen",
        "sector": Sector.objects.get(code="care").pk,
        "preferred_language": "nl",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_profile_needs_a_signed_in_learner(client):
    response = client.get(profile_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_a_learner_edits_their_profile(learner_client, learner):
    page = learner_client.get(profile_url()).content.decode()
    assert page.count("<option") >= 15 + 3 + 3
    response = learner_client.post(profile_url(), profile_data(), follow=True)

    learner.refresh_from_db()
    assert (learner.first_name, learner.last_name) == ("An", "Peeters")
    assert learner.municipality.name == "Eeklo"
    assert learner.sector.code == "care"
    assert learner.organisation == "CAW Oost-Vlaanderen"
    assert "Uw profiel is bewaard." in response.content.decode()


@pytest.mark.django_db
def test_choosing_another_language_moves_the_profile_to_it(learner_client, learner):
    response = learner_client.post(profile_url(), profile_data(preferred_language="fr"))
    assert response["Location"] == profile_url("fr")
    page = learner_client.get(response["Location"]).content.decode()
    assert "Votre profil a été enregistré." in page
    learner.refresh_from_db()
    assert learner.preferred_language == "fr"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("municipality", "999999"),
        ("sector", "1 OR 1=1"),
        ("organisation", "x" * 10_000),
        ("preferred_language", "de"),
    ],
)
def test_hostile_input_is_refused_and_changes_nothing(learner_client, learner, field, value):
    learner.organisation = "Politiezone Schelde-Leie"
    learner.save()
    response = learner_client.post(profile_url(), profile_data(**{field: value}))

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    page = response.content.decode()
    assert f'id="id_{field}_errors"' in page
    assert 'aria-invalid="true"' in page
    learner.refresh_from_db()
    # Nothing of the refused form is saved: not the name "An", not the municipality Eeklo.
    assert (learner.first_name, learner.organisation) == ("Lies", "Politiezone Schelde-Leie")
    assert learner.municipality.name == "Gent"


@pytest.mark.django_db
def test_errors_are_in_the_pages_language(learner_client):
    response = learner_client.post(profile_url("fr"), profile_data(preferred_language="de"))
    assert "Sélectionnez un choix valide" in response.content.decode()


@pytest.mark.django_db
def test_a_learner_never_sees_another_learners_profile(client, make_learner):
    other = make_learner(email="ander@example.org", first_name="Geheim", organisation="Elders")
    me = make_learner(email="ik@example.org")
    client.force_login(me)
    page = client.get(profile_url()).content.decode()
    assert "ik@example.org" in page
    assert other.email not in page
    assert "Geheim" not in page and "Elders" not in page


@pytest.mark.django_db
def test_the_header_offers_sign_in_to_everyone_and_stays_cacheable(client, library_tree):
    url = library_tree["pages"]["course"].url
    first = client.get(url)
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    page = second.content.decode()
    assert f'href="{reverse("account_login")}"' in page
    assert "Aanmelden" in page
    assert "csrfmiddlewaretoken" not in page
    assert first.content == second.content


@pytest.mark.django_db
def test_signed_in_learners_get_their_own_header_uncached(client, library_tree, learner):
    url = library_tree["pages"]["course"].url
    client.get(url)  # an anonymous copy is now in the cache
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    response = client.get(url)
    assert "X-Page-Cache" not in response
    page = response.content.decode()
    assert profile_url() in page
    assert "csrfmiddlewaretoken" in page  # the sign-out form

    client.post(reverse("account_logout"))
    page = client.get(url).content.decode()
    assert "csrfmiddlewaretoken" not in page
    assert f'href="{reverse("account_login")}"' in page


@pytest.mark.django_db
def test_anonymous_visitors_browse_the_library_without_an_account(client, library_tree):
    for role in ("home", "library", "course", "module", "webinar", "tool"):
        response = client.get(library_tree["pages"][role].url)
        assert response.status_code == 200, role
        assert "Aanmelden" in response.content.decode()
