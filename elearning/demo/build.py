"""The demo build: from the sources (elearning/demo/sources/) to course packages and the media
seeded beside them (recordings of the webinars, podcast audio and artwork).

A build lives in its own folder named after a digest of the sources and of this code, under
DEMO_BUILD_DIR (var/demo/): seeding again with unchanged sources reuses it, and a build that
stopped halfway is never used (it is written in a scratch folder and renamed when complete).
"""

import fcntl
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from . import media_build
from .packages import CourseMedia, package_write
from .sources import (
    SOURCE_LANGUAGE,
    courses_read,
    html_from_markdown,
    pages_read,
    podcast_read,
    site_read,
    sources_digest,
)

CODE_FILES = ("build.py", "packages.py", "sources.py", "media_build/*.py")
NARRATION_LANGUAGE = SOURCE_LANGUAGE  # the recordings speak Dutch; captions in every language


@dataclass
class Recording:
    title: str
    video: Path
    duration: float
    captions: dict  # language -> Path
    starts: list  # seconds at which each segment starts


def build_dir():
    return Path(getattr(settings, "DEMO_BUILD_DIR", settings.BASE_DIR / "var" / "demo"))


def _digest():
    here = Path(__file__).resolve().parent
    code = "".join(path.read_text() for name in CODE_FILES for path in sorted(here.glob(name)))
    return hashlib.sha256((sources_digest() + code).encode()).hexdigest()[:16]


def demo_build(*, force=False, log=print):
    """The folder of a complete build of the current sources, made when there is none.

    One build at a time (a lock file): test processes running side by side wait for the one
    that builds, then use its result."""
    root = build_dir()
    root.mkdir(parents=True, exist_ok=True)
    digest = _digest()
    done = root / digest
    with (root / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (done / "index.json").exists() and not force:
            return done
        _build_into(root, digest, log)
    return done


def _build_into(root, digest, log):
    done = root / digest
    scratch = root / f".{digest}-partial"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    index = _build(scratch, log)
    (scratch / "index.json").write_text(json.dumps(index, indent=2, ensure_ascii=False))
    shutil.rmtree(done, ignore_errors=True)
    scratch.rename(done)
    for old in root.iterdir():  # earlier builds: the sources they were made from are gone
        if old != done and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def _build(out, log):
    site = site_read()
    index = {"packages": [], "webinars": {}, "episodes": {}, "artwork": None, "handouts": {}}
    (out / "packages").mkdir()
    for course in courses_read():
        log(f"  course {course.slug}")
        media = CourseMedia()
        theme = course.shared["theme"]
        for language in course.languages:
            title = course.texts[language]["title"]
            path = out / "images" / f"{course.slug}-{language}.jpg"
            path.parent.mkdir(parents=True, exist_ok=True)
            media_build.card_image_build(title=title, theme=theme, out_path=path)
            media.images[language] = (path, course.shared["image_alt"][language])
        for module in course.modules:
            if module.shared.get("recording"):
                media.recordings[module.slug] = recording_make(module, out / "media")
        target = out / "packages" / f"{course.slug}.zip"
        package_write(course, media, site, target)
        index["packages"].append({"slug": course.slug, "file": str(target.relative_to(out))})
    for webinar in pages_read("webinar"):
        log(f"  webinar {webinar.slug}")
        recording = recording_make(webinar, out / "media")
        index["webinars"][webinar.slug] = _recording_entry(recording, out)
    for tool in pages_read("tool"):
        log(f"  tool {tool.slug}")
        index["handouts"][tool.slug] = _tool_handouts(tool, site, out)
    podcast = podcast_read()
    for episode in podcast.episodes:
        log(f"  podcast episode {episode.slug}")
        index["episodes"][episode.slug] = _episode_audio(episode, out / "media")
    artwork = out / "media" / "podcast-artwork.jpg"
    texts = podcast.texts[SOURCE_LANGUAGE]
    media_build.artwork_build(
        title=texts["title"], subtitle=site["home"]["title"]["nl"], out_path=artwork
    )
    index["artwork"] = str(artwork.relative_to(out))
    return index


def _segments(page):
    """The recording's segments with the text of every language the page has."""
    count = len(page.texts[SOURCE_LANGUAGE]["recording"])
    return [
        {
            part: {
                language: page.texts[language]["recording"][number][part]
                for language in page.languages
            }
            for part in ("slide", "say")
        }
        for number in range(count)
    ]


def recording_make(page, folder):
    folder = folder / page.slug
    folder.mkdir(parents=True, exist_ok=True)
    segments = _segments(page)
    made = media_build.recording_build(segments, language=NARRATION_LANGUAGE, out_dir=folder)
    starts = segment_starts(made.segment_seconds)
    title = page.texts[SOURCE_LANGUAGE]["title"]
    return Recording(title, made.video, made.duration, dict(made.captions), starts)


def _recording_entry(recording, out):
    return {
        "title": recording.title,
        "video": str(recording.video.relative_to(out)),
        "duration": recording.duration,
        "captions": {lang: str(path.relative_to(out)) for lang, path in recording.captions.items()},
        "starts": recording.starts,
    }


def _episode_audio(episode, folder):
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for language in episode.languages:
        path = folder / f"{episode.slug}-{language}.mp3"
        transcript = episode.texts[language]["transcript"]
        segments = [{"say": {language: item["say"]}} for item in transcript]
        duration = media_build.audio_build(segments, language=language, out_path=path)
        made[language] = {"file": str(path.relative_to(folder.parent)), "duration": duration}
    return made


def _tool_handouts(tool, site, out):
    """{language: path} of the tool's printable version in each of its languages."""
    made = {}
    for language in tool.languages:
        text = tool.texts[language]
        path = out / "handouts" / f"{tool.slug}-{language}.pdf"
        media_build.handout_build(
            title=text["title"],
            summary=text["summary"],
            body_html=html_from_markdown(text["body"]),
            footer=site["home"]["title"][language],
            language=language,
            out_path=path,
        )
        made[language] = str(path.relative_to(out))
    return made


def segment_starts(segment_seconds):
    """When each segment starts, from how long each one lasts in the recording."""
    starts, elapsed = [], 0.0
    for seconds in segment_seconds:
        starts.append(round(elapsed, 1))
        elapsed += seconds
    return starts
