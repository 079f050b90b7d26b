"""The demo's site identity: the interlocal platform as the organisation behind the certificates,
and a plain logo drawn here (no file to ship or license)."""

import io

from PIL import Image, ImageDraw

from django.core.files.base import ContentFile

from wagtail.models import Site

from elearning.core.models import SiteIdentity
from media.models import CustomImage

DEMO_ORGANISATION = "Interlokaal Platform Intrafamiliaal Geweld"
LOGO_TITLE = "Logo Interlokaal Platform Intrafamiliaal Geweld (demo)"
LOGO_SIZE = (160, 160)
BLUE = (0, 85, 122)


def _logo_png():
    """Three overlapping rings in a rounded square: the partners of the platform, held together."""
    image = Image.new("RGBA", LOGO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 159, 159), radius=28, fill=BLUE)
    for left, top in ((30, 34), (70, 34), (50, 70)):
        draw.ellipse((left, top, left + 60, top + 60), outline=(255, 255, 255), width=9)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def demo_identity_seed():
    """The default site's identity, where nobody set one yet: organisation and logo."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    identity = SiteIdentity.for_site(site)
    if identity.organisation and identity.logo_id:
        return
    if not identity.logo_id:
        logo = CustomImage.objects.filter(title=LOGO_TITLE).first()
        if logo is None:
            logo = CustomImage(title=LOGO_TITLE, alt_text=DEMO_ORGANISATION)
            logo.file.save("demo-logo.png", ContentFile(_logo_png()), save=False)
            logo.width, logo.height = LOGO_SIZE
            logo.save()
        identity.logo = logo
    identity.organisation = identity.organisation or DEMO_ORGANISATION
    identity.save()
