"""A newer version imported without publishing waits for moderation: nothing a visitor sees
changes before a moderator approves the drafts, and pages the version does not change get
no draft to approve."""

import pytest

from django.core.files.base import ContentFile

from wagtail.models import Revision, WorkflowState

from courses.models import CoursePackage, CoursePage, ModulePage, WebinarPage
from courses.packaging.schema import PackageRefused
from courses.packaging.services import package_import_path
from media.models import CustomImage, MediaCaption
from tests.factories import publish

from .conftest import package_bytes, site_emptied

pytestmark = pytest.mark.django_db

NEW_CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:01.500\nWelkom bij deze nieuwe opname.\n"


def captions_read(asset):
    with asset.captions.get(language="nl").file.open("rb") as stream:
        return stream.read().decode()


def live(model, slug):
    return model.objects.get(slug=slug, locale__language_code="nl")


def test_a_moderated_update_shows_its_new_texts_only_once_approved(course_full):
    first = package_bytes(course_full)
    image = CustomImage.objects.get(title="Omslag")
    image.alt_text = "Drie handen"
    image.save()
    caption = MediaCaption.objects.get()
    caption.file.save("opname.vtt", ContentFile(NEW_CAPTIONS))
    second = package_bytes(course_full)
    site_emptied()
    package_import_path(source=first, publish=True)
    images_before = list(CustomImage.objects.values_list("pk", "title", "alt_text"))
    captions_before = {row.pk: captions_read(row.asset) for row in MediaCaption.objects.all()}

    package_import_path(source=second)

    course = live(CoursePage, "kindermishandeling")
    webinar = live(WebinarPage, "babobox")
    assert course.image.alt_text == "Twee handen"
    assert "Welkom bij deze opname." in captions_read(webinar.recording)
    assert set(images_before) <= set(CustomImage.objects.values_list("pk", "title", "alt_text"))
    for pk, text in captions_before.items():
        assert captions_read(MediaCaption.objects.get(pk=pk).asset) == text

    for page in (course, webinar):
        page.get_latest_revision().publish()
    course = live(CoursePage, "kindermishandeling")
    webinar = live(WebinarPage, "babobox")
    assert course.image.alt_text == "Drie handen"
    assert "nieuwe opname" in captions_read(webinar.recording)


def test_an_update_published_at_once_changes_the_files_in_place(course_full):
    first = package_bytes(course_full)
    image = CustomImage.objects.get(title="Omslag")
    image.alt_text = "Drie handen"
    image.save()
    second = package_bytes(course_full)
    site_emptied()
    package_import_path(source=first, publish=True)
    images = CustomImage.objects.count()

    package_import_path(source=second, publish=True)

    assert live(CoursePage, "kindermishandeling").image.alt_text == "Drie handen"
    assert CustomImage.objects.count() == images


def test_a_version_that_changes_nothing_makes_no_drafts_to_review(course_full):
    first = package_bytes(course_full)
    course_full.title = "Kindermishandeling herkennen en bespreken"
    publish(course_full)
    package_bytes(course_full)
    course_full.title = "Kindermishandeling herkennen"
    publish(course_full)
    same = package_bytes(course_full)  # version 3, with the content of version 1
    site_emptied()
    package_import_path(source=first, publish=True)
    revisions = Revision.objects.count()

    report = package_import_path(source=same)

    assert report.version == 3 and len(report.updated) == 8
    assert Revision.objects.count() == revisions
    assert not WorkflowState.objects.exists()


def test_a_version_that_changes_one_page_puts_only_that_page_in_review(course_full):
    first = package_bytes(course_full)
    signals = live(ModulePage, "signalen")
    signals.title = "Signalen zien"
    publish(signals)
    second = package_bytes(course_full)
    site_emptied()
    package_import_path(source=first, publish=True)
    revisions = Revision.objects.count()

    package_import_path(source=second)

    signals = live(ModulePage, "signalen")
    assert Revision.objects.count() == revisions + 1
    (state,) = WorkflowState.objects.all()
    assert int(state.object_id) == signals.pk
    assert signals.title == "Signalen" and signals.get_latest_revision_as_object().title == (
        "Signalen zien"
    )


def two_versions(course):
    first = package_bytes(course)
    course.title = "Kindermishandeling herkennen en bespreken"
    publish(course)
    return first, package_bytes(course)


def test_a_version_in_moderation_is_not_the_installed_one_until_approved(course_full):
    first, second = two_versions(course_full)
    site_emptied()
    package_import_path(source=first, publish=True)

    report = package_import_path(source=second)

    package = CoursePackage.objects.get()
    assert report.waiting and (package.version, package.version_pending) == (1, 2)
    second.seek(0)
    again = package_import_path(source=second, dry_run=True)  # not refused as installed
    assert (again.installed_version, again.pending_version) == (1, 2)
    first.seek(0)
    with pytest.raises(PackageRefused, match="Versie 1 .* al geïnstalleerd"):
        package_import_path(source=first)  # version 1 is still the one visitors see

    live(CoursePage, "kindermishandeling").get_latest_revision().publish()

    package.refresh_from_db()
    assert (package.version, package.version_pending) == (2, None)
    second.seek(0)
    with pytest.raises(PackageRefused, match="al geïnstalleerd|already installed"):
        package_import_path(source=second)


def test_an_administrator_publishes_the_version_waiting_for_moderation_at_once(course_full):
    first, second = two_versions(course_full)
    site_emptied()
    package_import_path(source=first, publish=True)
    package_import_path(source=second)
    second.seek(0)

    report = package_import_path(source=second, publish=True)

    assert not report.waiting
    assert live(CoursePage, "kindermishandeling").title == (
        "Kindermishandeling herkennen en bespreken"
    )
    package = CoursePackage.objects.get()
    assert (package.version, package.version_pending) == (2, None)


def test_a_version_older_than_the_one_in_moderation_is_refused(course_full):
    first, second = two_versions(course_full)
    course_full.title = "Kindermishandeling herkennen, bespreken en melden"
    publish(course_full)
    third = package_bytes(course_full)
    site_emptied()
    package_import_path(source=first, publish=True)
    package_import_path(source=third)

    with pytest.raises(PackageRefused, match="versie 3, die eerder werd geïmporteerd en op mod"):
        package_import_path(source=second)
