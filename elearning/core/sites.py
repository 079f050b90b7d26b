"""The site's public address (SITE_URL), the one place every absolute link comes from when it
leaves the site: mails, the attest PDF and its QR code, calendar invites and feeds, the podcast
feed, xAPI statements, course packages and the catalogue.

Never the Host header of a request: an address that is stored or sent elsewhere must not be one
that a client chose. The default Wagtail site follows SITE_URL too (`site_address_apply`, run
after every `migrate`), so Wagtail's own links (the admin's "view live") name the same host.
"""

import logging
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

from wagtail.models import Site

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_root_url():
    """SITE_URL: scheme, host and port, without a trailing slash."""
    return settings.SITE_URL.rstrip("/")


def site_url(location=""):
    """The absolute address of a path on this site ("/nl/attest/..."); an address that is
    already absolute (a file in object storage) is returned as it is."""
    return urljoin(site_root_url() + "/", location or "")


def site_address():
    """The default Wagtail site's hostname and port for SITE_URL, as Site's fields."""
    parts = urlsplit(site_root_url())
    return {"hostname": parts.hostname, "port": parts.port or DEFAULT_PORTS[parts.scheme]}


def page_full_url(page):
    """The page's absolute address at SITE_URL, or None while it is not routable.

    Not Wagtail's `full_url`: Site.root_url cannot say https on a port other than 443, and names
    the site's stored host even before `migrate` has applied a new SITE_URL. Only a page of
    another Wagtail site, where there are several, keeps that site's own address.
    """
    parts = page.get_url_parts()
    if parts is None or parts[2] is None:
        return None
    site_id, root_url, path = parts
    ours = root_url.rstrip("/") == Site(**site_address()).root_url
    if not ours and {root.site_id for root in Site.get_site_root_paths()} != {site_id}:
        return root_url.rstrip("/") + path
    return site_url(path)


def site_address_apply(*, using=DEFAULT_DB_ALIAS, verbosity=0):
    """Give the default Wagtail site SITE_URL's hostname and port; the site, or None.

    Saved (and so the page caches cleared) only when it changes. Left alone, with a warning,
    when another site already holds that address.
    """
    site = Site.objects.using(using).filter(is_default_site=True).first()
    address = site_address()
    if site is None or (site.hostname, site.port) == (address["hostname"], address["port"]):
        return site
    taken = Site.objects.using(using).exclude(pk=site.pk).filter(**address)
    if taken.exists():
        logger.warning(
            "The default site keeps %s:%s: another site already has %s:%s (SITE_URL).",
            site.hostname,
            site.port,
            address["hostname"],
            address["port"],
        )
        return site
    site.hostname, site.port = address["hostname"], address["port"]
    site.save(using=using, update_fields=["hostname", "port"])
    if verbosity >= 1:
        print(f"The default site's address is now {site.root_url} (SITE_URL {site_root_url()}).")
    return site


def site_address_on_migrate(sender, *, using=DEFAULT_DB_ALIAS, verbosity=1, apps=None, **kwargs):
    """post_migrate: after every `migrate` the default site follows SITE_URL."""
    if apps is not None:
        try:
            apps.get_model("wagtailcore", "Site")
        except LookupError:  # Wagtail's tables are not there (yet)
            return
    site_address_apply(using=using, verbosity=verbosity)
