"""The public catalogue offers only what any visitor may read: restricted pages are never in a
package, a course that is no longer live leaves the catalogue and its download is gone."""

import json
import zipfile

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

from courses.models import CoursePackage, ModulePage
from courses.packaging.standards import cartridge_write, scorm_write
from tests.factories import knowledge_check_block, publish

from .markup import strings_in
from .test_admin import member_of, moderator, zip_body  # noqa: F401 - a fixture used below

pytestmark = pytest.mark.django_db

SECRET_QUESTION = "Welke code opent de kluis van het team?"
SECRET_ANSWER = "Juist: 4711, alleen voor deelnemers."
SECRET_WORDS = (SECRET_QUESTION, SECRET_ANSWER)


def restrict(slug):
    """A password on the module in every language, as an editor sets it in the admin; the
    module's knowledge check holds words no other page has."""
    for page in ModulePage.objects.filter(slug=slug):
        check = knowledge_check_block(SECRET_QUESTION)
        check["value"]["choices"][0]["feedback"] = SECRET_ANSWER
        page.body = [child for child in page.body.raw_data if child["type"] != "knowledge_check"]
        page.body = [*page.body.raw_data, check]
        publish(page)
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )


def export_and_offer(moderator, course):  # noqa: F811
    moderator.post(reverse("course_packages:export", args=[course.pk]))
    package = CoursePackage.objects.get()
    if not package.offered:
        moderator.post(reverse("course_packages:offer", args=[course.pk]))
    return package.exports.order_by("-created_at", "-pk").first()


def catalogue_entries():
    return Client().get(reverse("course_package_catalogue")).json()["packages"]


def download(export):
    url = reverse("course_package_download", args=[export.package.key, export.version])
    return Client().get(url)


def test_a_restricted_module_never_leaves_in_a_package(moderator, course_full):  # noqa: F811
    restrict("gesprek")

    export = export_and_offer(moderator, course_full)

    (entry,) = catalogue_entries()
    archive = zip_body(download(export))
    content = json.loads(archive.read("content.json"))
    manifest = json.loads(archive.read("manifest.json"))
    words = " ".join(strings_in(content))
    assert not any(secret in words for secret in SECRET_WORDS)
    assert "Het gesprek" not in words and "La conversation" not in words
    gesprek = str(ModulePage.objects.filter(slug="gesprek").first().translation_key)
    assert sorted(manifest["left_out"], key=lambda item: item["language"]) == [
        {"key": gesprek, "language": "fr"},
        {"key": gesprek, "language": "nl"},
    ]
    index = moderator.get(reverse("course_packages:index")).content.decode()
    assert "Het gesprek (nl)" in index and "La conversation (fr)" in index


def test_a_restriction_added_after_the_export_takes_the_course_off_the_catalogue(
    moderator,  # noqa: F811
    course_full,
):
    export = export_and_offer(moderator, course_full)
    assert len(catalogue_entries()) == 1 and download(export).status_code == 200

    restrict("gesprek")

    assert catalogue_entries() == []
    assert download(export).status_code == 404

    again = export_and_offer(moderator, course_full)
    assert len(catalogue_entries()) == 1
    words = " ".join(strings_in(json.loads(zip_body(download(again)).read("content.json"))))
    assert not any(secret in words for secret in SECRET_WORDS)


def test_a_course_no_longer_live_leaves_the_catalogue_and_its_download(
    moderator,  # noqa: F811
    course_full,
):
    export = export_and_offer(moderator, course_full)
    assert len(catalogue_entries()) == 1

    Page.objects.get(pk=course_full.pk).unpublish()

    assert catalogue_entries() == []
    assert download(export).status_code == 404


def test_an_older_export_is_not_downloadable_once_a_newer_one_is_offered(
    moderator,  # noqa: F811
    course_full,
):
    older = export_and_offer(moderator, course_full)
    course_full.title = "Kindermishandeling herkennen en bespreken"
    course_full.save_revision().publish()
    newer = export_and_offer(moderator, course_full)

    assert newer.version == older.version + 1
    assert download(older).status_code == 404
    assert download(newer).status_code == 200


@pytest.mark.parametrize("write", [scorm_write, cartridge_write], ids=["scorm", "cartridge"])
def test_scorm_and_cartridges_leave_restricted_modules_out(course_full, write, tmp_path):
    restrict("gesprek")
    target = tmp_path / "course.zip"

    with target.open("wb") as out:
        write(course=course_full, out=out, language="nl")

    with zipfile.ZipFile(target) as archive:
        text = " ".join(
            archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
        )
    assert "Het gesprek" not in text
    assert not any(secret in text for secret in SECRET_WORDS)
    assert "Signalen" in text
