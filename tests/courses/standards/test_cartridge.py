"""Thin Common Cartridge 1.1 packages: what a platform imports, and that media stay on the site."""

import io

import pytest
from lxml import etree

from django.utils import translation

from courses.packaging.standards import PackageRefused, cartridge_write
from tests.factories import CoursePageFactory, publish

from .conftest import (
    EXTERNAL_URL,
    HANDOUT,
    manifest_parse,
    package_open,
    page_parse,
    schema_errors,
    text_of,
)

pytestmark = pytest.mark.django_db

CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
WL = "{http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1}"
MEDIA_ENDINGS = (".mp4", ".mp3", ".webm", ".m4a", ".vtt", ".jpg", ".png")
HOSTILE = "Signalen <script>alert(\"x\")</script> & 'co'"


@pytest.fixture
def cartridge(course_tree):
    with translation.override("nl"):
        return package_open(write=cartridge_write, course=course_tree["course"])


def resources_of_type(manifest, kind):
    return [res for res in manifest.iter(f"{CP}resource") if res.get("type") == kind]


def weblinks(cartridge):
    """Each web link of the cartridge as (title, address)."""
    links = []
    for resource in resources_of_type(manifest_parse(cartridge), "imswl_xmlv1p1"):
        link = etree.fromstring(cartridge.read(resource.find(f"{CP}file").get("href")))
        links.append((link.findtext(f"{WL}title"), link.find(f"{WL}url").get("href")))
    return links


def test_the_manifest_is_valid_against_the_published_cc_1_1_schemas(cartridge, cartridge_schema):
    manifest = manifest_parse(cartridge)

    assert schema_errors(cartridge_schema, manifest) == []
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "IMS Common Cartridge"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.1.0"


def test_every_web_link_is_valid_and_points_at_the_site_or_the_external_resource(
    cartridge, course_tree, weblink_schema
):
    manifest = manifest_parse(cartridge)

    for resource in resources_of_type(manifest, "imswl_xmlv1p1"):
        # The profile's rules for web links: exactly one file, no href of its own.
        assert len(resource.findall(f"{CP}file")) == 1 and resource.get("href") is None
        link = etree.fromstring(cartridge.read(resource.find(f"{CP}file").get("href")))
        assert schema_errors(weblink_schema, link) == []
    assert weblinks(cartridge) == [
        ("Signalen op de website van de bibliotheek", course_tree["module"].full_url),
        ("1712 voor professionals", EXTERNAL_URL),
        ("Webinar partnergeweld op de website van de bibliotheek", course_tree["webinar"].full_url),
    ]


def test_the_outline_holds_each_part_with_its_page_and_links_in_course_order(cartridge):
    root = manifest_parse(cartridge).find(f".//{CP}organization/{CP}item")

    parts = root.findall(f"{CP}item")
    assert [part.findtext(f"{CP}title") for part in parts] == [
        "Signalen",
        "Webinar partnergeweld",
    ]
    assert [len(part.findall(f"{CP}item")) for part in parts] == [3, 2]


def test_every_file_the_manifest_names_is_in_the_zip(cartridge):
    manifest = manifest_parse(cartridge)

    named = {file.get("href") for file in manifest.iter(f"{CP}file")}
    named |= {res.get("href") for res in manifest.iter(f"{CP}resource") if res.get("href")}
    assert named <= set(cartridge.namelist())


def test_a_thin_cartridge_carries_no_recording_and_links_to_where_it_plays(cartridge, course_tree):
    assert not [name for name in cartridge.namelist() if name.endswith(MEDIA_ENDINGS)]
    manifest = manifest_parse(cartridge)
    for resource in resources_of_type(manifest, "webcontent"):
        page = page_parse(cartridge.read(resource.get("href")))
        assert page.find(".//video") is None and page.find(".//audio") is None
        assert page.find(".//script") is None  # no completion tracking in a cartridge
    module_page = page_parse(
        cartridge.read(resources_of_type(manifest, "webcontent")[0].get("href"))
    )
    watch = module_page.find(".//figure/p/a")
    assert watch.get("href") == course_tree["module"].full_url


def test_documents_travel_in_the_cartridge_unchanged(cartridge):
    manifest = manifest_parse(cartridge)

    page = page_parse(cartridge.read(resources_of_type(manifest, "webcontent")[0].get("href")))
    link = page.find(".//p[@class='resource']/a")
    assert cartridge.read(link.get("href")) == HANDOUT


def test_the_cartridge_is_in_the_chosen_language(course_tree, cartridge_schema):
    cartridge = package_open(write=cartridge_write, course=course_tree["course"], language="fr")

    manifest = manifest_parse(cartridge)
    assert schema_errors(cartridge_schema, manifest) == []
    assert manifest.findtext(f".//{CP}organization/{CP}title") == "Reconnaître la maltraitance"
    page = page_parse(cartridge.read(resources_of_type(manifest, "webcontent")[0].get("href")))
    assert page.get("lang") == "fr"
    assert "Reconnaître les signaux en salle d'attente." in text_of(page)
    assert weblinks(cartridge)[0][1] == course_tree["module_fr"].full_url


def test_a_course_without_modules_is_still_a_valid_cartridge(course_tree, cartridge_schema):
    empty = publish(CoursePageFactory(parent=course_tree["course"].get_parent(), title="Leeg"))

    cartridge = package_open(write=cartridge_write, course=empty)

    manifest = manifest_parse(cartridge)
    assert schema_errors(cartridge_schema, manifest) == []
    assert manifest.findall(f".//{CP}item/{CP}item") == []


def test_hostile_titles_are_escaped_in_pages_links_and_manifest(
    course_tree, cartridge_schema, weblink_schema
):
    module = course_tree["module"]
    module.title = HOSTILE
    publish(module)

    cartridge = package_open(write=cartridge_write, course=course_tree["course"])

    manifest = manifest_parse(cartridge)
    assert schema_errors(cartridge_schema, manifest) == []
    assert manifest.find(f".//{CP}item/{CP}item/{CP}title").text == HOSTILE
    assert weblinks(cartridge)[0][0] == f"{HOSTILE} op de website van de bibliotheek"
    raw = cartridge.read(resources_of_type(manifest, "webcontent")[0].get("href")).decode()
    assert "<script>alert" not in raw
    assert page_parse(raw).findtext(".//h1") == HOSTILE


def test_a_language_the_course_is_not_published_in_is_refused(course_tree):
    french = course_tree["course_fr"]
    french.refresh_from_db()
    french.unpublish()

    with pytest.raises(PackageRefused):
        cartridge_write(course=course_tree["course"], out=io.BytesIO(), language="fr")
