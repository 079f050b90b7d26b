"""The demo library's media, made from text when the demo is built: narrated slide recordings
with captions in every language, podcast episodes, podcast artwork and course card pictures.
Nothing binary lives in the repository; the same text always gives the same files. Tools get a
printable handout (PDF, handouts.py).

Needs ffmpeg (with ffprobe) and espeak-ng; without them every builder raises MediaBuildError."""

from pathlib import Path

from .handouts import handout_build
from .pictures import artwork_draw, card_draw
from .programs import MediaBuildError
from .recording import Recording, audio_build, recording_build

__all__ = [
    "MediaBuildError",
    "Recording",
    "artwork_build",
    "audio_build",
    "card_image_build",
    "handout_build",
    "recording_build",
]

JPEG_QUALITY = 88


def artwork_build(*, title, subtitle, out_path, size=1400):
    """A square podcast cover of `size` px (Apple asks 1400 to 3000) as JPEG, or PNG when
    out_path ends in .png."""
    if not 1400 <= size <= 3000:
        raise ValueError(f"podcast artwork is 1400 to 3000 px square, not {size}")
    return _picture_save(artwork_draw(title=title, subtitle=subtitle, size=size), out_path)


def card_image_build(*, title, theme, out_path, size=(1200, 675)):
    """A course card picture (JPEG): abstract shapes in the theme's colours, no text."""
    return _picture_save(card_draw(title=title, theme=theme, size=tuple(size)), out_path)


def _picture_save(image, out_path):
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    if out_path.suffix.lower() == ".png":
        image.save(out_path, format="PNG", optimize=True)
    else:
        image.save(out_path, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out_path
