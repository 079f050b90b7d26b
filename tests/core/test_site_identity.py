"""The site's identity: its name, organisation, logo and accent colour (contrast checked)."""

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Site

from elearning.core.contrast import contrast_ratio
from elearning.core.models import SiteIdentity
from tests.factories import logo_image, make_home


@pytest.fixture
def home(db):
    return make_home()


def identity(**fields):
    site = Site.objects.get(is_default_site=True)
    setting = SiteIdentity.for_site(site)
    for name, value in fields.items():
        setattr(setting, name, value)
    return setting


def accent_errors(colour, language="en"):
    setting = identity(accent_colour=colour)
    with translation.override(language):
        try:
            setting.full_clean()
        except ValidationError as error:
            return error.message_dict.get("accent_colour", [])
    return []


def test_wcag_contrast_ratios_are_computed_as_wcag_defines_them():
    assert round(contrast_ratio("#000000", "#ffffff"), 2) == 21
    assert contrast_ratio("#ffffff", "#ffffff") == 1
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54  # the classic AA grey
    assert round(contrast_ratio("#777777", "#ffffff"), 2) == 4.48


@pytest.mark.parametrize("colour", ["#00557A", "#767676", "#1d5c4d", "#000000", ""])
def test_a_readable_accent_colour_is_accepted(home, colour):
    assert accent_errors(colour) == []


@pytest.mark.parametrize("colour", ["#777777", "#ffbf47", "#FFFFFF", "#4a90e2"])
def test_an_accent_colour_too_light_for_white_is_refused_with_its_ratio(home, colour):
    [message] = accent_errors(colour)
    assert "to 1 with white" in message and "at least 4.5 to 1" in message


def test_the_ratio_is_rounded_down_so_a_refused_colour_never_reads_as_enough(home):
    # #777777 contrasts 4.478 to 1: shown as 4.47, never as a rounded-up 4.48 or 4.5.
    assert accent_errors("#777777") == [
        "This colour contrasts 4.47 to 1 with white; links and button text need at least "
        "4.5 to 1. Choose a darker colour."
    ]


def test_the_contrast_error_is_translated(home):
    [dutch] = accent_errors("#777777", "nl")
    [french] = accent_errors("#777777", "fr")
    assert "4,47 op 1" in dutch and "donkerdere kleur" in dutch
    assert "4,47 pour 1" in french and "plus foncée" in french


@pytest.mark.parametrize(
    "colour", ["00557a", "#00557", "#00557aa", "#GGGGGG", "red", "#00557a;}body{", "#０５５７７a"]
)
def test_anything_but_a_hex_colour_is_refused(home, colour):
    messages = accent_errors(colour)
    assert any("six hexadecimal digits" in message for message in messages)


def test_without_a_setting_the_header_shows_the_platform_name(client, home):
    html = client.get("/en/").content.decode()
    assert '<a class="brand" href="/en/">VIF learning library</a>' in html
    assert "| VIF learning library</title>" in html
    assert 'href="/site-identity.css?v="' in html


def test_the_header_shows_the_logo_beside_the_site_name_in_the_visitors_language(client, home):
    identity(
        site_name_nl="Leerplatform Gent",
        site_name_en="Ghent learning library",
        logo=logo_image(),
    ).save()

    dutch = client.get("/nl/").content.decode()
    english = client.get("/en/").content.decode()
    french = client.get("/fr/").content.decode()

    assert "Leerplatform Gent</a>" in dutch and "Ghent learning library</a>" in english
    # No French name set: the platform's own name in French, never the Dutch one.
    with translation.override("fr"):
        assert f"{escape(translation.gettext('VIF learning library'))}</a>" in french
    assert "Leerplatform Gent" not in french
    # The name is the link's text: the logo beside it is decorative (alt="").
    brand = english[english.index('<a class="brand"') :]
    brand = brand[: brand.index("</a>")]
    assert '<img class="brand__logo"' in brand and 'alt=""' in brand
    assert 'height="80"' in brand  # rendered at most 80 px high, shown at 2.5rem


def test_the_stylesheet_carries_the_accent_colour_and_changes_with_it(
    client, home, django_capture_on_commit_callbacks
):
    empty = client.get("/site-identity.css")
    assert empty.status_code == 200 and empty.content == b""
    assert empty["Content-Type"] == "text/css; charset=utf-8"

    with django_capture_on_commit_callbacks(execute=True):
        identity(accent_colour="#1D5C4D").save()

    page = client.get("/en/").content.decode()
    assert 'href="/site-identity.css?v=1d5c4d"' in page
    styled = client.get("/site-identity.css", {"v": "1d5c4d"})
    assert styled.content.decode() == ":root{--accent:#1d5c4d}\n"
    assert "immutable" in styled["Cache-Control"]  # its address changes with the colour
    assert "immutable" not in client.get("/site-identity.css")["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):  # a change reaches every page
        identity(accent_colour="#00557a").save()
    assert client.get("/site-identity.css").content.decode() == ":root{--accent:#00557a}\n"
    assert 'href="/site-identity.css?v=00557a"' in client.get("/en/").content.decode()


def test_the_stylesheet_refuses_writes(client, home):
    assert client.post("/site-identity.css").status_code == 405


def test_site_css_takes_the_accent_for_the_brand_colour():
    from django.contrib.staticfiles import finders

    with open(finders.find("elearning/css/site.css"), encoding="utf-8") as css:
        stylesheet = css.read()
    assert ":root { --brand: var(--accent, #00557a); }" in stylesheet


def test_the_admin_refuses_a_pale_accent_colour_and_keeps_the_saved_one(client, home):
    from tests.factories import UserFactory

    site = Site.objects.get(is_default_site=True)
    identity(accent_colour="#00557a").save()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/settings/core/siteidentity/{site.pk}/"
    form = dict.fromkeys(("site_name_nl", "site_name_fr", "site_name_en", "logo"), "")

    refused = client.post(url, {**form, "organisation": "Stad Gent", "accent_colour": "#777777"})
    accepted = client.post(url, {**form, "organisation": "Stad Gent", "accent_colour": "#1d5c4d"})

    assert refused.status_code == 200
    assert "minstens 4,5 op 1" in refused.content.decode()  # in the admin user's language
    assert accepted.status_code == 302
    assert SiteIdentity.objects.get(site=site).accent_colour == "#1d5c4d"
