"""/.well-known/security.txt tells a finder where to report, checked by internet.nl's parser."""

import datetime

import pytest
from sectxt import Parser

from django.utils import timezone


@pytest.mark.django_db  # the 404 page reads the site's settings
def test_without_a_contact_there_is_no_file(client, settings):
    settings.SECURITY_CONTACTS = []
    assert client.get("/.well-known/security.txt").status_code == 404


def test_the_file_is_valid_for_an_independent_parser(client, settings):
    settings.SECURITY_CONTACTS = ["security@gent.example.be", "https://gent.example.be/meld"]
    settings.SECURITY_POLICY_URL = "https://gent.example.be/beleid"
    settings.SITE_URL = "https://leren.gent.example.be"

    response = client.get("/.well-known/security.txt", secure=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    # Canonical names the file at SITE_URL, not at the host this request named (testserver).
    canonical = "https://leren.gent.example.be/.well-known/security.txt"
    assert f"Canonical: {canonical}\n" in response.text
    parsed = Parser(response.content, urls=canonical)
    assert parsed.is_valid(), parsed.errors
    assert parsed.contact_emails == ["security@gent.example.be"]
    assert parsed.contact_urls == ["https://gent.example.be/meld"]
    assert parsed.preferred_languages == ["nl", "fr", "en"]
    assert "Policy: https://gent.example.be/beleid" in response.text


@pytest.mark.parametrize("days_later", [0, 364])
def test_the_file_never_expires_while_the_platform_runs(client, settings, days_later, monkeypatch):
    settings.SECURITY_CONTACTS = ["mailto:security@gent.example.be"]
    later = timezone.now() + datetime.timedelta(days=days_later)
    monkeypatch.setattr(timezone, "now", lambda: later)

    expires_line = next(
        line
        for line in client.get("/.well-known/security.txt").text.splitlines()
        if line.startswith("Expires: ")
    )

    expires = datetime.datetime.fromisoformat(expires_line.removeprefix("Expires: "))
    assert later < expires < later + datetime.timedelta(days=365)


def test_only_reading_is_allowed(client, settings):
    settings.SECURITY_CONTACTS = ["mailto:security@gent.example.be"]
    assert client.post("/.well-known/security.txt").status_code == 405
