"""A course exported here and imported on another site is the same course, in every language,
with the same files; a newer version replaces it in place and learners keep their progress."""

import hashlib
import html
import io
import re
import subprocess
import zipfile

import pytest

from django.core.cache import cache
from django.test import Client

from wagtail.models import Page

from courses.models import (
    CoursePackage,
    CoursePage,
    LibraryPage,
    ModulePage,
    PackageOrigin,
    WebinarPage,
)
from courses.packaging.schema import PackageRefused
from courses.packaging.services import package_import_path
from elearning.learners.selectors import learning_dashboard
from elearning.learners.services import progress_record_view
from media.models import CustomDocument, CustomImage, MediaAsset, MediaCaption
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory, publish

from .conftest import package_bytes, site_emptied

pytestmark = pytest.mark.django_db


def checksums(model, field="file"):
    found = set()
    for row in model.objects.all():
        with getattr(row, field).open("rb") as stream:
            found.add(hashlib.sha256(stream.read()).hexdigest())
    return found


def visible(page):
    """What a visitor reads on the page (the main landmark)."""
    html = Client().get(page.url).content.decode()
    return html[html.index("<main") : html.index("</main>")]


def all_checksums():
    return {
        model.__name__: checksums(model)
        for model in (CustomImage, CustomDocument, MediaAsset, MediaCaption)
    }


def test_a_course_survives_the_trip_to_another_site(course_full):
    before_files = all_checksums()
    package = package_bytes(course_full)
    site_emptied()
    assert not CoursePage.objects.exists()

    report = package_import_path(source=package, publish=True)
    cache.clear()

    assert report.created and not report.updated
    course = CoursePage.objects.get(locale__language_code="nl")
    assert course.translation_key == course_full.translation_key
    assert course.package.origin == PackageOrigin.IMPORTED and course.package.version == 1
    fr = course.get_translation(course.get_translations().get().locale)
    assert fr.title == "Reconnaître la maltraitance" and fr.live
    titles = {(p.locale.language_code, p.title) for p in Page.objects.type(ModulePage, WebinarPage)}
    assert ("fr", "La conversation") in titles and ("nl", "Babobox") in titles
    assert all_checksums() == before_files
    conversation = ModulePage.objects.get(slug="gesprek", locale__language_code="nl")
    main = visible(conversation)
    signals = ModulePage.objects.get(slug="signalen", locale__language_code="nl")
    assert f'href="{signals.url}"' in main, "the link between modules points at the new module"
    assert "Wat doet u eerst?" in main
    assert "meldcode" in main.lower()
    assert "Reconnaître la maltraitance" in visible(fr)
    assert course.themes.get().name == "Kindermishandeling"
    assert course.trainers.get().photo is not None
    assert course.trainers.get().user is None  # accounts stay on the site they belong to
    assert [block.value for block in course.evaluation_questions] == ["Bruikbaar in mijn werk"]
    webinar = WebinarPage.objects.get(slug="babobox", locale__language_code="nl")
    assert webinar.recording.captions.get().cue_count == 1


def test_the_same_version_twice_is_refused(course_full):
    package = package_bytes(course_full)
    site_emptied()
    package_import_path(source=package, publish=True)
    package.seek(0)
    with pytest.raises(PackageRefused, match="al geïnstalleerd|already installed"):
        package_import_path(source=package)


def test_a_newer_version_updates_in_place_and_keeps_progress(course_full):
    first = package_bytes(course_full)
    course_full.title = "Kindermishandeling herkennen en bespreken"
    publish(course_full)
    extra = ModulePageFactory(parent=course_full, title="Nazorg", slug="nazorg")
    publish(extra)
    Page.objects.get(slug="babobox", locale__language_code="nl").unpublish()
    second = package_bytes(course_full)
    site_emptied()

    package_import_path(source=first, publish=True)
    module = ModulePage.objects.get(slug="signalen", locale__language_code="nl")
    learner = UserFactory(email="leerling@example.org")
    progress_record_view(user=learner, module_id=module.pk)  # "viewed" completes it
    files_before = MediaAsset.objects.count()
    report = package_import_path(source=second, publish=True)

    course = CoursePage.objects.get(locale__language_code="nl")
    assert course.title == "Kindermishandeling herkennen en bespreken"
    assert CoursePackage.objects.get().version == 2
    assert ModulePage.objects.get(slug="signalen", locale__language_code="nl").pk == module.pk
    assert ModulePage.objects.filter(slug="nazorg", live=True).exists()
    assert not WebinarPage.objects.get(slug="babobox", locale__language_code="nl").live
    assert {row["title"] for row in report.unpublished} >= {"Babobox"}
    assert MediaAsset.objects.count() == files_before, "unchanged files are reused, not copied"
    (entry,) = learning_dashboard(user=learner, language="nl")["in_progress"]
    assert entry.course.title == "Kindermishandeling herkennen en bespreken"
    done = {e.part.slug: e.status for e in entry.parts if e.progress}
    assert done == {"signalen": "completed"}, "the learner keeps the module completed before"

    first.seek(0)
    with pytest.raises(PackageRefused, match="ouder|older"):
        package_import_path(source=first)


def test_a_newer_version_updates_a_course_whose_address_was_taken_here(course_full):
    first = package_bytes(course_full)
    course_full.title = "Kindermishandeling herkennen en bespreken"
    publish(course_full)
    second = package_bytes(course_full)
    site_emptied()
    library = LibraryPage.objects.filter(locale__language_code="nl").first()
    publish(CoursePageFactory(parent=library, title="Eigen cursus", slug=course_full.slug))

    package_import_path(source=first)
    imported = CoursePage.objects.get(
        translation_key=course_full.translation_key, locale__language_code="nl"
    )
    package_import_path(source=second)

    imported.refresh_from_db()
    assert imported.slug == f"{course_full.slug}-2"
    assert imported.get_latest_revision_as_object().title == (
        "Kindermishandeling herkennen en bespreken"
    )


def test_a_dry_run_changes_nothing(course_full):
    package = package_bytes(course_full)
    site_emptied()
    report = package_import_path(source=package, dry_run=True)
    assert len(report.created) == 8
    assert not CoursePage.objects.exists() and not CustomImage.objects.exists()


def test_a_course_made_here_is_never_replaced_by_a_package(course_full):
    package = package_bytes(course_full)
    with pytest.raises(PackageRefused, match="op deze site gemaakt|made on this site"):
        package_import_path(source=io.BytesIO(package.getvalue()))


def readable_text(page):
    """What a visitor reads in the page's main landmark, without markup and addresses."""
    main = visible(page)
    text = re.sub(r"<script.*?</script>|<[^>]+>", " ", main, flags=re.S)
    return " ".join(html.unescape(text).split())


def test_every_page_reads_the_same_in_every_language_after_the_trip(course_full):
    course_pages = Page.objects.type(CoursePage, ModulePage, WebinarPage).live()
    before = {(p.locale.language_code, p.url_path): readable_text(p) for p in course_pages}
    package = package_bytes(course_full)
    site_emptied()

    package_import_path(source=package, publish=True)
    cache.clear()  # what the imported pages say, never a copy cached before the trip

    after = {(p.locale.language_code, p.url_path): readable_text(p) for p in course_pages.all()}
    assert after.keys() == before.keys() and len(after) == 8
    for where, text in before.items():
        assert after[where] == text, where


@pytest.mark.parametrize(
    "name,content",
    [
        ("werkmap.zip", "zip"),
        ("verslag.docx", "docx"),
        ("lijst.csv", b"naam;gemeente\nAn;Gent\n"),
        ("nota.txt", b"Afspraken na de intervisie.\n"),
    ],
)
def test_every_kind_of_document_the_library_takes_travels(course_full, name, content):
    """A document the site accepts must also survive the trip (zip files and office files
    included), byte for byte."""
    data = office_like(content) if isinstance(content, str) else content
    document = CustomDocument.objects.get()
    document.file.save(name, io.BytesIO(data))
    package = package_bytes(course_full)
    site_emptied()

    package_import_path(source=package)

    with CustomDocument.objects.get().file.open("rb") as stream:
        assert stream.read() == data


def office_like(kind):
    """A zip archive, or the smallest zip a word processor would recognise as a .docx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if kind == "docx":
            archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
            archive.writestr("word/document.xml", "<w:document/>")
        else:
            archive.writestr("werkblad.txt", "Oefening 1")
    return buffer.getvalue()


def test_a_recording_in_a_less_common_format_travels(course_full, tmp_path):
    """Uploads take any video or audio format (the pipeline converts them); packages too."""
    flac = tmp_path / "opname.flac"
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=duration=1", str(flac)],
        check=True,
    )
    asset = MediaAsset.objects.get()
    asset.file.save("opname.flac", io.BytesIO(flac.read_bytes()))
    package = package_bytes(course_full)
    site_emptied()

    package_import_path(source=package)

    with MediaAsset.objects.get().file.open("rb") as stream:
        assert stream.read() == flac.read_bytes()


def modules_by_slug():
    return {
        (module.slug, module.locale.language_code): module
        for module in ModulePage.objects.select_related("locale")
    }


def test_the_modules_completion_settings_travel(course_full):
    signals = ModulePage.objects.get(slug="signalen", locale__language_code="nl")
    signals.min_time_percent = 60
    publish(signals)
    conversation = ModulePage.objects.get(slug="gesprek", locale__language_code="nl")
    conversation.completion_rule = "check_passed"
    conversation.min_score_percent = 75
    conversation.min_time_percent = 0
    publish(conversation)
    package = package_bytes(course_full)
    site_emptied()

    package_import_path(source=package, publish=True)

    imported = modules_by_slug()
    assert imported[("signalen", "nl")].min_time_percent == 60
    assert imported[("signalen", "nl")].completion_rule == "viewed"
    gesprek = imported[("gesprek", "nl")]
    assert (gesprek.completion_rule, gesprek.min_score_percent, gesprek.min_time_percent) == (
        "check_passed",
        75,
        0,
    )


def test_a_package_from_before_the_time_requirement_imports_without_one(course_full):
    from .test_hostile_packages import Package

    signals = ModulePage.objects.get(slug="signalen", locale__language_code="nl")
    signals.min_time_percent = 60
    publish(signals)
    old = Package(package_bytes(course_full).getvalue())
    content = old.content()
    for page in content["pages"]:
        page["fields"].pop("min_time_percent", None)
    old.content_put(content)
    site_emptied()

    package_import_path(source=io.BytesIO(old.zipped()), publish=True)

    assert {module.min_time_percent for module in modules_by_slug().values()} == {0}
