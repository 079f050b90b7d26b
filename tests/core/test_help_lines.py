"""The help box names the help lines of the page's language, as administrators keep them."""

import re

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from elearning.accounts.roles import TRAINERS
from elearning.core.models import HelpLine
from tests.factories import UserFactory


def help_box(response):
    assert response.status_code == 200
    html = response.content.decode()
    return re.search(r'<aside class="help-box".*?</aside>', html, re.S).group(0)


def dialled(box):
    return re.findall(r'href="tel:([^"]+)"', box)


def line_of(language, number):
    return HelpLine.objects.get(locale__language_code=language, number=number)


def edit_form(line, **changes):
    fields = {
        "number": line.number,
        "name": line.name,
        "description": line.description,
        "sort_order": line.sort_order,
    }
    return {**fields, **changes}


@pytest.fixture
def administrator(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.django_db
def test_a_french_page_names_the_french_speaking_lines(client, library_tree):
    box = help_box(client.get(library_tree["translations"][("home", "fr")].url))

    assert "0800 30 030" in box and "Écoute violences conjugales" in box
    assert "080030030" in dialled(box)
    assert {"103", "107", "112"} <= set(dialled(box))
    assert "106" not in dialled(box) and "Tele-Onthaal" not in box


@pytest.mark.django_db
def test_a_dutch_page_names_1712_112_and_tele_onthaal(client, library_tree):
    box = help_box(client.get(library_tree["pages"]["module"].url))

    assert dialled(box) == ["1712", "112", "106"]
    assert "Tele-Onthaal" in box and "hulplijn" in box.lower()
    assert "080030030" not in dialled(box)


@pytest.mark.django_db
def test_an_english_page_names_1712_and_112(client, library_tree):
    box = help_box(client.get(library_tree["translations"][("home", "en")].url))

    assert dialled(box)[:2] == ["1712", "112"]
    assert "Emergency number" in box


@pytest.mark.django_db
def test_a_language_without_lines_shows_the_dutch_ones(client, library_tree):
    HelpLine.objects.filter(locale__language_code="en").delete()

    box = help_box(client.get(library_tree["translations"][("home", "en")].url))

    assert dialled(box) == ["1712", "112", "106"]


@pytest.mark.django_db
def test_an_administrator_changes_a_line_and_every_page_shows_it_at_once(
    administrator, library_tree, django_capture_on_commit_callbacks
):
    visitor = Client()
    url = library_tree["pages"]["module"].url
    assert "Tele-Onthaal" in help_box(visitor.get(url))  # now in the anonymous page cache
    line = line_of("nl", "106")
    edit_url = reverse("wagtailsnippets_core_helpline:edit", args=[line.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = administrator.post(
            edit_url, edit_form(line, name="Tele-Onthaal (dag en nacht)", number="106 0")
        )

    assert response.status_code == 302
    box = help_box(visitor.get(url))
    assert "Tele-Onthaal (dag en nacht)" in box
    assert "1060" in dialled(box)


@pytest.mark.django_db
def test_deleting_a_line_removes_it_from_the_pages(
    client, library_tree, django_capture_on_commit_callbacks
):
    url = library_tree["pages"]["home"].url
    assert "106" in dialled(help_box(client.get(url)))

    with django_capture_on_commit_callbacks(execute=True):
        line_of("nl", "106").delete()

    assert "106" not in dialled(help_box(client.get(url)))


@pytest.mark.django_db
def test_a_trainer_can_neither_open_nor_change_a_line(client, library_tree):
    trainer = UserFactory()
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(trainer)
    line = line_of("nl", "1712")
    edit_url = reverse("wagtailsnippets_core_helpline:edit", args=[line.pk])

    assert client.get(edit_url).status_code != 200
    client.post(edit_url, edit_form(line, number="0900 00 000"))
    assert client.get(reverse("wagtailsnippets_core_helpline:list")).status_code != 200

    line.refresh_from_db()
    assert line.number == "1712"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "number", ["17x2", "<script>1</script>", "17  12", "+32 (0)2 123", "-1712"]
)
def test_a_number_that_is_not_digits_gets_a_clear_error(administrator, library_tree, number):
    line = line_of("nl", "1712")
    edit_url = reverse("wagtailsnippets_core_helpline:edit", args=[line.pk])

    response = administrator.post(edit_url, edit_form(line, number=number))

    assert response.status_code == 200
    # The admin speaks the default language, Dutch.
    assert "Geef het nummer alleen in cijfers" in response.content.decode()
    line.refresh_from_db()
    assert line.number == "1712"


@pytest.mark.django_db
def test_the_help_lines_appear_under_settings_for_administrators(administrator):
    response = administrator.get(reverse("wagtailsnippets_core_helpline:list"))

    assert response.status_code == 200
    assert "0800 30 030" in response.content.decode()
