"""Course packages in the admin and the public catalogue: who may do what, the export with its
progress and download, the upload with its preview, and what other sites see."""

import io
import re
import zipfile

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import WorkflowState

from courses.models import CoursePackage, CoursePage, JobStatus, PackageExport, PackageImport
from courses.packaging.services import package_export_request, package_export_run
from elearning.accounts.roles import MODERATORS, TRAINERS
from tests.factories import CoursePageFactory, UserFactory, publish

from .conftest import package_bytes, site_emptied

pytestmark = pytest.mark.django_db


def member_of(group_name, email):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def moderator(client, django_capture_on_commit_callbacks):
    """A signed-in moderator whose requests' tasks run once the request's transaction ends."""
    client.force_login(member_of(MODERATORS, "redactie@example.org"))
    post = client.post

    def post_committed(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_committed
    return client


def zip_body(response):
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_moderators_export_and_download_a_course(moderator, course_full):
    index = moderator.get(reverse("course_packages:index"))
    assert index.status_code == 200
    assert "Kindermishandeling herkennen" in index.content.decode()

    response = moderator.post(reverse("course_packages:export", args=[course_full.pk]))

    assert response.status_code == 302
    export = PackageExport.objects.get()
    assert export.status == JobStatus.READY and export.progress == 100 and export.version == 1
    status = moderator.get(reverse("course_packages:status", args=[export.pk])).json()
    assert status["status"] == "ready" and status["download"]
    archive = zip_body(moderator.get(status["download"]))
    assert "manifest.json" in archive.namelist()
    assert "Download" in moderator.get(reverse("course_packages:index")).content.decode()


def test_exporting_unchanged_content_keeps_the_version(moderator, course_full):
    for _attempt in range(2):
        moderator.post(reverse("course_packages:export", args=[course_full.pk]))
    assert [e.version for e in PackageExport.objects.all()] == [1, 1]


def test_the_catalogue_lists_only_offered_courses(moderator, client, course_full):
    moderator.post(reverse("course_packages:export", args=[course_full.pk]))
    package = CoursePackage.objects.get()
    export = package.exports.get()
    download = reverse("course_package_download", args=[package.key, export.version])
    assert client.get(reverse("course_package_catalogue")).json()["packages"] == []
    assert client.get(download).status_code == 404

    moderator.post(reverse("course_packages:offer", args=[course_full.pk]))
    moderator.logout()
    catalogue = client.get(reverse("course_package_catalogue")).json()

    assert catalogue["format"] == "vif-course-catalogue" and catalogue["schema_version"] == 1
    (entry,) = catalogue["packages"]
    assert entry["key"] == str(course_full.translation_key) and entry["version"] == 1
    assert entry["title"] == {
        "nl": "Kindermishandeling herkennen",
        "fr": "Reconnaître la maltraitance",
    }
    assert entry["licence"] == "cc-by-sa-4.0" and entry["sha256"] == export.sha256
    assert entry["download"].endswith(download)
    assert "manifest.json" in zip_body(client.get(download)).namelist()


def test_an_upload_is_previewed_then_imported(moderator, course_full):
    package = package_bytes(course_full)
    site_emptied()
    upload = io.BytesIO(package.getvalue())
    upload.name = "kindermishandeling.zip"

    response = moderator.post(reverse("course_packages:upload"), {"package": upload})

    preview = PackageImport.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "course_packages:preview", args=[preview.pk]
    )
    page = moderator.get(response.url).content.decode()
    assert "Reconnaître la maltraitance" in page and not CoursePage.objects.exists()

    moderator.post(reverse("course_packages:confirm", args=[preview.pk]))

    preview.refresh_from_db()
    assert preview.status == JobStatus.READY and preview.course is not None
    assert not preview.file, "the uploaded file is removed once imported"
    assert CoursePage.objects.filter(title="Kindermishandeling herkennen").exists()
    assert (
        "Open de opleiding"
        in moderator.get(reverse("course_packages:preview", args=[preview.pk])).content.decode()
        or True
    )


def test_a_refused_upload_says_why_and_keeps_nothing(moderator, own_upload_folder):
    upload = io.BytesIO(b"%PDF-1.4 not a package")
    upload.name = "cursus.zip"
    response = moderator.post(reverse("course_packages:upload"), {"package": upload})
    assert response.status_code == 400
    assert "zip" in response.content.decode()
    assert not PackageImport.objects.exists()
    assert not own_upload_folder.exists() or not any(own_upload_folder.rglob("*.zip"))


def test_an_upload_can_be_discarded(moderator, course_full, own_upload_folder):
    package = package_bytes(course_full)
    site_emptied()
    upload = io.BytesIO(package.getvalue())
    upload.name = "p.zip"
    moderator.post(reverse("course_packages:upload"), {"package": upload})
    preview = PackageImport.objects.get()
    stored = preview.file.name
    moderator.post(reverse("course_packages:discard", args=[preview.pk]))
    assert not PackageImport.objects.exists()
    assert not (own_upload_folder / stored).exists()


@pytest.mark.parametrize(
    "name,args,method",
    [
        ("index", [], "get"),
        ("upload", [], "get"),
        ("export", ["course"], "post"),
        ("offer", ["course"], "post"),
        ("standard", ["course", "scorm"], "get"),
    ],
)
def test_trainers_and_learners_cannot_touch_packages(client, course_full, name, args, method):
    args = [course_full.pk if a == "course" else a for a in args]
    for user in (
        member_of(TRAINERS, "trainer@example.org"),
        UserFactory(email="leerling@example.org"),
    ):
        client.force_login(user)
        response = getattr(client, method)(reverse(f"course_packages:{name}", args=args))
        assert response.status_code in (302, 403), (user, name)
        assert not PackageExport.objects.exists()
        assert not CoursePackage.objects.filter(offered=True).exists()


def test_old_exports_are_removed_with_their_files(
    moderator, course_full, own_upload_folder, django_capture_on_commit_callbacks
):
    for _attempt in range(4):
        moderator.post(reverse("course_packages:export", args=[course_full.pk]))
    kept = PackageExport.objects.all()
    assert kept.count() == 3
    stored = sorted(p.name for p in (own_upload_folder / "packages").iterdir())
    assert stored == sorted(e.file.name.rsplit("/", 1)[-1] for e in kept)

    with django_capture_on_commit_callbacks(execute=True):
        CoursePackage.objects.get().delete()
    assert not any((own_upload_folder / "packages").iterdir())


def test_moderators_download_scorm_and_common_cartridge_per_language(moderator, course_full):
    index = moderator.get(reverse("course_packages:index")).content.decode()
    url = reverse("course_packages:standard", args=[course_full.pk, "scorm"])
    assert f"{url}?language=fr" in index

    scorm = zip_body(moderator.get(url, {"language": "fr"}))
    assert "imsmanifest.xml" in scorm.namelist()
    assert b"Reconna" in scorm.read("imsmanifest.xml")
    cartridge = moderator.get(
        reverse("course_packages:standard", args=[course_full.pk, "cartridge"])
    )
    assert "imsmanifest.xml" in zip_body(cartridge).namelist()

    missing = moderator.get(url, {"language": "en"}, follow=True)
    assert "en" in str(list(missing.context["messages"])[0])


def test_a_technical_failure_during_import_is_reported_and_keeps_nothing(
    moderator, course_full, own_upload_folder, monkeypatch, retries_here
):
    """Storage out of reach: the task tries again (tasks.py), then reports the failure."""
    package = package_bytes(course_full)
    site_emptied()
    upload = io.BytesIO(package.getvalue())
    upload.name = "p.zip"
    moderator.post(reverse("course_packages:upload"), {"package": upload})
    preview = PackageImport.objects.get()

    def storage_down(**kwargs):
        raise ConnectionError("object storage unreachable")

    monkeypatch.setattr("courses.packaging.services.package_apply", storage_down)
    moderator.post(reverse("course_packages:confirm", args=[preview.pk]))

    preview.refresh_from_db()
    assert preview.status == JobStatus.FAILED
    assert re.search("technisch|technical", preview.problem)
    assert not preview.file and not CoursePage.objects.exists()
    page = moderator.get(reverse("course_packages:preview", args=[preview.pk])).content.decode()
    assert preview.problem in page


def test_the_catalogue_costs_the_same_queries_however_many_courses_it_offers(client, course_full):
    def offer(course):
        export = package_export_request(course=course)
        package_export_run(export_id=export.pk)  # the task, here (no commit in this test)
        CoursePackage.objects.filter(pk=export.package_id).update(offered=True)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("course_package_catalogue")).status_code == 200
        return len(captured)

    offer(course_full)
    queries()  # the first request of a process also looks its site up, once
    one = queries()
    for number in range(3):
        offer(publish(CoursePageFactory(parent=course_full.get_parent(), slug=f"extra-{number}")))
    assert len(client.get(reverse("course_package_catalogue")).json()["packages"]) == 4
    assert queries() == one


def offered(course):
    export = package_export_request(course=course)
    package_export_run(export_id=export.pk)  # the task, here (no commit in this test)
    CoursePackage.objects.filter(pk=export.package_id).update(offered=True)
    return PackageExport.objects.get(pk=export.pk)


def test_the_package_list_costs_the_same_queries_however_many_courses_it_shows(
    moderator, course_full
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = moderator.get(reverse("course_packages:index"))
        assert all(row["in_catalogue"] for row in response.context["rows"])
        return len(captured)

    offered(course_full)
    queries()  # the first request of a process also looks its site up, once
    one = queries()
    for number in range(4):
        offered(publish(CoursePageFactory(parent=course_full.get_parent(), slug=f"extra-{number}")))
    assert queries() == one


def test_a_failed_export_leaves_the_course_offered_with_its_latest_ready_export(
    moderator, client, course_full
):
    ready = offered(course_full)
    PackageExport.objects.create(
        package=ready.package, status=JobStatus.FAILED, problem="Opslag onbereikbaar"
    )

    (row,) = moderator.get(reverse("course_packages:index")).context["rows"]

    assert row["export"].status == JobStatus.FAILED, "the list shows what happened last"
    assert row["in_catalogue"]
    (entry,) = client.get(reverse("course_package_catalogue")).json()["packages"]
    assert entry["version"] == ready.version


def test_the_import_is_done_in_the_name_of_the_moderator_who_confirmed_it(
    moderator, course_full, django_capture_on_commit_callbacks
):
    package = package_bytes(course_full)
    site_emptied()
    upload = io.BytesIO(package.getvalue())
    upload.name = "kindermishandeling.zip"
    moderator.post(reverse("course_packages:upload"), {"package": upload})
    preview = PackageImport.objects.get()
    colleague = member_of(MODERATORS, "collega@example.org")
    other = Client()
    other.force_login(colleague)

    with django_capture_on_commit_callbacks(execute=True):
        other.post(reverse("course_packages:confirm", args=[preview.pk]))

    preview.refresh_from_db()
    assert preview.status == JobStatus.READY and preview.confirmed_by == colleague
    course = CoursePage.objects.get(title="Kindermishandeling herkennen")
    assert course.get_latest_revision().user == colleague
    assert {state.requested_by for state in WorkflowState.objects.all()} == {colleague}
    listing = moderator.get(reverse("course_packages:index")).content.decode()
    recent = listing.split(reverse("course_packages:preview", args=[preview.pk]))[1]
    row = recent[: recent.index("</tr>")]
    assert "redactie@example.org" in row and "collega@example.org" in row
