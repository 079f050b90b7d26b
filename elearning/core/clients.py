"""Who is asking: the client's address, for every limit counted per client.

Behind a reverse proxy every request comes from the proxy's address (REMOTE_ADDR); the proxy
says whom it serves by appending that address to X-Forwarded-For. A client can send that header
too, with any addresses in it, so only the entries our own proxies appended are believed: with
TRUSTED_PROXY_COUNT proxies in front, the client is the entry that many places from the right.
With no proxy (0, the default) the header is ignored. The same rule as allauth's
ALLAUTH_TRUSTED_PROXY_COUNT and django-ipware's proxy_count.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address the request came from, as a string (None when the server was not told)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded.strip():
        entries = [entry.strip() for entry in forwarded.split(",")]
        # Fewer entries than proxies: the request passed fewer of them, and the first one it
        # reached wrote the left-most entry.
        candidate = entries[-proxies] if len(entries) >= proxies else entries[0]
        if _is_address(candidate):
            return candidate
    return request.META.get("REMOTE_ADDR") or None


def _is_address(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
