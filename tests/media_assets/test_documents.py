"""Documents follow Wagtail's own rules (collection view restrictions) at their Wagtail address,
and leave like every private file: byte ranges, X-Accel-Redirect, or a signed address."""

import uuid
from urllib.parse import parse_qs, urlparse

import pytest
import requests

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents.models import document_served
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from elearning.accounts.roles import MODERATORS
from media.models import CustomDocument
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    UserFactory,
    make_home,
    publish,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"0123456789" * 100 + b"\n%%EOF\n"


def document(name="folder.pdf", content=PDF, collection=None):
    fields = {"collection": collection} if collection else {}
    return CustomDocument.objects.create(title=name, file=ContentFile(content, name=name), **fields)


@pytest.fixture
def moderators_only():
    """A collection only Moderators may see, as an editor sets it under Settings > Collections."""
    collection = Collection.get_first_root_node().add_child(name="Intern")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MODERATORS))
    return collection


@pytest.fixture
def moderator():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=MODERATORS))
    client = Client()
    client.force_login(user)
    return client


def body(response):
    return b"".join(response.streaming_content)


def test_a_public_document_is_sent_whole_or_by_range_and_its_download_counted():
    folder = document()
    served = []

    def count(instance, **kwargs):
        served.append(instance)

    document_served.connect(count)
    try:
        whole = Client().get(folder.url)
        part = Client().get(folder.url, HTTP_RANGE="bytes=9-18")
    finally:
        document_served.disconnect(count)

    assert whole.status_code == 200 and body(whole) == PDF
    assert whole["Content-Type"] == "application/pdf"
    assert whole["Content-Security-Policy"] == "default-src 'none'"
    assert part.status_code == 206 and body(part) == PDF[9:19]
    assert served == [folder, folder]


def test_a_document_in_a_restricted_collection_reaches_only_its_group(moderators_only, moderator):
    internal = document(collection=moderators_only)
    learner = Client()
    learner.force_login(UserFactory())

    for client in (Client(), learner):
        response = client.get(internal.url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    assert body(moderator.get(internal.url)) == PDF


def test_behind_nginx_a_document_is_handed_over_only_after_the_collection_check(
    settings, moderators_only, moderator
):
    settings.PROTECTED_FILES_SEND = "accel"
    settings.PROTECTED_FILES_ACCEL_PREFIX = "/protected-uploads/"
    internal = document("verslag.docx", b"PK docx", collection=moderators_only)

    assert "X-Accel-Redirect" not in Client().get(internal.url)
    response = moderator.get(internal.url)

    assert response["X-Accel-Redirect"] == "/protected-uploads/documents/verslag.docx"
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content == b""


def test_on_object_storage_a_document_is_signed_only_for_its_group(
    s3_storage, moderators_only, moderator
):
    internal = document("verslag.docx", b"PK docx", collection=moderators_only)

    refused = Client().get(internal.url)
    response = moderator.get(internal.url)

    assert s3_storage.bucket not in refused["Location"]
    signed = response["Location"]
    query = parse_qs(urlparse(signed).query)
    assert "X-Amz-Signature" in query or "Signature" in query
    download = requests.get(signed, timeout=10)
    assert download.status_code == 200 and download.content == b"PK docx"
    assert download.headers["Content-Disposition"].startswith("attachment")


def test_addresses_that_name_no_document_are_not_found():
    folder = document()

    assert Client().get(f"/documents/{folder.pk}/other.pdf").status_code == 404
    assert Client().get(f"/documents/{2**64}/folder.pdf").status_code == 404


def test_a_password_collection_asks_for_the_password_first():
    collection = Collection.get_first_root_node().add_child(name="Met wachtwoord")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim-2026",
    )
    internal = document(collection=collection)

    response = Client().get(internal.url)

    assert response.status_code == 200 and b'name="password"' in response.content
    assert PDF not in response.content


def resource_block(folder):
    return [{"type": "resource", "id": str(uuid.uuid4()), "value": {"document": folder.pk}}]


@pytest.fixture
def course():
    return publish(CoursePageFactory(parent=publish(LibraryPageFactory(parent=make_home()))))


def test_a_document_used_on_a_live_page_is_public(course):
    folder = document()
    publish(ModulePageFactory(parent=course, body=resource_block(folder)))

    assert Client().get(folder.url).status_code == 200


def test_a_document_used_only_on_a_draft_reaches_only_who_may_edit_it(course, moderator):
    folder = document()
    ModulePageFactory(parent=course, body=resource_block(folder), live=False)

    assert Client().get(folder.url).status_code == 404
    learner = Client()
    learner.force_login(UserFactory())
    assert learner.get(folder.url).status_code == 404
    assert body(moderator.get(folder.url)) == PDF


def test_a_document_used_only_on_a_page_for_signed_in_people_needs_a_sign_in(course):
    folder = document()
    page = publish(ModulePageFactory(parent=course, body=resource_block(folder)))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    learner = Client()
    learner.force_login(UserFactory())

    assert Client().get(folder.url).status_code == 404
    assert body(learner.get(folder.url)) == PDF


def test_a_document_used_on_no_page_follows_its_collection_alone():
    folder = document()

    assert body(Client().get(folder.url)) == PDF
