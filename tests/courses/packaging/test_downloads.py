"""Package exports leave like every private file (media/sending.py): to people who may export,
or from the catalogue while offered; never from their stored path."""

import uuid

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from courses.models import CoursePackage, JobStatus, PackageExport
from elearning.accounts.roles import MODERATORS
from tests.factories import CoursePageFactory, LibraryPageFactory, UserFactory, make_home, publish

pytestmark = pytest.mark.django_db

ZIP = b"PK\x03\x04" + bytes(range(256)) * 8


@pytest.fixture
def export():
    course = publish(CoursePageFactory(parent=publish(LibraryPageFactory(parent=make_home()))))
    package = CoursePackage.objects.create(key=uuid.uuid4(), course=course)
    return PackageExport.objects.create(
        package=package, version=1, status=JobStatus.READY, file=ContentFile(ZIP, name="c.zip")
    )


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def moderator():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=MODERATORS))
    return signed_in(user)


def admin_download(export):
    return reverse("course_packages:download", args=[export.pk])


def catalogue_download(export):
    return reverse("course_package_download", args=[export.package.key, export.version])


def test_an_export_reaches_only_those_who_may_export(export, moderator):
    learner = signed_in(UserFactory())

    assert Client().get(admin_download(export)).status_code == 302  # to the admin's sign-in
    assert learner.get(admin_download(export)).status_code == 302  # no admin: to the sign-in
    response = moderator.get(admin_download(export), HTTP_RANGE="bytes=4-9")

    assert response.status_code == 206 and b"".join(response.streaming_content) == ZIP[4:10]
    assert response["Content-Disposition"] == 'attachment; filename="c.zip"'


def test_the_catalogue_sends_a_package_only_while_it_is_offered(export):
    assert Client().get(catalogue_download(export)).status_code == 404

    export.package.offered = True
    export.package.save()
    response = Client().get(catalogue_download(export))

    assert response.status_code == 200 and b"".join(response.streaming_content) == ZIP
    filename = f"{export.package.key}-v1.zip"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


def test_behind_nginx_exports_are_handed_to_nginx_after_the_check(settings, export, moderator):
    settings.PROTECTED_FILES_SEND = "accel"
    settings.PROTECTED_FILES_ACCEL_PREFIX = "/protected-uploads/"

    assert "X-Accel-Redirect" not in Client().get(catalogue_download(export))
    response = moderator.get(admin_download(export))

    assert response["X-Accel-Redirect"] == f"/protected-uploads/{export.file.name}"
    assert response.content == b""
