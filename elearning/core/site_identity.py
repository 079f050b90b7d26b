"""The site's identity as pages and certificates show it (the SiteIdentity setting): its name
in a language, the organisation, the logo and the accent colour.

Read once per generation of the page cache and kept as plain values (no model instances),
like the footer pages: saving the setting raises that generation (signal_handlers.py), so the
next request reads it again. The accent colour reaches the pages as a tiny stylesheet
(`site_identity_css`) whose address carries the colour, since the strict CSP allows no inline
style; a new colour is a new address, so browsers may keep each one for good.
"""

import base64

from django.conf import settings
from django.utils.translation import gettext

from wagtail.models import Site

from .generations import generation_value, generation_values_store
from .models import SiteIdentity
from .page_cache import page_cache_generation

HEADER_LOGO_RENDITION = (
    "max-320x80"  # shown at most 2.5rem (40 px) high: twice that for sharp screens
)
CERTIFICATE_LOGO_RENDITION = "max-600x160|format-png"


def _identity_values(site):
    identity = SiteIdentity.objects.filter(site=site).select_related("logo").first()
    if identity is None:
        return {"names": {}, "organisation": "", "logo": None, "accent": ""}
    logo = None
    if identity.logo is not None:
        rendition = identity.logo.get_rendition(HEADER_LOGO_RENDITION)
        logo = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
    return {
        "names": {code: identity.site_name(code) for code, _name in settings.LANGUAGES},
        "organisation": identity.organisation,
        "logo": logo,
        "accent": identity.accent_colour.lower(),
    }


def site_identity_values(site):
    """{names, organisation, logo: {url, width, height} or None, accent} of the site."""
    if site is None:
        return _identity_values(None)
    key = f"site-identity:{page_cache_generation()}:{site.pk}"
    values = generation_value(key)
    if values is None:
        values = _identity_values(site)
        generation_values_store({key: values}, timeout=settings.PAGE_CACHE_TIMEOUT)
    return values


def site_name(values, language_code):
    """The site's name in this language; the platform's translated name where none is set."""
    return values["names"].get(language_code) or gettext("VIF learning library")


def site_identity_css(values):
    """The stylesheet that gives the site its accent colour (empty: site.css keeps its own)."""
    if not values["accent"]:
        return ""
    return f":root{{--accent:{values['accent']}}}\n"


def site_identity_for_certificate():
    """(SiteIdentity or None, logo as a data: URI or ""), of the default site: a certificate is
    issued by the installation, not by the host a request came in on. The logo is inlined
    because the PDF renderer fetches nothing."""
    site = Site.objects.filter(is_default_site=True).first()
    identity = SiteIdentity.objects.filter(site=site).select_related("logo").first()
    if identity is None or identity.logo is None:
        return identity, ""
    rendition = identity.logo.get_rendition(CERTIFICATE_LOGO_RENDITION)
    with rendition.file.open("rb") as image:
        content = image.read()
    return identity, f"data:image/png;base64,{base64.b64encode(content).decode()}"
