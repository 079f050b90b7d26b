"""GDPR: a learner downloads everything kept about them, and erases their account."""

import json

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessLog

from django.urls import reverse

from elearning.accounts.models import User
from elearning.accounts.services import account_data_export
from elearning.core.models import Municipality

from .conftest import PASSWORD


@pytest.mark.django_db
def test_the_download_holds_the_profile_and_nobody_elses_data(client, make_learner):
    make_learner(email="ander@example.org", first_name="Geheim", organisation="Elders")
    me = make_learner(
        email="ik@example.org",
        first_name="An",
        organisation="CAW",
        municipality=Municipality.objects.get(name="Gent"),
    )
    client.post(reverse("account_login"), {"login": me.email, "password": PASSWORD})

    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "vif" not in response["Content-Disposition"].lower()
    data = json.loads(response.content)
    assert data["account"]["email"] == "ik@example.org"
    assert data["account"]["first_name"] == "An"
    assert data["account"]["municipality"] == "Gent"
    assert data["account"]["date_joined"]
    assert data["email_addresses"] == [
        {"email": "ik@example.org", "verified": True, "primary": True}
    ]
    assert len(data["sign_ins"]) == 1
    text = response.content.decode()
    assert "ander@example.org" not in text and "Geheim" not in text and "Elders" not in text


@pytest.mark.django_db
def test_the_export_is_json_ready(learner):
    data = account_data_export(user=learner)

    # The download is this data as JSON: every value survives the trip unchanged (no datetime
    # or Decimal that json refuses, no tuple or key that comes back different).
    assert json.loads(json.dumps(data)) == data
    assert data["account"]["email"] == learner.email
    assert data["email_addresses"] == [{"email": learner.email, "verified": True, "primary": True}]


@pytest.mark.django_db
def test_the_download_needs_a_signed_in_learner(client):
    assert client.get(reverse("accounts:data_export")).status_code == 302


@pytest.mark.django_db
def test_a_wrong_password_deletes_nothing(learner_client, learner):
    response = learner_client.post(reverse("accounts:delete"), {"password": "wrong-password"})
    assert response.status_code == 200
    assert "Dat is niet uw huidige wachtwoord." in response.content.decode()
    assert 'aria-describedby="id_password_errors"' in response.content.decode()
    assert User.objects.filter(pk=learner.pk).exists()
    assert EmailAddress.objects.filter(user=learner).exists()
    assert learner_client.session["_auth_user_id"] == str(learner.pk)


@pytest.mark.django_db
def test_the_right_password_erases_the_account_and_signs_out(client, learner, make_learner):
    other = make_learner(email="ander@example.org")
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert AccessLog.objects.filter(username=learner.email).exists()

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD}, follow=True)

    assert not User.objects.filter(pk=learner.pk).exists()
    assert not EmailAddress.objects.filter(email=learner.email).exists()
    assert not AccessLog.objects.filter(username=learner.email).exists()
    assert "_auth_user_id" not in client.session
    assert "Uw account en de gegevens" in response.content.decode()
    assert User.objects.filter(pk=other.pk).exists()
    assert EmailAddress.objects.filter(user=other).exists()


@pytest.mark.django_db
def test_the_delete_page_asks_for_the_password(learner_client):
    page = learner_client.get(reverse("accounts:delete")).content.decode()
    assert 'type="password"' in page
    assert '<label for="id_password">' in page


@pytest.mark.django_db
def test_a_learner_without_a_password_confirms_with_their_address(client, make_learner):
    # Signed up through their municipality's identity provider: no password to type.
    learner = make_learner(email="via.gemeente@example.org")
    learner.set_unusable_password()
    learner.save()
    client.force_login(learner)
    page = client.get(reverse("accounts:delete")).content.decode()
    assert 'type="password"' not in page
    assert '<label for="id_email">' in page

    wrong = client.post(reverse("accounts:delete"), {"email": "iemand.anders@example.org"})
    assert "Dat is niet het adres van uw account." in wrong.content.decode()
    assert User.objects.filter(pk=learner.pk).exists()

    client.post(reverse("accounts:delete"), {"email": "Via.Gemeente@example.org"})
    assert not User.objects.filter(pk=learner.pk).exists()
