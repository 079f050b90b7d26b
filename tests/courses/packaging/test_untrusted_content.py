"""A package from another site is untrusted content, and whatever the database holds never
leaves in an export as something a browser would run: rich text is reduced to what the editor
produces, imports wait for moderation, and package, SCORM and Common Cartridge files carry no
script (but the SCORM runtime), no event attribute, no meta refresh and no `javascript:` link."""

import io
import json
import re
import uuid
import zipfile

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page

from courses.models import CoursePage, JobStatus, ModulePage, PackageImport, WebinarPage
from courses.packaging.services import package_import_path
from courses.packaging.standards import cartridge_write, scorm_write
from tests.factories import UserFactory, knowledge_check_block, publish

from .conftest import package_bytes, site_emptied
from .markup import active_markup, strings_in
from .test_admin import member_of, moderator  # noqa: F401 - a fixture used below
from .test_hostile_packages import Package, edit_page, set_key, stream_block

pytestmark = pytest.mark.django_db

HOSTILE_HTML = (
    '<p>Lees <a href="javascript:alert(document.cookie)">dit</a> en '
    '<a href="https://www.1712.be">1712</a>.<script>alert(1)</script>'
    '<img src="x" onerror="alert(2)"><b onclick="alert(3)">Vet gedrukt</b></p>'
    '<meta http-equiv="refresh" content="0;url=https://kwaad.example">'
    '<a href="data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;">data</a>'
    '<iframe src="https://kwaad.example/frame"></iframe>'
    '<a href=" jav&#x09;ascript:alert(5)">verstopt</a>'
)
# What an import may carry (links outside web, mail and phone addresses are refused instead).
HOSTILE_MARKUP = re.sub(r'<a href="(javascript|data|\s*jav)[^>]*>[^<]*</a>', "", HOSTILE_HTML)


def rich_texts(page):
    """Every rich text of a module body, as stored."""
    found = []
    for child in page.body.raw_data:
        value = child["value"]
        if child["type"] == "text":
            found.append(value)
        elif child["type"] == "case_vignette":
            found.append(value["story"])
        elif child["type"] == "help_callout":
            found.append(value["text"])
    return found


def hostile_import(valid):
    """The package of `course_full` with scripts, a meta refresh and event attributes in the
    text of "Het gesprek", imported on a site that holds only its libraries."""
    change = edit_page(
        "Het gesprek",
        lambda page: set_key(stream_block(page, "text"), "value", HOSTILE_MARKUP),
    )
    return io.BytesIO(change(Package(valid)))


@pytest.fixture
def valid(course_full):
    raw = package_bytes(course_full).getvalue()
    site_emptied()
    return raw


# Import --------------------------------------------------------------------------------------


def test_scripts_meta_refresh_and_event_attributes_do_not_survive_an_import(valid):
    package_import_path(source=hostile_import(valid))

    page = ModulePage.objects.get(slug="gesprek", locale__language_code="nl")
    texts = rich_texts(page) + rich_texts(page.get_latest_revision_as_object())
    assert texts and all(active_markup(text) == [] for text in texts), texts
    assert any("Vet gedrukt" in text and "https://www.1712.be" in text for text in texts)


def test_an_import_lands_as_drafts_submitted_to_moderation(valid):
    report = package_import_path(source=io.BytesIO(valid))

    pages = [page.specific for page in Page.objects.type(CoursePage, ModulePage, WebinarPage)]
    assert len(pages) == 8 and not any(page.live for page in pages)
    assert all(page.workflow_in_progress for page in pages)
    assert not any("workflow" in warning for warning in report.warnings)
    course = CoursePage.objects.get(locale__language_code="nl")
    assert Client().get(course.get_url()).status_code == 404


def admin_import(client, raw, **confirm):
    upload = io.BytesIO(raw)
    upload.name = "cursus.zip"
    client.post(reverse("course_packages:upload"), {"package": upload})
    preview = PackageImport.objects.latest("created_at")
    page = client.get(reverse("course_packages:preview", args=[preview.pk]))
    response = client.post(reverse("course_packages:confirm", args=[preview.pk]), confirm)
    preview.refresh_from_db()
    return page.content.decode(), response, preview


def test_a_moderator_cannot_publish_an_import_at_once(moderator, valid):  # noqa: F811
    page, response, preview = admin_import(moderator, valid, publish="1")

    assert 'name="publish"' not in page
    assert response.status_code in (302, 403)  # Wagtail's admin answers a refusal so
    assert preview.status == JobStatus.PENDING and not CoursePage.objects.exists()

    _page, response, preview = admin_import(moderator, valid)
    assert preview.status == JobStatus.READY
    assert not Page.objects.type(CoursePage, ModulePage, WebinarPage).live().exists()


def test_an_administrator_may_publish_an_import_at_once(
    client, valid, django_capture_on_commit_callbacks
):
    admin = UserFactory(email="beheer@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        page, _response, preview = admin_import(client, valid, publish="1")
    preview.refresh_from_db()

    assert 'name="publish"' in page and '<label for="package-import-publish">' in page
    assert preview.status == JobStatus.READY
    assert Page.objects.type(CoursePage, ModulePage, WebinarPage).live().count() == 8


def test_the_preview_shows_what_changes_on_each_page(moderator, course_full):  # noqa: F811
    first = package_bytes(course_full).getvalue()
    course_full.title = "Kindermishandeling herkennen en bespreken"
    publish(course_full)
    module = ModulePage.objects.get(slug="gesprek", locale__language_code="nl")
    body = [
        dict(child, value=knowledge_check_block("Wie belt u eerst?")["value"])
        if child["type"] == "knowledge_check"
        else child
        for child in module.body.raw_data
    ]
    module.body = body
    publish(module)
    second = package_bytes(course_full).getvalue()
    site_emptied()
    package_import_path(source=io.BytesIO(first), publish=True)

    upload = io.BytesIO(second)
    upload.name = "cursus-v2.zip"
    response = moderator.post(reverse("course_packages:upload"), {"package": upload})
    page = moderator.get(response.url).content.decode()

    assert "<del>Kindermishandeling herkennen</del>" in page
    assert "<ins>Kindermishandeling herkennen en bespreken</ins>" in page
    with translation.override("nl"):  # the moderator's admin speaks Dutch
        correct, unchanged = gettext("correct answer"), gettext("No change")
    removed = re.search(r"<del>[^<]*Wat doet u eerst\?[^<]*</del>", page)
    added = re.search(rf"<ins>[^<]*Wie belt u eerst\?[^<]*\[{correct}\][^<]*</ins>", page)
    assert removed and added, page
    assert unchanged in page, "pages the new version leaves as they were say so"


# Export --------------------------------------------------------------------------------------


def hostile_body(page):
    """Hostile markup written straight into the database, as no form would let it in."""
    page.body = [
        {"type": "text", "id": str(uuid.uuid4()), "value": HOSTILE_HTML},
        {
            "type": "help_callout",
            "id": str(uuid.uuid4()),
            "value": {"kind": "help", "text": HOSTILE_HTML},
        },
        {
            "type": "case_vignette",
            "id": str(uuid.uuid4()),
            "value": {"title": "Sarah", "story": HOSTILE_HTML, "questions": ["Wat valt op?"]},
        },
        {
            "type": "embed",
            "id": str(uuid.uuid4()),
            "value": {"url": "javascript:alert(6)", "title": "Meer", "description": ""},
        },
        knowledge_check_block(),
    ]
    page.save()  # the live row, which exports read


def exported_files(course):
    """(name, text) of every file of the package, SCORM and Common Cartridge exports that a
    browser or a learning platform reads as markup or data."""
    outputs = {"package": package_bytes(course)}
    for name, write in (("scorm", scorm_write), ("cartridge", cartridge_write)):
        out = io.BytesIO()
        write(course=course, out=out, language="nl")
        out.seek(0)
        outputs[name] = out
    for kind, out in outputs.items():
        with zipfile.ZipFile(out) as archive:
            for name in archive.namelist():
                if name.endswith((".html", ".xml", ".json")):
                    yield f"{kind}/{name}", archive.read(name).decode("utf-8")


def test_no_export_carries_script_or_dangerous_links_whatever_the_database_holds(course_full):
    hostile_body(ModulePage.objects.get(slug="gesprek", locale__language_code="nl"))
    found, read = {}, []

    for name, text in exported_files(course_full):
        read.append(name)
        if name.endswith("content.json"):
            pieces = [s for s in strings_in(json.loads(text)) if "<" in s]
        else:
            pieces = [text]
        problems = [p for piece in pieces for p in active_markup(piece, ["scorm_completion.js"])]
        if problems:
            found[name] = problems
        if "Vet gedrukt" in text:
            read.append("the words of the hostile text")

    assert found == {}
    assert {"package/content.json", "scorm/imsmanifest.xml", "cartridge/imsmanifest.xml"} <= set(
        read
    )
    assert read.count("the words of the hostile text") >= 3, "the text itself still travels"
