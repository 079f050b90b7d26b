"""Sound for the demo podcast: a short quiet tone made by ffmpeg, so the demo feed has real,
playable enclosures without shipping audio files in the repository."""

import logging
import shutil
import subprocess

from django.core.files.base import ContentFile

from media.models import MediaAsset

logger = logging.getLogger(__name__)

DEMO_EPISODE_SECONDS = 8


def demo_episode_audio(*, slug, seconds=DEMO_EPISODE_SECONDS):
    """The episode's demo sound as an audio MediaAsset, made once and found again by title.

    None when ffmpeg is missing or fails (logged): the seed then leaves the episodes out.
    """
    title = f"Demo podcast: {slug}"
    asset = MediaAsset.objects.filter(title=title, type="audio").first()
    if asset is not None:
        return asset
    sound = _tone_mp3(seconds)
    if sound is None:
        return None
    return MediaAsset.objects.create(
        title=title,
        type="audio",
        duration=seconds,
        file=ContentFile(sound, name=f"{slug}.mp3"),  # saved through the storage API
    )


def _tone_mp3(seconds):
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        logger.warning("demo podcast: ffmpeg is not installed, so the episodes are left out")
        return None
    tone = f"sine=frequency=440:duration={seconds}"
    command = [ffmpeg, "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", tone]
    command += ["-af", "volume=0.1", "-q:a", "9", "-f", "mp3", "pipe:1"]
    try:
        # A fixed argument list: no shell, no outside input.
        return subprocess.run(command, capture_output=True, check=True, timeout=60).stdout  # noqa: S603
    except (OSError, subprocess.SubprocessError):
        logger.warning("demo podcast: ffmpeg could not make the sound", exc_info=True)
        return None
