"""Signing in through a municipality's own identity provider (OpenID Connect).

The provider is tests/accounts/fake_idp.py, a real HTTP server on 127.0.0.1: the site talks to it
as it would to a municipality's (discovery, token, userinfo), and the browser's hop to its
/authorize page is made here with `requests`.
"""

import json
import runpy
from urllib.parse import urlsplit

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from bs4 import BeautifulSoup

from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from django.utils import translation

from elearning.accounts.models import User
from elearning.accounts.services import account_data_export, account_erase
from elearning.core.models import Municipality
from settings.oidc import oidc_providers_parse

from .fake_idp import rsa_key

pytestmark = pytest.mark.django_db


def login_url(language):
    with translation.override(language):
        return reverse("account_login")


def municipality_section(response):
    return BeautifulSoup(response.content, "html.parser").find(
        "section", class_="municipality-sign-in"
    )


def go_to_the_provider(client, language="nl"):
    """Press "Sign in with Stad Gent" on the sign-in page: the site sends us to the provider."""
    form = municipality_section(client.get(login_url(language))).find("form")
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(form["action"], {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    return response["Location"]


def approve_at_the_provider(authorize_url):
    """The provider approves at once and sends the browser back to the site's callback."""
    response = requests.get(authorize_url, allow_redirects=False, timeout=5)
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def come_back(client, callback_url):
    parts = urlsplit(callback_url)
    return client.get(f"{parts.path}?{parts.query}")


def sign_in_through_gent(client, language="nl"):
    return come_back(client, approve_at_the_provider(go_to_the_provider(client, language)))


def signed_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request to an /en/ page leaves English active in this thread (LocaleMiddleware does not
    switch back), and later tests in the same process reverse URLs in the active language."""
    yield
    translation.deactivate()


@pytest.fixture
def browser():
    """A client that checks CSRF tokens, as a browser's requests are checked."""
    return Client(enforce_csrf_checks=True)


def test_the_sign_in_page_offers_the_municipality_sign_in(client, gent_sign_in):
    section = municipality_section(client.get(login_url("en")))

    assert section.find("h2").get_text(strip=True) == "Sign in through your municipality"
    [item] = section.select("ul > li")
    form = item.find("form")
    assert form["method"] == "post"
    assert form["action"].startswith("/en/account/oidc/gent/login/")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert item.find("button", type="submit").get_text(strip=True) == "Sign in with Stad Gent"


def test_without_providers_the_sign_in_page_has_no_municipality_section(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}}

    response = client.get(login_url("en"))

    assert response.status_code == 200
    assert municipality_section(response) is None


def test_the_first_sign_in_makes_an_account_for_the_municipality(browser, gent_sign_in):
    response = sign_in_through_gent(browser, language="fr")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    user = signed_in_user(browser)
    assert user.email == "an.peeters@gent.example"
    assert (user.first_name, user.last_name) == ("An", "Peeters")
    assert user.municipality == Municipality.objects.get(slug="gent")
    assert user.preferred_language == "fr"
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("gent", "gent-0001")


def test_signing_in_again_with_the_same_subject_uses_the_same_account(browser, gent_sign_in):
    sign_in_through_gent(browser)
    first = signed_in_user(browser)
    browser.logout()
    assert signed_in_user(browser) is None

    gent_sign_in.person["given_name"] = "Anna"
    response = sign_in_through_gent(browser)

    assert response.status_code == 302
    assert signed_in_user(browser) == first
    assert User.objects.count() == 1
    assert SocialAccount.objects.count() == 1
    first.refresh_from_db()
    assert first.first_name == "An", "the name is taken at sign-up; the learner owns it after"


def test_only_the_claims_the_platform_needs_are_kept(browser, gent_sign_in):
    gent_sign_in.person.update(birthdate="1980-01-01", national_number="80010112345")

    sign_in_through_gent(browser)

    stored = str(SocialAccount.objects.get().extra_data)
    assert "gent-0001" in stored
    assert "1980-01-01" not in stored and "80010112345" not in stored


def test_the_learner_downloads_and_erases_what_the_provider_told_us(browser, gent_sign_in):
    sign_in_through_gent(browser)
    user = signed_in_user(browser)

    [entry] = account_data_export(user=user)["municipality_sign_ins"]
    assert (entry["provider"], entry["subject"]) == ("gent", "gent-0001")
    assert entry["claims"]["userinfo"]["email"] == "an.peeters@gent.example"

    account_erase(user=user)
    assert not SocialAccount.objects.exists()


def test_an_address_the_provider_has_not_verified_is_confirmed_by_mail(
    browser, gent_sign_in, mailoutbox
):
    gent_sign_in.person["email_verified"] = False

    sign_in_through_gent(browser)

    assert signed_in_user(browser) is None
    user = User.objects.get(email="an.peeters@gent.example")
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mailoutbox
    assert message.to == ["an.peeters@gent.example"]


def test_without_an_address_from_the_provider_the_learner_gives_one(
    browser, gent_sign_in, mailoutbox
):
    del gent_sign_in.person["email"], gent_sign_in.person["email_verified"]

    response = sign_in_through_gent(browser)
    assert response.status_code == 302
    form_page = browser.get(response["Location"])
    token = BeautifulSoup(form_page.content, "html.parser").find(
        "input", attrs={"name": "csrfmiddlewaretoken"}
    )["value"]
    browser.post(response["Location"], {"email": "an@gent.example", "csrfmiddlewaretoken": token})

    user = User.objects.get(email="an@gent.example")
    assert user.municipality.slug == "gent"
    assert not EmailAddress.objects.get(user=user).verified
    assert signed_in_user(browser) is None
    [message] = mailoutbox
    assert message.to == ["an@gent.example"]


def test_the_provider_cannot_sign_into_an_existing_account_by_its_address(
    browser, gent_sign_in, make_learner, mailoutbox
):
    learner = make_learner(email="an.peeters@gent.example")

    response = sign_in_through_gent(browser)

    assert response.status_code < 500
    assert signed_in_user(browser) is None
    assert not SocialAccount.objects.filter(user=learner).exists()
    assert User.objects.count() == 1
    # As with a sign-up under a taken address: the owner hears of it, the visitor learns nothing.
    [message] = mailoutbox
    assert message.to == ["an.peeters@gent.example"]


def assert_refused(response, client):
    assert response.status_code == 401
    assert "Third-Party Login Failure" in response.content.decode()
    assert signed_in_user(client) is None
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()


def test_a_callback_with_another_state_is_refused(browser, gent_sign_in):
    callback_url = approve_at_the_provider(go_to_the_provider(browser, "en"))
    forged = callback_url.replace("state=", "state=forged")

    response = come_back(browser, forged)

    assert_refused(response, browser)
    assert gent_sign_in.token_requests == [], "the code is never exchanged"


def test_a_callback_in_another_browser_is_refused(browser, gent_sign_in):
    """A code and state lured into someone else's browser sign nobody in there."""
    callback_url = approve_at_the_provider(go_to_the_provider(browser, "en"))
    other_browser = Client(enforce_csrf_checks=True)

    assert_refused(come_back(other_browser, callback_url), other_browser)


@pytest.mark.parametrize(
    "misbehaviour",
    [
        pytest.param({"id_token_audience": "another-client"}, id="for another client"),
        pytest.param({"id_token_lifetime": -60}, id="expired"),
    ],
)
def test_an_id_token_that_fails_validation_is_refused(browser, gent_sign_in, misbehaviour):
    for name, value in misbehaviour.items():
        setattr(gent_sign_in, name, value)

    response = sign_in_through_gent(browser, "en")

    assert_refused(response, browser)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "allauth takes the ID token it fetched from the token endpoint on the strength of TLS "
        "and does not check its signature (OpenID Connect Core 3.1.3.7, item 6); "
        "OIDC_PROVIDERS therefore accepts https:// provider addresses only"
    ),
)
def test_an_id_token_signed_with_another_key_is_refused(browser, gent_sign_in):
    gent_sign_in.id_token_key = rsa_key()

    response = sign_in_through_gent(browser, "en")

    assert_refused(response, browser)


def test_the_sign_in_forms_may_lead_to_the_provider(monkeypatch):
    """The browser follows the button's POST to a redirect to the provider: CSP form-action."""
    monkeypatch.setenv(
        "OIDC_PROVIDERS",
        '[{"municipality": "gent", "name": "Stad Gent", "client_id": "x", "secret": "y",'
        ' "server_url": "https://login.gent.example/realms/staff"}]',
    )

    settings = runpy.run_module("settings.base")
    security = runpy.run_module("settings.security")  # base reads its policy once, at start

    [app] = settings["SOCIALACCOUNT_PROVIDERS"]["openid_connect"]["APPS"]
    assert app["provider_id"] == "gent"
    form_action = security["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["form-action"]
    assert form_action == ["'self'", "https://login.gent.example"]


# OIDC_PROVIDERS, read once at startup by settings/base.py.

GENT = {
    "municipality": "gent",
    "name": "Stad Gent",
    "server_url": "https://login.gent.example/realms/staff",
    "client_id": "leerplatform",
    "secret": "s3cret-value",
}


def providers(*entries):
    return json.dumps(list(entries))


def test_each_entry_becomes_an_app_named_after_its_municipality():
    eeklo = {**GENT, "municipality": "eeklo", "name": "Stad Eeklo"}

    apps = oidc_providers_parse(providers(GENT, eeklo))

    assert apps == [
        {
            "provider_id": "gent",
            "name": "Stad Gent",
            "client_id": "leerplatform",
            "secret": "s3cret-value",
            "settings": {"server_url": "https://login.gent.example/realms/staff"},
        },
        {
            "provider_id": "eeklo",
            "name": "Stad Eeklo",
            "client_id": "leerplatform",
            "secret": "s3cret-value",
            "settings": {"server_url": "https://login.gent.example/realms/staff"},
        },
    ]


@pytest.mark.parametrize("raw", ["", "  ", "[]"])
def test_no_providers_configured(raw):
    assert oidc_providers_parse(raw) == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('[{"municipality": "gent",}]', "OIDC_PROVIDERS: not valid JSON (Expecting"),
        (json.dumps(GENT), "OIDC_PROVIDERS: must be a JSON list"),
        ('["gent"]', "OIDC_PROVIDERS: entry 1 must be an object"),
        (
            providers(GENT, {"municipality": "eeklo", "name": "Eeklo"}),
            "OIDC_PROVIDERS: entry 2: missing server_url, client_id, secret",
        ),
        (providers({**GENT, "client-id": "x"}), "OIDC_PROVIDERS: entry 1: unknown client-id"),
        (providers({**GENT, "secret": ""}), "OIDC_PROVIDERS: entry 1: secret must be non-empty"),
        (providers({**GENT, "municipality": "Gent"}), "municipality must be a municipality's slug"),
        (
            providers({**GENT, "server_url": "http://login.gent.example/realms/staff"}),
            "OIDC_PROVIDERS: entry 1: server_url must be an https:// address",
        ),
        (providers(GENT, GENT), "OIDC_PROVIDERS: gent appears twice"),
    ],
)
def test_a_mistake_stops_the_site_with_a_clear_message(raw, message):
    with pytest.raises(ImproperlyConfigured) as error:
        oidc_providers_parse(raw)

    assert message in str(error.value)
    assert "s3cret-value" not in str(error.value)


def test_plain_http_is_accepted_on_this_machine_only():
    [app] = oidc_providers_parse(providers({**GENT, "server_url": "http://127.0.0.1:8080/x"}))

    assert app["settings"]["server_url"] == "http://127.0.0.1:8080/x"
