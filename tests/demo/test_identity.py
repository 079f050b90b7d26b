"""The demo names the interlocal platform as the organisation and gives the site a logo."""

import pytest
from PIL import Image

from wagtail.models import Site

from elearning.core.models import SiteIdentity
from elearning.demo.identity import DEMO_ORGANISATION, demo_identity_seed
from tests.factories import make_home


@pytest.mark.django_db
def test_the_demo_identity_is_seeded_once_and_keeps_what_an_administrator_set():
    make_home()

    demo_identity_seed()
    demo_identity_seed()

    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    assert identity.organisation == DEMO_ORGANISATION
    assert identity.logo.alt_text == DEMO_ORGANISATION
    with identity.logo.file.open("rb") as logo:
        assert Image.open(logo).size == (160, 160)

    identity.organisation = "Stad Gent"
    identity.save()
    demo_identity_seed()
    assert SiteIdentity.objects.get().organisation == "Stad Gent"
    assert SiteIdentity.objects.get().logo_id == identity.logo_id
