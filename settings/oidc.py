"""Municipalities' own sign-in (OpenID Connect), configured from one environment variable.

Pure parsing, kept in the settings package because settings/base.py and settings/security.py read
it before any app is loaded: it must not import application code (an import-linter contract in
pyproject.toml checks this). The apps read the result from settings.OIDC_PROVIDER_APPS.

OIDC_PROVIDERS holds a JSON list with one object per municipality:

    [{"municipality": "gent", "name": "Stad Gent",
      "server_url": "https://login.gent.be/realms/staff",
      "client_id": "leerplatform", "secret": "..."}]

Each becomes an app of allauth's generic OpenID Connect provider whose provider id is the
municipality's slug (so the sign-in lives at /<lang>/account/oidc/gent/login/ and the social
account adapter knows the municipality from it):
https://docs.allauth.org/en/latest/socialaccount/providers/openid_connect.html
"""

import json
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

ENV_VARIABLE = "OIDC_PROVIDERS"
PROVIDER_KEYS = ("municipality", "name", "server_url", "client_id", "secret")
MUNICIPALITY_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Plain HTTP only to this machine: a development identity provider, or the tests' fake one.
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _invalid(message):
    return ImproperlyConfigured(f"{ENV_VARIABLE}: {message}")


def _check_server_url(url, where):
    """HTTPS, because allauth trusts the ID token it fetches from the token endpoint over TLS
    instead of checking its signature (OpenID Connect Core 1.0, section 3.1.3.7, item 6)."""
    parts = urlsplit(url)
    secure = parts.scheme == "https" or (
        parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS
    )
    if not (secure and parts.hostname):
        raise _invalid(f"{where}: server_url must be an https:// address, not {url!r}.")


def _provider_app(entry, where):
    if not isinstance(entry, dict):
        raise _invalid(f"{where} must be an object with the keys {', '.join(PROVIDER_KEYS)}.")
    expected = f"(expected {', '.join(PROVIDER_KEYS)})"
    missing = [key for key in PROVIDER_KEYS if key not in entry]
    if missing:
        raise _invalid(f"{where}: missing {', '.join(missing)} {expected}.")
    unknown = sorted(set(entry) - set(PROVIDER_KEYS))
    if unknown:
        raise _invalid(f"{where}: unknown {', '.join(unknown)} {expected}.")
    empty = [key for key in PROVIDER_KEYS if not isinstance(entry[key], str) or not entry[key]]
    if empty:
        raise _invalid(f"{where}: {', '.join(empty)} must be non-empty text.")
    if not MUNICIPALITY_SLUG.fullmatch(entry["municipality"]):
        raise _invalid(f"{where}: municipality must be a municipality's slug, such as 'gent'.")
    _check_server_url(entry["server_url"], where)
    return {
        "provider_id": entry["municipality"],
        "name": entry["name"],
        "client_id": entry["client_id"],
        "secret": entry["secret"],
        "settings": {"server_url": entry["server_url"]},
    }


def oidc_providers_parse(raw):
    """The allauth apps described by the JSON text `raw` (empty text: none).

    Raises ImproperlyConfigured naming the entry and the problem (never the secret), so a
    mistake stops the site at startup instead of breaking the sign-in page later.
    """
    if not raw.strip():
        return []
    try:
        entries = json.loads(raw)
    except json.JSONDecodeError as error:
        raise _invalid(f"not valid JSON ({error}).") from None
    if not isinstance(entries, list):
        raise _invalid("must be a JSON list of objects, one per municipality.")
    apps = [_provider_app(entry, f"entry {number}") for number, entry in enumerate(entries, 1)]
    municipalities = [app["provider_id"] for app in apps]
    twice = sorted({slug for slug in municipalities if municipalities.count(slug) > 1})
    if twice:
        raise _invalid(f"{', '.join(twice)} appears twice; one provider per municipality.")
    return apps


def oidc_provider_origins(apps):
    """Scheme and host of each provider, which the sign-in forms are allowed to lead to."""
    origins = []
    for app in apps:
        parts = urlsplit(app["settings"]["server_url"])
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in origins:
            origins.append(origin)
    return origins
