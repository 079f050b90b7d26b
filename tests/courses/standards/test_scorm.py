"""SCORM 1.2 packages: what a learning platform imports and what a learner sees in it."""

import hashlib
import io

import pytest
from lxml import etree

from django.db.models.fields.files import FieldFile
from django.utils import translation

from courses.packaging.standards import PackageRefused, scorm_write
from tests.factories import CoursePageFactory, ModulePageFactory, publish, translate

from .conftest import (
    CAPTIONS,
    EXTERNAL_URL,
    HANDOUT,
    SCORM_IMPORTS,
    manifest_parse,
    package_open,
    page_parse,
    schema_errors,
    scorm_schema_load,
    text_of,
)

pytestmark = pytest.mark.django_db

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
HOSTILE = "Signalen <script>alert(\"x\")</script> & 'co'"


def launch_page(package, manifest, position=0):
    """The HTML document the platform opens for the item at `position`."""
    item = manifest.findall(f".//{CP}item")[position]
    resource = manifest.find(f".//{CP}resource[@identifier='{item.get('identifierref')}']")
    return page_parse(package.read(resource.get("href")))


@pytest.fixture
def package(course_tree):
    with translation.override("nl"):
        return package_open(write=scorm_write, course=course_tree["course"])


def test_the_manifest_is_valid_against_the_published_scorm_1_2_schemas(package, scorm_schema):
    manifest = manifest_parse(package)

    assert schema_errors(scorm_schema, manifest) == []
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"


# The published files, byte for byte (their SHA-256): a package must carry them unchanged.
PUBLISHED_SCHEMAS = {
    "imscp_rootv1p1p2.xsd": "504af19bee4f8509ab9a14c740ca729cabc80199d2f5c2e2276a866578b05ef9",
    "adlcp_rootv1p2.xsd": "173decaf9cd31ea847e6ff6853c702137974aca6b56567151aa4a885e0aa4883",
    "imsmd_rootv1p2p1.xsd": "39ecb306ca0790987dee06a6e1ae08ea269567c487517e2602b91f38f9ca1ca6",
    "ims_xml.xsd": "9d2106a5edb2f4963277c94ba02c62d4e1fcb51ae2630e7c387316a90a41a0ce",
}


def test_the_package_root_carries_the_schemas_its_manifest_names(package, tmp_path):
    """ADL's conformance test suite looks for the binding's four schema files beside the
    manifest; the manifest is valid against the copies the package itself carries."""
    manifest = manifest_parse(package)

    location = manifest.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    assert dict(zip(location[::2], location[1::2], strict=True)) == dict(SCORM_IMPORTS)
    for name, digest in PUBLISHED_SCHEMAS.items():
        carried = package.read(name)  # at the root, beside imsmanifest.xml
        assert hashlib.sha256(carried).hexdigest() == digest, name
        (tmp_path / name).write_bytes(carried)
    assert schema_errors(scorm_schema_load(tmp_path), manifest) == []


def test_each_module_and_webinar_is_a_sco_in_the_course_order(package):
    manifest = manifest_parse(package)

    items = manifest.findall(f".//{CP}organization/{CP}item")
    resources = manifest.findall(f".//{CP}resource")
    assert [item.findtext(f"{CP}title") for item in items] == ["Signalen", "Webinar partnergeweld"]
    assert [item.get("identifierref") for item in items] == [
        resource.get("identifier") for resource in resources
    ]
    assert {resource.get(f"{ADLCP}scormtype") for resource in resources} == {"sco"}


def test_every_file_the_manifest_names_is_in_the_zip(package):
    manifest = manifest_parse(package)

    named = {file.get("href") for file in manifest.iter(f"{CP}file")}
    named |= {resource.get("href") for resource in manifest.iter(f"{CP}resource")}
    assert named <= set(package.namelist())
    for resource in manifest.iter(f"{CP}resource"):
        assert resource.get("href") in [file.get("href") for file in resource]


def test_the_launch_page_shows_the_module_in_the_chosen_language(course_tree):
    dutch = package_open(write=scorm_write, course=course_tree["course"])
    french = package_open(write=scorm_write, course=course_tree["course"], language="fr")

    page_nl = launch_page(dutch, manifest_parse(dutch))
    page_fr = launch_page(french, manifest_parse(french))
    assert page_nl.get("lang") == "nl" and page_fr.get("lang") == "fr"
    assert page_nl.findtext(".//h1") == "Signalen"
    assert page_fr.findtext(".//h1") == "Signaux"
    assert "Signalen herkennen in de wachtzaal." in text_of(page_nl)
    assert "Reconnaître les signaux en salle d'attente." in text_of(page_fr)
    assert "wachtzaal" not in page_fr.findtext(".//div[@class='text']/p")
    assert manifest_parse(french).findtext(f".//{CP}organization/{CP}title") == (
        "Reconnaître la maltraitance"
    )


def test_a_french_copy_still_in_dutch_keeps_its_dutch_lang_inside_the_french_page(course_tree):
    dutch = publish(
        ModulePageFactory(
            parent=course_tree["course"],
            title="Het gesprek",
            summary="Hoe u het gesprek over geweld in het gezin begint, rustig en zonder oordeel.",
        )
    )
    translate(dutch, "fr")  # not translated yet: its text is the Dutch
    french = package_open(write=scorm_write, course=course_tree["course"], language="fr")

    page = launch_page(french, manifest_parse(french), position=2)

    assert page.get("lang") == "fr"
    assert page.find(".//h1").get("lang") == "nl"
    assert page.find(".//main/div").get("lang") == "nl"
    assert page.find(".//footer").get("lang") is None  # the interface stays French


def test_the_page_holds_the_whole_module_and_the_help_lines(package):
    page = launch_page(package, manifest_parse(package))

    text = text_of(page)
    assert "Sarah komt voor de derde keer met blauwe plekken." in text
    assert "Wat herkent u?" in text
    check = page.find(".//section[@class='knowledge-check']")
    assert check.findtext("p") == "Wat doet u eerst?"
    # The answer and the feedback on each choice wait behind a disclosure.
    assert "Juist: eerst veiligheid." in text_of(check.find("details"))
    assert "Juist: eerst veiligheid." not in text_of(check.find("ol"))
    helplines = [link.get("href") for link in page.findall(".//aside//a")]
    assert helplines == ["tel:1712", "tel:112", "tel:106"]  # the Dutch lines (core.HelpLine)
    assert page.find(f".//a[@href='{EXTERNAL_URL}']").get("rel") == "noopener noreferrer"


def test_an_included_document_is_the_original_byte_for_byte(package):
    page = launch_page(package, manifest_parse(package))

    link = page.find(".//p[@class='resource']/a")
    assert link.text == "Checklist signalen"
    assert package.read(link.get("href")) == HANDOUT


def test_the_video_plays_from_the_package_with_captions_in_every_language(package):
    page = launch_page(package, manifest_parse(package))

    video = page.find(".//video")
    assert package.read(video.find("source").get("src")) == b"not really a recording"
    tracks = {track.get("srclang"): track for track in video.findall("track")}
    assert set(tracks) == {"nl", "fr"}
    assert all(track.get("kind") == "captions" for track in tracks.values())
    assert tracks["nl"].get("default") is not None and tracks["fr"].get("default") is None
    assert package.read(tracks["fr"].get("src")) == CAPTIONS["fr"]
    assert page.find(".//audio/source") is not None


def test_the_webinar_page_plays_its_recording_and_offers_the_slides(package):
    page = launch_page(package, manifest_parse(package), position=1)

    assert page.findtext(".//h1") == "Webinar partnergeweld"
    assert page.find(".//video/track[@srclang='nl']") is not None
    slides = [link for link in page.findall(".//main//a") if link.get("download") is not None]
    assert package.read(slides[-1].get("href")) == HANDOUT
    assert "Welkom bij dit webinar." in text_of(page)


def test_every_page_loads_the_completion_script_that_is_in_the_zip(package):
    manifest = manifest_parse(package)

    for position in range(2):
        page = launch_page(package, manifest, position)
        assert page.find(".//script").get("src") == "scorm_completion.js"
        assert page.find(".//*[@data-scorm-completion]").get("hidden") is not None
    script = package.read("scorm_completion.js").decode()
    assert '"LMSSetValue", ["cmi.core.lesson_status", "completed"]' in script


def test_a_draft_module_stays_out_of_the_package(course_tree):
    ModulePageFactory(parent=course_tree["course"], title="Nog in opbouw", live=False)

    package = package_open(write=scorm_write, course=course_tree["course"])

    titles = [item.findtext(f"{CP}title") for item in manifest_parse(package).iter(f"{CP}item")]
    assert "Nog in opbouw" not in titles and len(titles) == 2


def test_a_course_without_modules_is_still_a_valid_package(course_tree, scorm_schema):
    empty = publish(CoursePageFactory(parent=course_tree["course"].get_parent(), title="Leeg"))

    package = package_open(write=scorm_write, course=empty)

    manifest = manifest_parse(package)
    assert schema_errors(scorm_schema, manifest) == []
    assert manifest.findall(f".//{CP}item") == []
    assert manifest.find(f".//{CP}organization/{CP}title").text == "Leeg"


def test_hostile_titles_are_escaped_in_the_page_and_in_the_manifest(course_tree, scorm_schema):
    module = course_tree["module"]
    module.title = HOSTILE
    publish(module)

    package = package_open(write=scorm_write, course=course_tree["course"])

    manifest = manifest_parse(package)
    assert schema_errors(scorm_schema, manifest) == []
    assert manifest.find(f".//{CP}item/{CP}title").text == HOSTILE
    raw = package.read(manifest.find(f".//{CP}resource").get("href")).decode()
    assert "<script>alert" not in raw
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;co&#x27;" in raw
    assert len(page_parse(raw).findall(".//script")) == 1  # ours only


def test_a_control_character_pasted_into_a_title_does_not_break_the_manifest(
    course_tree, scorm_schema
):
    module = course_tree["module"]
    module.title = "Signalen\x0bherkennen"  # a vertical tab, as pasted from a word processor
    publish(module)

    package = package_open(write=scorm_write, course=course_tree["course"])

    manifest = manifest_parse(package)
    assert schema_errors(scorm_schema, manifest) == []
    assert manifest.find(f".//{CP}item/{CP}title").text == "Signalenherkennen"


def test_a_title_longer_than_the_standard_allows_is_shortened(course_tree, scorm_schema):
    module = course_tree["module"]
    module.title = "Signalen " * 28  # 252 characters; SCORM 1.2 titles hold 200
    publish(module)

    package = package_open(write=scorm_write, course=course_tree["course"])

    manifest = manifest_parse(package)
    assert schema_errors(scorm_schema, manifest) == []
    assert len(manifest.find(f".//{CP}item/{CP}title").text) == 200


def test_a_language_the_course_is_not_published_in_is_refused_with_a_reason(course_tree):
    with translation.override("en"), pytest.raises(PackageRefused) as refused:
        scorm_write(course=course_tree["course"], out=io.BytesIO(), language="en")

    assert "Kindermishandeling herkennen" in str(refused.value)
    assert "“en”" in str(refused.value)


class Pipe(io.RawIOBase):
    """A stream that can only be written forward, like a response or a socket."""

    def __init__(self):
        self.written = bytearray()

    def writable(self):
        return True

    def write(self, data):
        self.written += data
        return len(data)


def test_the_package_can_be_written_to_a_stream_that_cannot_seek(course_tree, monkeypatch):
    def no_local_path(field_file):
        raise NotImplementedError("S3 has no local path")

    # Files are read through the storage API only, as they must be on S3.
    monkeypatch.setattr(FieldFile, "path", property(no_local_path))
    out = Pipe()

    scorm_write(course=course_tree["course"], out=out)

    package = package_open(write=lambda **kwargs: kwargs["out"].write(out.written), course=None)
    assert package.testzip() is None
    assert "imsmanifest.xml" in package.namelist()


def test_the_manifest_is_well_formed_xml_with_the_namespaces_platforms_expect(package):
    raw = package.read("imsmanifest.xml")

    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert b'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"' in raw
    assert etree.fromstring(raw).tag == f"{CP}manifest"
