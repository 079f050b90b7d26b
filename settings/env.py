"""Reading settings from the environment (every variable is listed in .env.example)."""

import ipaddress
import os
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEFAULT_PORTS = {"http": 80, "https": 443}
HOST_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")


def site_url_parse(value, name="SITE_URL"):
    """The site's public address as `scheme://host[:port]`, lower case, without a trailing slash
    or a default port; ImproperlyConfigured, naming the variable, for anything else."""
    raw = (value or "").strip()
    parts, problem = _address_split(raw)
    if not problem and (parts.path not in ("", "/") or raw.endswith("?")):
        problem = "it must not have a path or a query (the site is served from /)"
    if problem:
        raise ImproperlyConfigured(
            f"{name} must be the site's public address, http(s)://host[:port] without a path, "
            f"e.g. https://leren.example.be (got {raw!r}): {problem}."
        )
    return _origin(parts)


def iri_base_parse(value, name):
    """An http(s) address under which identifiers are minted (`XAPI_ACTIVITY_IRI`), ending in
    "/"; ImproperlyConfigured, naming the variable, for anything else."""
    raw = (value or "").strip()
    parts, problem = _address_split(raw)
    if not problem and raw.endswith("?"):
        problem = "it must not have a query"
    if problem:
        raise ImproperlyConfigured(
            f"{name} must be an http(s) address without a query, e.g. "
            f"https://leren.example.be/xapi/ (got {raw!r}): {problem}."
        )
    return _origin(parts) + parts.path.rstrip("/") + "/"


def _origin(parts):
    scheme, host, port = parts.scheme.lower(), parts.hostname, parts.port
    host = f"[{host}]" if ":" in host else host
    if port is None or port == DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _address_split(raw):
    """(the split address, "") or (None, what is wrong with it)."""
    if not raw:
        return None, "it is empty"
    try:
        parts = urlsplit(raw)
        port = parts.port  # raises for a port that is not a number from 0 to 65535
    except ValueError:
        return None, "it is not a valid address (look at the brackets and the port)"
    if parts.scheme.lower() not in DEFAULT_PORTS:
        return None, "it must start with https:// or http://"
    if "@" in parts.netloc:
        return None, "it must not hold a user name or password"
    if parts.query or parts.fragment or "#" in raw:
        return None, "it must not have a query or a fragment"
    if port == 0:
        return None, "its port must be a number from 1 to 65535"
    host = parts.hostname or ""
    if not host:
        return None, "it has no host name"
    if ":" in host:  # an IPv6 address, written in brackets
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return None, "its host is not a valid IPv6 address"
    elif not HOST_NAME.fullmatch(host):
        return None, "its host name has characters a host name cannot have"
    return parts, ""
