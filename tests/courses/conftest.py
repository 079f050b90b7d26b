"""Fixtures of the course tests: a podcast show with episodes of real sound."""

import shutil
import subprocess

import pytest

from django.core.cache import cache
from django.core.files.base import ContentFile

from media.models import MediaAsset
from tests.factories import PodcastPageFactory, publish, translate

from .podcast_setup import TONE_SECONDS, episode


@pytest.fixture(scope="module")
def tone_mp3():
    """Two seconds of a real 440 Hz tone as MP3 bytes, as ffmpeg makes them."""
    command = [shutil.which("ffmpeg") or "ffmpeg", "-nostdin", "-loglevel", "error"]
    command += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={TONE_SECONDS}"]
    command += ["-q:a", "9", "-f", "mp3", "pipe:1"]
    return subprocess.run(command, capture_output=True, check=True, timeout=60).stdout


@pytest.fixture
def tone_asset(db, tone_mp3):
    """The tone stored through the storage API, as an upload would be."""
    return MediaAsset.objects.create(
        title="Toon",
        type="audio",
        duration=TONE_SECONDS,
        file=ContentFile(tone_mp3, name="aflevering-een.mp3"),
    )


@pytest.fixture
def podcast(library_tree, tone_asset):
    """A Dutch show with two published episodes, a draft and a withdrawn one; French copies."""
    show = publish(PodcastPageFactory(parent=library_tree["pages"]["library"]))
    first = publish(episode(show, "Signalen bij kinderen", 1, audio=tone_asset, episode_number=1))
    second = publish(
        episode(show, "Samenwerken met de politie", 8, audio=tone_asset, episode_number=2, season=1)
    )
    draft = episode(show, "Nog niet klaar", 15, live=False)
    draft.save_revision()
    withdrawn = publish(episode(show, "Teruggetrokken", 9))
    withdrawn.unpublish()
    show_fr = translate(show, "fr", title="Podcast en français")
    show_en = translate(show, "en", title="Podcast in English")
    first_fr = translate(first, "fr", title="Les signaux chez l'enfant")
    second_fr = translate(second, "fr", title="Collaborer avec la police")
    cache.clear()
    return {
        "show": show,
        "first": first,
        "second": second,
        "draft": draft,
        "withdrawn": withdrawn,
        "show_fr": show_fr,
        "show_en": show_en,
        "first_fr": first_fr,
        "second_fr": second_fr,
    }
