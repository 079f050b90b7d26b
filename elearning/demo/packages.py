"""Writing a demo course as a course package (courses/packaging/schema.py, version 1), from its
sources and the media the build made: the same archive another site's export would be, so the
demo arrives through the importer every other municipality uses.
"""

import hashlib
import json
import uuid
import zipfile
from dataclasses import dataclass, field

from courses.models import CompletionRule
from courses.packaging import schema
from courses.packaging.exporter import content_write
from courses.packaging.filetypes import SNIFF_BYTES, sniffed_type

from .sources import SOURCE_LANGUAGE, html_from_markdown

PUBLISHER = "Interlokaal Platform Intrafamiliaal Geweld (demo)"
BLOCK_IDS = uuid.UUID("0b8c4d52-7f3e-4b0a-9a55-1c2d3e4f5a6b")


@dataclass
class CourseMedia:
    """What the build made for one course: card images per language, recordings per module."""

    images: dict = field(default_factory=dict)  # language -> (path, alt text)
    recordings: dict = field(default_factory=dict)  # module slug -> Recording


class _Tables:
    def __init__(self):
        self.rows = {name: [] for name in ("themes", "trainers", "images", "documents", "media")}
        self.files = []  # (path in the archive, path on disk, kind)
        self.next_id = 0

    def add(self, table, row):
        self.next_id += 1
        self.rows[table].append({"id": self.next_id, **row})
        return self.next_id

    def file(self, name, source, kind):
        path = f"{schema.FILES_DIR}{name}{source.suffix}"
        self.files.append((path, source, kind))
        return path


def package_write(course, media, site, out_path):
    """Write the package of `course` (sources.Page with .modules) to `out_path`."""
    tables = _Tables()
    themes = _themes(course, site, tables)
    trainers = _trainers(course, site, tables)
    images = {
        language: tables.add(
            "images",
            {
                "title": course.texts[language]["title"][:255],
                "alt_text": alt,
                "file": tables.file(f"card-{language}", path, "image"),
                "filename": path.name,
            },
        )
        for language, (path, alt) in media.images.items()
        if language in course.texts
    }
    videos = {
        slug: _recording_row(slug, recording, tables)
        for slug, recording in media.recordings.items()
    }
    pages = []
    for language in course.languages:
        course_id = len(pages) + 10_000
        fields = _course_fields(course, language, site["evaluation"].get(language, []))
        fields.update(
            image=images.get(language),
            themes=[themes[language]],
            audience=list(course.shared["audience"]),
            trainers=trainers,
        )
        pages.append(_page(course_id, course.shared["key"], language, "course", None, fields))
        for module in course.modules:
            if language in module.texts:
                fields = _module_fields(module, language, videos.get(module.slug))
                page_id = len(pages) + 10_000
                key = module.shared["key"]
                pages.append(_page(page_id, key, language, "module", course_id, fields))
    content = tables.rows | {"pages": pages}
    _archive_write(course, content, tables.files, out_path)


def _page(page_id, key, language, type_name, parent, fields):
    return {
        "id": page_id,
        "key": key,
        "locale": language,
        "type": type_name,
        "parent": parent,
        "fields": fields,
    }


def _themes(course, site, tables):
    theme = next(item for item in site["themes"] if item["slug"] == course.shared["theme"])
    return {
        language: tables.add(
            "themes",
            {
                "key": theme["key"],
                "locale": language,
                "slug": theme["slug"],
                "name": theme["name"][language],
                "description": theme["description"][language],
            },
        )
        for language in course.languages
    }


def _trainers(course, site, tables):
    by_slug = {item["slug"]: item for item in site["trainers"]}
    ids = []
    for slug in course.shared["trainers"]:
        item = by_slug[slug]
        row = {
            "slug": slug,
            "name": item["name"],
            "role": item["role"][SOURCE_LANGUAGE],
            "organisation": item["organisation"],
            "bio": item["bio"][SOURCE_LANGUAGE],
            "photo": None,
        }
        ids.append(tables.add("trainers", row))
    return ids


def _recording_row(slug, recording, tables):
    captions = [
        {
            "language": language,
            "file": tables.file(f"captions-{slug}-{language}", path, "caption"),
            "filename": path.name,
        }
        for language, path in sorted(recording.captions.items())
    ]
    return tables.add(
        "media",
        {
            "title": recording.title,
            "type": "video",
            "duration": round(recording.duration),
            "width": 1280,
            "height": 720,
            "file": tables.file(f"recording-{slug}", recording.video, "media"),
            "filename": recording.video.name,
            "captions": captions,
        },
    )


def _block_id(*parts):
    return str(uuid.uuid5(BLOCK_IDS, "/".join(str(part) for part in parts)))


def _course_fields(course, language, statements):
    text = course.texts[language]
    key = course.shared["key"]
    return {
        "title": text["title"],
        "slug": text.get("slug", course.slug),
        "summary": text["summary"],
        "licence": course.shared["licence"],
        "attribution": course.shared["attribution"],
        "learning_objectives": [
            {"type": "objective", "value": objective, "id": _block_id(key, "objective", index)}
            for index, objective in enumerate(text["learning_objectives"])
        ],
        # The same block ids in every language: the ratings of all languages count together.
        "evaluation_questions": [
            {"type": "rating", "value": statement, "id": _block_id(key, "rating", index)}
            for index, statement in enumerate(statements)
        ],
    }


def _module_fields(module, language, video_id):
    text = module.texts[language]
    body = [_block(kind, value) for item in text["body"] for kind, value in item.items()]
    if video_id is not None:
        caption = text.get("recording_caption", "")
        body.insert(0, {"type": "video", "value": {"video": video_id, "caption": caption}})
    for index, block in enumerate(body):
        block["id"] = _block_id(module.shared["key"], "body", index)
    has_check = any(block["type"] == "knowledge_check" for block in body)
    return {
        "title": text["title"],
        "slug": text.get("slug", module.slug),
        "summary": text["summary"],
        "duration_minutes": module.shared["duration_minutes"],
        "content_warning": text.get("content_warning", ""),
        "required": True,
        **_completion_fields(has_video=video_id is not None, has_check=has_check),
        "body": body,
    }


def _completion_fields(*, has_video, has_check):
    """The demo's completion rules, from what a module holds: a video is watched for the most
    part (80 %), and passed if it has a check; a check is passed after spending at least half
    the module's duration on it; a text is read for at least half its duration. Watching is
    itself time spent, so a video module needs no time requirement of its own."""
    if has_video:
        rule = CompletionRule.WATCHED_AND_CHECK if has_check else CompletionRule.WATCHED
        return {
            "completion_rule": rule,
            "min_watched_percent": 80,
            "min_score_percent": 100,
            "min_time_percent": 0,
        }
    rule = CompletionRule.CHECK_PASSED if has_check else CompletionRule.VIEWED
    return {"completion_rule": rule, "min_score_percent": 100, "min_time_percent": 50}


def _block(kind, value):
    if kind == "text":
        return {"type": "text", "value": html_from_markdown(value)}
    if kind == "case_vignette":
        value = {**value, "story": html_from_markdown(value["story"])}
    elif kind == "help_callout":
        value = {**value, "text": html_from_markdown(value["text"])}
    return {"type": kind, "value": value}


def _archive_write(course, content, files, out_path):
    listed = []
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, source, kind in files:
            raw = source.read_bytes()
            stored = zipfile.ZIP_STORED if kind in ("image", "media") else zipfile.ZIP_DEFLATED
            archive.writestr(path, raw, compress_type=stored)
            media_type = "text/vtt" if kind == "caption" else sniffed_type(raw[:SNIFF_BYTES])
            listed.append({**_described(path, raw), "kind": kind, "media_type": media_type})
        content_entry, digest = content_write(archive, content, listed)
        manifest = {
            "format": schema.FORMAT,
            "schema_version": schema.SCHEMA_VERSION,
            "course": {
                "key": course.shared["key"],
                "title": {lang: course.texts[lang]["title"] for lang in course.languages},
                "source_language": SOURCE_LANGUAGE,
            },
            "version": course.shared.get("version", 1),
            "created_at": "2026-01-01T00:00:00+00:00",
            "licence": course.shared["licence"],
            "attribution": course.shared["attribution"],
            "provenance": {"publisher": PUBLISHER, "site": "", "imported_from": None},
            "languages": course.languages,
            "content": content_entry,
            "files": listed,
            "content_digest": digest,
        }
        archive.writestr(schema.MANIFEST_NAME, json.dumps(manifest, indent=2, ensure_ascii=False))


def _described(path, raw):
    return {"path": path, "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
