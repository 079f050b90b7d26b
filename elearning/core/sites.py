"""The site's public address, for links built without a request (tasks, emails, records)."""

from django.conf import settings

from wagtail.models import Site


def site_root_url():
    """The default Wagtail site's root URL (no trailing slash), else WAGTAILADMIN_BASE_URL."""
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")
