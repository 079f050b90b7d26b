"""Administrators name the SPOCs; the reports appear in the menu of whoever may read them."""

import pytest

from django.contrib.auth.models import Group

from elearning.accounts.roles import COORDINATORS
from elearning.reports.models import MunicipalCoordinator
from tests.factories import UserFactory

from .conftest import municipality

ADD = "/admin/municipal_coordinators/new/"


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(email="beheer@example.org", is_superuser=True, is_staff=True))
    return client


def test_an_administrator_names_a_spoc_by_email(admin_client, db):
    person = UserFactory(email="Coordinator@Eeklo.be")
    eeklo = municipality("Eeklo")
    response = admin_client.post(ADD, {"email": "coordinator@eeklo.be", "municipality": eeklo.pk})
    assert response.status_code == 302
    assert MunicipalCoordinator.objects.get().user == person
    assert person.groups.filter(name=COORDINATORS).exists()
    again = admin_client.post(ADD, {"email": "coordinator@eeklo.be", "municipality": eeklo.pk})
    assert "Deze persoon coördineert deze gemeente al." in again.content.decode()
    MunicipalCoordinator.objects.get().delete()
    assert not person.groups.filter(name=COORDINATORS).exists()  # no municipality left


@pytest.mark.parametrize("email", ["nobody@example.org", "not an address", ""])
def test_an_unknown_address_is_explained_and_nothing_is_saved(admin_client, email):
    response = admin_client.post(ADD, {"email": email, "municipality": municipality("Gent").pk})
    assert response.status_code == 200
    assert not MunicipalCoordinator.objects.exists()
    text = response.content.decode()
    assert any(
        note in text
        for note in (
            "Geen actief account heeft dit e-mailadres.",
            "Voer een geldig e-mailadres in.",
            "Dit is een verplicht veld.",
        )
    )


def test_only_administrators_name_spocs(client, people):
    for person in (people.editor, people.trainer, people.spoc):
        client.force_login(person)
        response = client.get(ADD)
        assert response.status_code == 302, person
        response = client.post(
            ADD, {"email": person.email, "municipality": municipality("Gent").pk}
        )
        assert not MunicipalCoordinator.objects.filter(municipality__name="Gent").exists()


def test_the_reports_menu_follows_the_role(client, people):
    for person, shown in ((people.spoc, True), (people.trainer, True), (people.editor, True)):
        client.force_login(person)
        text = client.get("/admin/").content.decode()
        assert ("Leren per opleiding" in text) is shown, person
        assert ("Gemeenten en intervisie" in text) is shown, person
    client.force_login(people.learner)
    assert client.get("/admin/").status_code == 302  # no admin at all


def test_the_spoc_group_opens_only_the_reports(db):
    group = Group.objects.get(name=COORDINATORS)
    assert sorted(p.codename for p in group.permissions.all()) == [
        "access_admin",
        "view_municipal_reports",
    ]
