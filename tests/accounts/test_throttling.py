"""Failed sign-ins count per account, on both login pages alike, from whatever addresses they
come (elearning/accounts/throttling.py and the AXES_* settings)."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from elearning.accounts.roles import MODERATORS

from .conftest import PASSWORD
from .test_signup_and_login import link_in, sign_in, url

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-new-Passw0rd-for-me"


@pytest.fixture
def editor(make_learner):
    """An editor who signs in on both pages: the admin's and the site's."""
    user = make_learner("redactie@example.org")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def admin_sign_in(client, email, password=PASSWORD, **extra):
    return client.post(
        reverse("wagtailadmin_login"), {"username": email, "password": password}, **extra
    )


def site_sign_in(client, email, password=PASSWORD, **extra):
    return client.post(url("account_login"), {"login": email, "password": password}, **extra)


def addresses(count):
    return [f"198.51.100.{n}" for n in range(1, count + 1)]


@pytest.mark.parametrize("page", [admin_sign_in, site_sign_in], ids=["admin", "site"])
def test_wrong_passwords_from_many_addresses_lock_the_account_on_both_pages(
    client, settings, editor, page
):
    for address in addresses(settings.AXES_FAILURE_LIMIT):
        page(client, editor.email, "wrong-password", REMOTE_ADDR=address)

    on_admin = admin_sign_in(client, editor.email, REMOTE_ADDR="203.0.113.10")
    on_site = site_sign_in(client, editor.email, REMOTE_ADDR="203.0.113.11")

    assert on_admin.status_code == 429
    assert on_site.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lock_holds_for_one_account_only(client, settings, editor, make_learner):
    other = make_learner("collega@example.org")
    for address in addresses(settings.AXES_FAILURE_LIMIT):
        admin_sign_in(client, editor.email, "wrong-password", REMOTE_ADDR=address)

    response = site_sign_in(client, other.email, REMOTE_ADDR=addresses(1)[0])

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_choosing_a_new_password_from_the_mail_lifts_the_lock(client, settings, editor, mailoutbox):
    for address in addresses(settings.AXES_FAILURE_LIMIT):
        admin_sign_in(client, editor.email, "wrong-password", REMOTE_ADDR=address)
    assert site_sign_in(client, editor.email).status_code == 429

    client.post(url("account_reset_password"), {"email": editor.email})
    form_page = client.get(link_in(mailoutbox[-1]), follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    response = sign_in(client, editor.email, NEW_PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
