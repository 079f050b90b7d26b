"""The module's time requirement in the admin: proposed for new modules, kept for existing ones,
refused outside 0 to 100 % with a clear message, and held by the database itself."""

import pytest

from django.db import IntegrityError, transaction

from courses.models import ModulePage
from tests.factories import UserFactory
from tests.factories.admin_forms import add_url, module_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def time_input(html):
    return html.split('name="min_time_percent"', 1)[1].split(">", 1)[0]


def test_a_new_module_proposes_half_its_duration(editor_client, library_tree):
    course = library_tree["pages"]["course"]
    html = editor_client.get(add_url(ModulePage, course)).content.decode()
    assert 'value="50"' in time_input(html)
    assert "0: geen tijd vereist." in html  # the help text, in the editor's language


def test_an_existing_module_keeps_no_time_requirement(editor_client, library_tree):
    module = library_tree["pages"]["module"]
    assert module.min_time_percent == 0
    html = editor_client.get(f"/admin/pages/{module.pk}/edit/").content.decode()
    assert 'value="0"' in time_input(html)


def test_the_setting_sits_in_the_completion_group(editor_client, library_tree):
    module = library_tree["pages"]["module"]
    html = editor_client.get(f"/admin/pages/{module.pk}/edit/").content.decode()
    group = html.split(">Voltooiing<", 1)[1]
    assert 'name="min_time_percent"' in group.split("</section>", 1)[0]


def test_an_editor_saves_a_time_requirement(editor_client, library_tree):
    course = library_tree["pages"]["course"]
    form = {**module_form("Met tijd"), "min_time_percent": "75", "action-publish": "on"}
    response = editor_client.post(add_url(ModulePage, course), form)
    assert response.status_code == 302
    assert ModulePage.objects.get(title="Met tijd").min_time_percent == 75


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("101", "Geef een aandeel van de duur van 0 tot 100 %."),
        ("-5", "0"),  # Django's own "at least 0" message, in Dutch
        ("veel", "geheel getal"),
        ("", "verplicht"),
    ],
)
def test_the_admin_refuses_a_time_requirement_outside_0_to_100(
    editor_client, library_tree, value, message
):
    course = library_tree["pages"]["course"]
    form = {**module_form("Te veel tijd"), "min_time_percent": value, "action-publish": "on"}
    response = editor_client.post(add_url(ModulePage, course), form)
    assert response.status_code == 200
    errors = response.context["form"].errors["min_time_percent"]
    assert any(message in error for error in errors), errors
    assert not ModulePage.objects.filter(title="Te veel tijd").exists()


@pytest.mark.parametrize("value", [101, 1000])
def test_the_database_refuses_a_time_requirement_above_100(library_tree, value):
    module = library_tree["pages"]["module"]
    with pytest.raises(IntegrityError), transaction.atomic():
        ModulePage.objects.filter(pk=module.pk).update(min_time_percent=value)
    module.refresh_from_db()
    assert module.min_time_percent == 0
