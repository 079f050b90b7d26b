import pytest

from django.urls import reverse

from elearning.accounts.models import User
from elearning.core.models import Municipality, Sector
from tests.factories import UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.django_db
def test_an_admin_creates_a_user_with_municipality_and_sector(admin_client):
    eeklo = Municipality.objects.get(name="Eeklo")
    care = Sector.objects.get(code="care")
    page = admin_client.get(reverse("wagtailusers_users:add"))
    assert 'name="municipality"' in page.content.decode()

    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "spoc@eeklo.example",
            "first_name": "Els",
            "last_name": "Coördinator",
            "municipality": eeklo.pk,
            "organisation": "OCMW Eeklo",
            "sector": care.pk,
            "preferred_language": "nl",
            "password1": "a-long-enough-Passw0rd",
            "password2": "a-long-enough-Passw0rd",
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(email="spoc@eeklo.example")
    assert (user.municipality, user.sector, user.organisation) == (eeklo, care, "OCMW Eeklo")


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["an@example.org", "AN@Example.org"])
def test_a_duplicate_email_is_refused_with_a_message_and_no_new_user(admin_client, email):
    UserFactory(email="an@example.org")
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": email,
            "password1": "a-long-enough-Passw0rd",
            "password2": "a-long-enough-Passw0rd",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert User.objects.filter(email__iexact="an@example.org").count() == 1


@pytest.mark.django_db
def test_an_admin_moves_a_user_to_another_municipality(admin_client):
    user = UserFactory(email="els@example.org")
    gent = Municipality.objects.get(name="Gent")
    edit_url = reverse("wagtailusers_users:edit", args=[user.pk])
    assert 'name="municipality"' in admin_client.get(edit_url).content.decode()
    response = admin_client.post(
        edit_url,
        {
            "email": user.email,
            "first_name": "Els",
            "last_name": "Peeters",
            "municipality": gent.pk,
            "preferred_language": "fr",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert (user.municipality, user.preferred_language) == (gent, "fr")
