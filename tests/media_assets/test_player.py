"""What a learner's browser gets: the web version once it is ready, a poster, captions per
language with the page's own language as the default track."""

import re
import uuid

import pytest

from django.core.files.base import ContentFile
from django.test import Client

from media.models import MediaCaption
from media.services import media_process
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    make_home,
    publish,
    translate,
)

from .conftest import asset_make

pytestmark = pytest.mark.django_db

VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHallo\n"


@pytest.fixture
def module_with_video(samples):
    video = asset_make(samples["video"], "talk.webm")
    for language in ("nl", "fr"):
        MediaCaption.objects.create(
            asset=video, language=language, file=ContentFile(VTT, name=f"{language}.vtt")
        )
    library = publish(LibraryPageFactory(parent=make_home()))
    course = publish(CoursePageFactory(parent=library))
    block = {"type": "video", "id": str(uuid.uuid4()), "value": {"video": video.pk}}
    module = publish(ModulePageFactory(parent=course, title="Signalen", body=[block]))
    return module, video


def player_html(page):
    html = Client().get(page.url).content.decode()
    return html[html.index("<video") : html.index("</video>")]


def linked(html, attribute, **attributes):
    """The address in the first `attribute="..."` of the player, and what a visitor gets there."""
    address = re.search(rf'{attribute}="([^"]+)"', html).group(1)
    response = Client().get(address)
    assert response.status_code == 200, address
    return address, b"".join(response.streaming_content)


def stored(field_file):
    with field_file.open("rb") as handle:
        return handle.read()


def test_before_processing_the_page_plays_the_original(module_with_video):
    module, video = module_with_video

    html = player_html(module)

    assert 'type="video/webm"' in html
    address, body = linked(html, "src")
    assert not address.startswith("/uploads/") and body == stored(video.file)


def test_once_processed_the_page_plays_the_web_version_with_its_poster(module_with_video):
    module, video = module_with_video
    media_process(asset_id=video.pk)
    video.refresh_from_db()

    html = player_html(module)

    assert 'type="video/mp4"' in html
    assert linked(html, "src")[1] == stored(video.web_file)
    assert linked(html, "poster")[1] == stored(video.poster)


def test_captions_are_offered_per_language_with_the_pages_language_first_choice(
    module_with_video,
):
    module, video = module_with_video
    for ancestor in module.get_ancestors().specific()[1:]:  # below the tree's root
        translate(ancestor, "fr")
    french = translate(module, "fr", title="Signaux")

    dutch_html, french_html = player_html(module), player_html(french)

    assert dutch_html.count('<track kind="captions"') == 2
    track = re.search(r'<track kind="captions" src="([^"]+)"', dutch_html).group(1)
    assert b"".join(Client().get(track).streaming_content) == VTT
    assert 'srclang="nl" label="Nederlands" default' in dutch_html
    assert 'srclang="fr" label="Français" default' in french_html
    assert 'srclang="nl" label="Nederlands" default' not in french_html
