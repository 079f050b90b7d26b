"""SITE_URL and XAPI_ACTIVITY_IRI as the settings read them: what they accept, the clear error
for anything else, what follows SITE_URL by default, and what production insists on."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.exceptions import ImproperlyConfigured

from settings.env import iri_base_parse, site_url_parse

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://leren.example.be"


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("https://leren.example.be", "https://leren.example.be"),
        (" https://Leren.Example.be/ ", "https://leren.example.be"),
        ("https://leren.example.be:443", "https://leren.example.be"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://[::1]:8000", "http://[::1]:8000"),
        ("https://leren.example.be:8443", "https://leren.example.be:8443"),
    ],
)
def test_site_url_takes_an_origin(value, normalised):
    assert site_url_parse(value) == normalised


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", "it is empty"),
        ("leren.example.be", "https:// or http://"),
        ("ftp://leren.example.be", "https:// or http://"),
        ("https://leren.example.be/leren", "must not have a path"),
        ("https://leren.example.be/?taal=nl", "must not have a query"),
        ("https://leren.example.be#top", "must not have a query or a fragment"),
        ("https://admin:geheim@leren.example.be", "user name or password"),
        ("https://leren.example.be:99999", "not a valid address"),
        ("https://leren.example.be:0", "port must be a number"),
        ("https://[::1", "not a valid address"),
        ("https://leren example.be", "host name has characters"),
        ("https://", "no host name"),
    ],
)
def test_an_invalid_site_url_says_what_is_wrong(value, problem):
    expected = "SITE_URL must be the site's public address"
    with pytest.raises(ImproperlyConfigured, match=expected) as error:
        site_url_parse(value)
    assert problem in str(error.value)
    assert repr(value.strip()) in str(error.value)


def test_the_activity_iri_ends_in_a_slash():
    assert iri_base_parse("https://vif.example.org/xapi", "XAPI_ACTIVITY_IRI") == (
        "https://vif.example.org/xapi/"
    )
    with pytest.raises(ImproperlyConfigured, match="XAPI_ACTIVITY_IRI must be an http"):
        iri_base_parse("urn:vif:xapi", "XAPI_ACTIVITY_IRI")


def settings_read(module, **environment):
    """SITE_URL, WAGTAILADMIN_BASE_URL and XAPI_ACTIVITY_IRI as `module` reads them from this
    environment, in a fresh process; or the error that stops it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SITE_URL", "XAPI_ACTIVITY_IRI", "WAGTAILADMIN_BASE_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE=module, DJANGO_SECRET_KEY="k3y-" + "a1b2c3d4" * 8)
    env.update(environment)
    code = (
        "from django.conf import settings as s; "
        "print(s.SITE_URL, s.WAGTAILADMIN_BASE_URL, s.XAPI_ACTIVITY_IRI)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    return result.stdout.split(), result.stderr


def test_the_admin_and_the_activity_iri_follow_site_url_by_default():
    values, _errors = settings_read("settings.dev", SITE_URL="https://leren.example.be/")

    assert values == [SITE, SITE, f"{SITE}/xapi/"]


def test_an_activity_iri_that_is_set_stays_whatever_site_url_says():
    iri = "https://vif.example.org/xapi/"
    first, _errors = settings_read("settings.dev", SITE_URL=SITE, XAPI_ACTIVITY_IRI=iri)
    moved, _errors = settings_read(
        "settings.dev", SITE_URL="https://leren.gent.be", XAPI_ACTIVITY_IRI=iri
    )

    assert first[2] == moved[2] == iri


def test_an_invalid_site_url_stops_the_start_with_a_clear_message():
    values, errors = settings_read("settings.dev", SITE_URL="leren.example.be/nl")

    assert values == []
    assert "ImproperlyConfigured: SITE_URL must be the site's public address" in errors
    assert "'leren.example.be/nl'" in errors


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({}, "SITE_URL must be set to the site's public address"),
        ({"SITE_URL": "http://leren.example.be"}, "SITE_URL must be an https:// address"),
    ],
)
def test_production_wants_an_https_site_url(environment, message):
    values, errors = settings_read("settings.production", **environment)

    assert values == []
    assert message in errors


def test_production_takes_an_https_site_url():
    values, _errors = settings_read("settings.production", SITE_URL=SITE)

    assert values == [SITE, SITE, f"{SITE}/xapi/"]
