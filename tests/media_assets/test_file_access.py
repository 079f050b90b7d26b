"""Who may fetch a recording, its poster and its captions: whoever may see a live page that uses
it; otherwise only the people who may edit it. Raw stored paths under /uploads/ answer nothing."""

import re
import uuid

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

from courses.models import CoursePage, ModulePage
from elearning.accounts.roles import MODERATORS, TRAINERS
from media.models import MediaAsset, MediaCaption
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    PodcastEpisodePageFactory,
    PodcastPageFactory,
    UserFactory,
    WebinarPageFactory,
    make_home,
    publish,
)
from tests.make_run import make_run_urls  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
User = get_user_model()

VIDEO = b"\x1aE\xdf\xa3 not really a video, but bytes to compare " * 50
POSTER = b"\xff\xd8\xff\xe0 a poster frame"
VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHallo\n"


OWNER = "owner@example.org"  # the trainer who uploaded the recordings


def recording(title):
    owner = User.objects.filter(email=OWNER).first()
    if owner is None:
        owner = UserFactory(email=OWNER)
        owner.groups.add(Group.objects.get(name=TRAINERS))
    asset = MediaAsset.objects.create(
        title=title,
        type="video",
        file=ContentFile(VIDEO, name=f"{title}.webm"),
        uploaded_by_user=owner,
    )
    asset.poster.save(f"{title}.jpg", ContentFile(POSTER))
    MediaCaption.objects.create(asset=asset, language="nl", file=ContentFile(VTT, name="nl.vtt"))
    return asset


def video_block(asset):
    return [{"type": "video", "id": str(uuid.uuid4()), "value": {"video": asset.pk}}]


@pytest.fixture
def recordings():
    """One recording per situation, each on the page that makes it what it is."""
    library = publish(LibraryPageFactory(parent=make_home()))
    course = publish(CoursePageFactory(parent=library))
    found = {name: recording(name) for name in ("live", "signed-in", "moderators", "draft")}
    found["unused"] = recording("unused")
    publish(ModulePageFactory(parent=course, body=video_block(found["live"])))
    signed_in = publish(ModulePageFactory(parent=course, body=video_block(found["signed-in"])))
    PageViewRestriction.objects.create(page=signed_in, restriction_type=PageViewRestriction.LOGIN)
    moderators = publish(WebinarPageFactory(parent=library, recording=found["moderators"]))
    rule = PageViewRestriction.objects.create(
        page=moderators, restriction_type=PageViewRestriction.GROUPS
    )
    rule.groups.add(Group.objects.get(name=MODERATORS))
    ModulePageFactory(parent=course, body=video_block(found["draft"]), live=False)
    return found


def person(role):
    client = Client()
    if role == "learner":
        client.force_login(UserFactory())
    elif role == "trainer":  # another trainer than the one who uploaded the recordings
        trainer = UserFactory()
        trainer.groups.add(Group.objects.get(name=TRAINERS))
        client.force_login(trainer)
    elif role == "owner":
        client.force_login(User.objects.get(email=OWNER))
    elif role == "moderator":
        moderator = UserFactory()
        moderator.groups.add(Group.objects.get(name=MODERATORS))
        client.force_login(moderator)
    return client


def addresses(asset):
    return {
        "original": asset.url,
        "poster": asset.poster_url,
        "captions": asset.captions.get().url,
    }


EXPECTED = {  # situation: who gets the files (trainers may edit their own recordings only)
    "live": {"anonymous", "learner", "trainer", "owner", "moderator"},
    "signed-in": {"learner", "trainer", "owner", "moderator"},
    "moderators": {"owner", "moderator"},
    "draft": {"owner", "moderator"},
    "unused": {"owner", "moderator"},
}


@pytest.mark.parametrize("role", ["anonymous", "learner", "trainer", "owner", "moderator"])
@pytest.mark.parametrize("situation", list(EXPECTED))
def test_a_recording_follows_the_pages_that_use_it(recordings, situation, role):
    client = person(role)
    contents = {"original": VIDEO, "poster": POSTER, "captions": VTT}

    for kind, address in addresses(recordings[situation]).items():
        response = client.get(address)
        if role in EXPECTED[situation]:
            assert response.status_code == 200, (kind, address)
            assert b"".join(response.streaming_content) == contents[kind]
            assert response["Cache-Control"] == "private"
        else:
            assert response.status_code == 404, (kind, address)


def test_captions_are_sent_as_webvtt_and_other_files_by_their_type(recordings):
    files = addresses(recordings["live"])

    assert Client().get(files["captions"])["Content-Type"] == "text/vtt; charset=utf-8"
    assert Client().get(files["original"])["Content-Type"] == "video/webm"
    assert Client().get(files["poster"])["Content-Type"] == "image/jpeg"


def test_a_member_of_the_group_may_watch_a_restricted_webinar(recordings):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client = Client()
    client.force_login(moderator)

    assert client.get(recordings["moderators"].url).status_code == 200


def test_unpublishing_the_only_page_makes_the_recording_private_again(recordings):
    asset = recordings["live"]
    assert Client().get(asset.url).status_code == 200

    for page in ModulePage.objects.live():
        page.unpublish()

    assert Client().get(asset.url).status_code == 404


def test_unknown_files_and_ids_beyond_the_database_are_not_found(recordings):
    asset = recordings["live"]
    client = Client()

    assert client.get(f"/files/recordings/{asset.pk}/web.mp4").status_code == 404  # not made yet
    assert client.get(f"/files/recordings/{asset.pk}/secret.webm").status_code == 404
    assert client.get(f"/files/recordings/{asset.pk}/captions/fr.vtt").status_code == 404
    assert client.get(f"/files/recordings/{2**64}/original.webm").status_code == 404
    assert client.post(asset.url).status_code == 405


def test_a_podcast_episode_behind_a_sign_in_keeps_its_audio_from_anonymous_apps():
    library = publish(LibraryPageFactory(parent=make_home()))
    show = publish(PodcastPageFactory(parent=library))
    episode = publish(PodcastEpisodePageFactory(parent=show))
    PageViewRestriction.objects.create(page=show, restriction_type=PageViewRestriction.LOGIN)
    address = f"/podcast/episodes/{episode.pk}/audio.mp3"
    learner = Client()
    learner.force_login(UserFactory())

    assert Client().get(address).status_code == 404
    assert learner.get(address).status_code == 200
    assert Client().get(episode.audio.url).status_code == 404


def stored_paths(recordings):
    from courses.models import CoursePackage, JobStatus, PackageExport, PackageImport
    from media.models import CustomDocument, CustomImage

    asset = recordings["live"]
    document = CustomDocument.objects.create(
        title="Folder", file=ContentFile(b"%PDF-1.4 folder", name="folder.pdf")
    )
    course = CoursePage.objects.first()
    package = CoursePackage.objects.create(key=uuid.uuid4(), course=course)
    export = PackageExport.objects.create(
        package=package, version=1, status=JobStatus.READY, file=ContentFile(b"PK", name="c.zip")
    )
    upload = PackageImport.objects.create(
        key=uuid.uuid4(), version=1, title="c", file=ContentFile(b"PK", name="upload.zip")
    )
    paths = {
        "recording": asset.file.name,
        "poster": asset.poster.name,
        "captions": asset.captions.get().file.name,
        "document": document.file.name,
        "export": export.file.name,
        "uploaded package": upload.file.name,
    }
    image = CustomImage.objects.create(title="Foto", file=image_file(), width=4, height=4)
    paths["original image"] = image.file.name
    return paths, image


def image_file():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return ContentFile(out.getvalue(), name="foto.png")


@pytest.mark.usefixtures("make_run_urls")
def test_make_run_serves_image_renditions_and_no_other_upload(recordings):
    paths, image = stored_paths(recordings)
    client = Client()

    for kind, name in paths.items():
        assert client.get(f"/uploads/{name}").status_code == 404, kind
    rendition = image.get_rendition("width-2")
    assert rendition.url.startswith("/uploads/images/")
    assert client.get(rendition.url).status_code == 200


def test_the_admins_links_to_a_recordings_files_work_for_its_editor(recordings):
    asset = recordings["unused"]
    asset.thumbnail.save("eigen.jpg", ContentFile(POSTER))
    trainer = person("owner")
    caption = asset.captions.get()
    pages = [
        trainer.get(reverse("wagtailmedia:edit", args=[asset.pk])),
        trainer.get(reverse("captions:edit", args=[caption.pk])),
    ]

    links = set()
    for page in pages:
        assert page.status_code == 200
        links |= set(re.findall(r'href="(/files/[^"]+|/uploads/[^"]+)"', page.content.decode()))
    assert links == {asset.url, asset.poster_url, caption.url}
    for link in links:
        assert trainer.get(link).status_code == 200
        assert Client().get(link).status_code == 404
