"""Signing out of the admin takes the sidebar's button (a POST with its CSRF token): a link or
an image elsewhere that asks for the sign-out address leaves the editor signed in."""

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from elearning.accounts.roles import MODERATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_browser():
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=MODERATORS))
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def signed_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def csrf_token(client):
    client.get(reverse("wagtailadmin_home"))  # the dashboard carries the sign-out form
    return client.cookies["csrftoken"].value


def test_a_get_of_the_sign_out_address_answers_405_and_signs_nobody_out(editor_browser):
    response = editor_browser.get(reverse("wagtailadmin_logout"))

    assert response.status_code == 405
    assert "sessionid" not in response.cookies
    assert signed_in(editor_browser)


def test_a_sign_out_posted_without_the_csrf_token_is_refused(editor_browser):
    response = editor_browser.post(reverse("wagtailadmin_logout"))

    assert response.status_code == 403
    assert "sessionid" not in response.cookies
    assert signed_in(editor_browser)


def test_the_sign_out_button_signs_the_editor_out(editor_browser):
    token = csrf_token(editor_browser)

    response = editor_browser.post(reverse("wagtailadmin_logout"), {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_login")
    assert not signed_in(editor_browser)
