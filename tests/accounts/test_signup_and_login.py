"""Sign-up with a verified address, sign-in by email, sign-out, password reset, throttling."""

import re

import pytest
from allauth.account.models import EmailAddress

from django.urls import reverse
from django.utils import translation

from elearning.accounts.models import User

from .conftest import PASSWORD

NEW_PASSWORD = "a-new-Passw0rd-for-me"
# What a subject line must never give away to someone looking over the learner's shoulder.
REVEALING_WORDS = ("vif", "geweld", "violence", "violent", "abuse", "mishandel", "maltrait")


def link_in(message):
    """The path of the mail's link, which is at SITE_URL (settings/test.py), never at the host
    of the request that sent the mail (the test client's "testserver")."""
    return re.search(r"http://leerplatform\.test(/\S+)", message.body).group(1)


def url(name, language="nl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def sign_up(client, email="nieuw@example.org", language="nl"):
    return client.post(
        url("account_signup", language),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def sign_in(client, email, password=PASSWORD, language="nl"):
    return client.post(url("account_login", language), {"login": email, "password": password})


def assert_discreet(subject):
    assert subject.startswith("[Leerplatform] ")
    assert not any(word in subject.lower() for word in REVEALING_WORDS), subject


@pytest.mark.django_db
def test_sign_up_confirm_from_the_email_then_sign_in(client, mailoutbox):
    response = sign_up(client, email="Nieuw@Example.org")
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert "_auth_user_id" not in client.session

    [message] = mailoutbox
    assert message.to == ["nieuw@example.org"]
    assert_discreet(message.subject)
    confirm_url = link_in(message)
    assert client.get(confirm_url).status_code == 200
    client.post(confirm_url)
    assert EmailAddress.objects.get(user=user).verified

    response = sign_in(client, "nieuw@example.org")
    assert response.status_code == 302
    assert response["Location"] == url("accounts:profile")
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_signing_in_before_confirming_gives_no_access(client, mailoutbox):
    sign_up(client)
    response = sign_in(client, "nieuw@example.org")
    assert "_auth_user_id" not in client.session
    assert response["Location"] == url("account_email_verification_sent")
    assert client.get(url("accounts:profile")).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_account_mails_are_discreet_and_in_the_learners_language(
    client, mailoutbox, make_learner, language
):
    sign_up(client, language=language)
    learner = make_learner(email="bestaand@example.org", preferred_language=language)
    client.post(url("account_reset_password", language), {"email": learner.email})

    confirmation, reset = mailoutbox
    with translation.override(language):
        expected_subjects = [
            "[Leerplatform] " + translation.gettext("Please Confirm Your Email Address"),
            "[Leerplatform] " + translation.gettext("Password Reset Email"),
        ]
        # The site is named by SITE_URL's host, not by the host the request named.
        greeting = translation.gettext("Hello from %(site_name)s!") % {
            "site_name": "leerplatform.test"
        }
    assert [confirmation.subject, reset.subject] == expected_subjects
    for message in (confirmation, reset):
        assert_discreet(message.subject)
        assert greeting in message.body
    assert User.objects.get(email="nieuw@example.org").preferred_language == language


@pytest.mark.django_db
def test_a_reset_mail_speaks_the_learners_language_not_the_pages(client, mailoutbox, make_learner):
    learner = make_learner(preferred_language="fr")
    client.post(url("account_reset_password", "nl"), {"email": learner.email})
    with translation.override("fr"):
        assert mailoutbox[0].subject.endswith(translation.gettext("Password Reset Email"))


@pytest.mark.django_db
def test_password_reset_from_the_email_link(client, mailoutbox, learner):
    client.post(url("account_reset_password"), {"email": learner.email})
    [message] = mailoutbox
    assert_discreet(message.subject)

    form_page = client.get(link_in(message), follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302

    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)
    sign_in(client, learner.email, NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(learner.pk)


@pytest.mark.django_db
def test_change_password(learner_client, learner):
    response = learner_client.post(
        url("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_sign_out_is_a_post(learner_client):
    assert learner_client.get(url("account_logout")).status_code == 200
    assert "_auth_user_id" in learner_client.session
    learner_client.post(url("account_logout"))
    assert "_auth_user_id" not in learner_client.session


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_signing_out_keeps_the_language_of_the_page(learner_client, language):
    """The header's form on a French page signs out to the French home page, whatever language
    the browser asks for."""
    response = learner_client.post(url("account_logout", language), HTTP_ACCEPT_LANGUAGE="nl-BE")
    assert response.status_code == 302
    assert response.url == f"/{language}/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Te veel aanmeldpogingen"),
        ("fr", "Trop de tentatives de connexion"),
        ("en", "Too many sign-in attempts"),
    ],
)
def test_repeated_failed_sign_ins_lock_out_with_a_clear_message(
    client, settings, learner, language, expected
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, learner.email, "wrong-password", language)
    response = sign_in(client, learner.email.upper(), language=language)
    assert response.status_code == 429
    page = response.content.decode()
    assert expected in page
    assert "data-quick-exit" in page  # still inside the site chrome, quick exit included
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_failures_on_the_site_count_for_the_admin_login_too(client, settings, learner):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, learner.email, "wrong-password")
    response = client.post(
        reverse("wagtailadmin_login"), {"username": learner.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Dit wachtwoord is te kort"),
        ("fr", "Ce mot de passe est trop court"),
        ("en", "This password is too short"),
    ],
)
def test_a_short_password_is_refused_in_the_visitors_language(client, language, expected):
    response = client.post(
        url("account_signup", language),
        {"email": "kort@example.org", "password1": "k0rt!", "password2": "k0rt!"},
    )
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not User.objects.filter(email="kort@example.org").exists()
