"""A course worth exporting (every kind of block, a webinar, a French translation), the
published schemas to validate the exports against, and helpers to open what was written."""

import io
import uuid
import zipfile
from pathlib import Path

import html5lib
import pytest
from lxml import etree

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale

from courses.packaging.standards import scorm
from media.models import MediaAsset, MediaCaption
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    WebinarPageFactory,
    knowledge_check_block,
    make_home,
    publish,
    translate,
)

SCHEMAS = Path(__file__).parent / "schemas"
# The SCORM 1.2 schemas are application data: every package carries them at its root.
SCORM_SCHEMAS = Path(scorm.__file__).parent / scorm.SCHEMA_FOLDER
HANDOUT = b"%PDF-1.4\n% a handout for professionals\n" + bytes(range(256)) * 64
CAPTIONS = {
    "nl": b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nWelkom bij de module.\n",
    "fr": b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nBienvenue dans le module.\n",
}
EXTERNAL_URL = "https://www.1712.be/professionals?bron=opleiding&taal=nl"


class SchemaFolder(etree.Resolver):
    """Serves the schemas a standard imports, by the file name at the end of their address.

    The published schemas import each other by relative name, and manifests name them by their
    address at IMS; this resolver answers both from the local copies, so validation never
    reaches for the network (the parser refuses network access as well).
    """

    def __init__(self, folder):
        super().__init__()
        self.folder = folder

    def resolve(self, url, pubid, context):
        local = self.folder / url.rsplit("/", 1)[-1]
        if local.is_file():
            return self.resolve_filename(str(local), context)
        return None


def schema_load(*, folder, imports):
    """One XMLSchema importing each (namespace, address) pair, resolved to the files in `folder`
    (a Path)."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(SchemaFolder(folder))
    lines = "".join(
        f'<xs:import namespace="{namespace}" schemaLocation="{address}"/>'
        for namespace, address in imports
    )
    driver = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        f'targetNamespace="urn:vif:tests:{folder.name}">{lines}</xs:schema>'
    )
    base_url = (folder / "driver.xsd").as_uri()
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=base_url))


@pytest.fixture(scope="session")
def scorm_schema():
    return scorm_schema_load(SCORM_SCHEMAS)


SCORM_IMPORTS = [
    ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
    ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
    ("http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", "imsmd_rootv1p2p1.xsd"),
]


def scorm_schema_load(folder):
    return schema_load(folder=folder, imports=SCORM_IMPORTS)


@pytest.fixture(scope="session")
def cartridge_schema():
    return schema_load(
        folder=SCHEMAS / "cc11",
        imports=[
            (
                "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
                "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd",
            )
        ],
    )


@pytest.fixture(scope="session")
def weblink_schema():
    return schema_load(
        folder=SCHEMAS / "cc11",
        imports=[
            (
                "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1",
                "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imswl_v1p1.xsd",
            )
        ],
    )


def package_open(*, write, course, language=None):
    """Write a package into memory and open it as a zip."""
    out = io.BytesIO()
    write(course=course, out=out, language=language)
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


def page_parse(raw):
    """An HTML page parsed as a browser parses it (HTML5: <source> and <track> are void)."""
    return html5lib.parse(raw, treebuilder="lxml", namespaceHTMLElements=False).getroot()


def text_of(element):
    """All the text a reader sees in an element, without the markup."""
    return " ".join("".join(element.itertext()).split())


def manifest_parse(package):
    return etree.fromstring(package.read("imsmanifest.xml"))


def schema_errors(schema, document):
    """The schema's complaints in words, so a failing test says what is wrong."""
    schema.validate(document)
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def block(block_type, value):
    return {"type": block_type, "id": str(uuid.uuid4()), "value": value}


def module_body(*, text, handout, video, audio):
    return [
        block("text", f"<p>{text}</p>"),
        block("video", {"video": video.pk, "caption": "Een gesprek in de wachtzaal"}),
        block("audio", {"audio": audio.pk, "caption": ""}),
        knowledge_check_block(),
        block("reflection", {"question": "Wat herkent u?", "guidance": "Denk aan uw praktijk."}),
        block(
            "case_vignette",
            {
                "title": "Sarah, 34 jaar",
                "story": "<p>Sarah komt voor de derde keer met blauwe plekken.</p>",
                "questions": ["Wat valt u op?"],
            },
        ),
        block("resource", {"document": handout.pk, "description": "Om af te drukken"}),
        block("help_callout", {"kind": "help", "text": "<p>Bel 1712 voor advies.</p>"}),
        block(
            "embed",
            {"url": EXTERNAL_URL, "title": "1712 voor professionals", "description": ""},
        ),
    ]


def recording_make(*, title, name, kind="video", captions=CAPTIONS):
    asset = MediaAsset.objects.create(
        title=title, file=ContentFile(b"not really a recording", name=name), type=kind
    )
    for language, text in captions.items():
        MediaCaption.objects.create(
            asset=asset, language=language, file=ContentFile(text, name=f"{language}.vtt")
        )
    return asset


@pytest.fixture
def course_tree(db):
    """A published Dutch course (a module with every block, then a webinar) and its French
    translation, whose module text is French."""
    Locale.objects.get_or_create(language_code="fr")
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = CoursePageFactory(
        parent=library, title="Kindermishandeling herkennen", attribution="Stad Gent"
    )
    publish(course)
    handout = get_document_model().objects.create(
        title="Checklist signalen", file=ContentFile(HANDOUT, name="checklist.pdf")
    )
    video = recording_make(title="Het gesprek", name="gesprek.mp4")
    audio = recording_make(title="Getuigenis", name="getuigenis.mp3", kind="audio", captions={})
    media = {"handout": handout, "video": video, "audio": audio}
    module = publish(
        ModulePageFactory(
            parent=course,
            title="Signalen",
            body=module_body(text="Signalen herkennen in de wachtzaal.", **media),
        )
    )
    webinar = publish(
        WebinarPageFactory(
            parent=course,
            title="Webinar partnergeweld",
            recording=recording_make(title="Opname", name="opname.mp4"),
            slides=handout,
        )
    )
    for page in (home, library):
        translate(page, "fr")
    course_fr = translate(course, "fr", title="Reconnaître la maltraitance")
    module_fr = translate(module, "fr", title="Signaux")
    module_fr.body = module_body(text="Reconnaître les signaux en salle d'attente.", **media)
    publish(module_fr)
    translate(webinar, "fr", title="Webinaire violence conjugale")
    return {
        "course": course,
        "module": module,
        "webinar": webinar,
        "course_fr": course_fr,
        "module_fr": module_fr,
        **media,
    }
