"""Players have an accessible name: a screen reader announces which recording has focus."""

import re
import uuid

import pytest

from django.core.cache import cache

from tests.factories import AudioAssetFactory, ModulePageFactory, publish


def player_module(library_tree, caption):
    video = AudioAssetFactory(type="video", title="Gesprek met een ouder")
    block = {
        "type": "video",
        "id": str(uuid.uuid4()),
        "value": {"video": video.pk, "caption": caption},
    }
    module = publish(
        ModulePageFactory(parent=library_tree["pages"]["course"], title="Kijken", body=[block])
    )
    cache.clear()
    return module


@pytest.mark.django_db
def test_a_video_with_a_caption_is_named_by_it(client, library_tree):
    module = player_module(library_tree, "Een moeder vertelt over haar zorgen.")
    html = client.get(module.url).content.decode()

    labelled_by = re.search(r'<video [^>]*aria-labelledby="([^"]+)"', html).group(1)
    assert re.search(rf'<figcaption id="{labelled_by}">Een moeder vertelt over haar zorgen.<', html)


@pytest.mark.django_db
def test_a_video_without_a_caption_is_named_by_its_title(client, library_tree):
    module = player_module(library_tree, "")
    html = client.get(module.url).content.decode()

    assert re.search(r'<video [^>]*aria-label="Gesprek met een ouder"', html)
