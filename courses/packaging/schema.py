"""The course package format, version 1: what a package holds and the limits it must keep.

A package is a zip archive with three kinds of entries:

- `manifest.json`: identity (course key, version), licence, attribution and provenance, the
  languages, and every other entry of the archive with its size and SHA-256;
- `content.json`: the course's pages in every language, with the themes, trainers, images,
  documents and recordings they refer to, as data (no identifiers of the exporting site are
  meaningful outside it: references point into the package's own tables);
- `files/...`: the files those tables name (images, documents, recordings, captions).

The schema version changes only when an older importer could not read a package correctly;
an importer refuses a schema version it does not know rather than guess.
"""

FORMAT = "vif-course-package"
SCHEMA_VERSION = 1
MANIFEST_NAME = "manifest.json"
CONTENT_NAME = "content.json"
FILES_DIR = "files/"

# Limits checked on the zip's directory before a single byte is extracted. Real courses are a
# few hundred files and a few GB of video; the limits leave room for that and stop archives
# built to exhaust memory, disk or inodes.
MAX_ENTRIES = 5000
MAX_CONTENT_BYTES = 64 * 1024**2  # content.json and manifest.json, read into memory
MAX_COMPRESSION_RATIO = 100  # deflate reaches ~10x on text; bombs reach 1000x and more
RATIO_CHECK_FROM_BYTES = 1024**2  # tiny entries (empty files, short JSON) have odd ratios

# What each kind of file may be, by the type libmagic reads from its first bytes. The manifest
# declares a type per file; a file whose bytes say otherwise is refused. HTML and SVG are never
# accepted (they can carry scripts, and browsers render them from our domain).
FILE_KINDS = {
    "image": {"image/jpeg", "image/png", "image/gif", "image/webp"},
    "document": {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
        "application/msword",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/rtf",
        # Older office files (OLE compound documents), and zip files: the document library
        # accepts both (WAGTAILDOCS_EXTENSIONS), so packages must carry them too.
        "application/CDFV2",
        "application/x-ole-storage",
        "application/zip",
        "text/plain",
        "text/csv",
    },
    "media": {
        "video/mp4",
        "video/webm",
        "video/quicktime",
        "video/x-matroska",
        "audio/mpeg",
        "audio/mp4",
        "audio/ogg",
        "audio/x-wav",
        "audio/wav",
        "audio/webm",
    },
    "caption": {"text/vtt"},
}
NEVER_ACCEPTED_TYPES = {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml"}


def type_allowed(kind, media_type):
    """Whether a file of this kind may have this type. Recordings may be any video or audio
    format, as uploads may (the media pipeline converts them); the list above names the usual."""
    if media_type in NEVER_ACCEPTED_TYPES:
        return False
    if kind == "media":
        return media_type.startswith(("video/", "audio/"))
    return media_type in FILE_KINDS[kind]


# The fields a package may set, per page type: an importer sets these and nothing else.
COMMON_FIELDS = ("title", "slug", "summary", "seo_title", "search_description")
PAGE_TYPES = {
    "course": {
        "model": "courses.CoursePage",
        "fields": ("licence", "attribution"),
        "streams": ("learning_objectives", "evaluation_questions"),
        "files": {"image": "image"},
        "relations": {"themes": "theme", "audience": "sector", "trainers": "trainer"},
    },
    "module": {
        "model": "courses.ModulePage",
        "fields": (
            "duration_minutes",
            "content_warning",
            "required",
            "completion_rule",
            "min_watched_percent",
            "min_score_percent",
            # Added later: a package without it imports with 0 (no time required).
            "min_time_percent",
        ),
        # Whole numbers, nothing else (no text, no true/false); their ranges are the model's.
        "numbers": (
            "duration_minutes",
            "min_watched_percent",
            "min_score_percent",
            "min_time_percent",
        ),
        "streams": ("body",),
        "files": {},
        "relations": {},
    },
    "webinar": {
        "model": "courses.WebinarPage",
        "fields": ("starts_at", "duration_minutes", "transcript"),
        "streams": ("chapters",),
        "files": {"recording": "media", "slides": "document"},
        "relations": {"themes": "theme", "trainers": "trainer"},
    },
}
PAGE_TYPE_OF_MODEL = {spec["model"]: name for name, spec in PAGE_TYPES.items()}


class PackageRefused(Exception):
    """A package this installation will not import, with the reason in the editor's words."""

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)
