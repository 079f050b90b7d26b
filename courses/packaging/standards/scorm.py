"""SCORM 1.2 packages: the course for learning platforms that track progress themselves.

Each module and webinar is one SCO: a standalone HTML page with everything it shows inside the
zip (documents, recordings, their captions), so the package plays offline and needs nothing
from the site. scorm_completion.js reports "completed" when the learner marks the page done,
"incomplete" when they leave before. The manifest follows the ADL SCORM 1.2 content packaging
binding (IMS CP 1.1.2 with the ADL extensions and IMS Metadata 1.2.1). Those published schemas
go at the package root, where the manifest's schemaLocation names them and ADL's conformance
test suite looks for them (schemas/scorm12/, unchanged copies; tests validate every manifest
against the copies a package carries).
"""

import zipfile
from importlib import resources

from django.template.loader import render_to_string

from .files import PackageFiles, files_copy
from .pages import (
    PackageKind,
    course_metadata_get,
    course_translation_get,
    parts_render,
    text_xml_clean,
)

SCORM = PackageKind(media_included=True, completion_tracked=True)
RUNTIME_SCRIPT = "scorm_completion.js"
# IMS CP 1.1.2 (titleType) allows at most 200 characters in a title; Wagtail allows 255.
TITLE_MAX = 200
# The four schema files of the SCORM 1.2 binding, written at the root of every package.
SCHEMA_FOLDER = "schemas/scorm12"
SCHEMA_FILES = (
    "imscp_rootv1p1p2.xsd",
    "adlcp_rootv1p2.xsd",
    "imsmd_rootv1p2p1.xsd",
    "ims_xml.xsd",
)


def scorm_write(*, course, out, language=None) -> None:
    """Write the course (in `language`, default its own) to `out` as a SCORM 1.2 zip."""
    course = course_translation_get(course=course, language=language)
    files = PackageFiles()
    parts = parts_render(course=course, kind=SCORM, files=files)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest_render(course=course, parts=parts))
        zf.writestr(RUNTIME_SCRIPT, runtime_script_read())
        for name in SCHEMA_FILES:
            zf.writestr(name, schema_read(name))
        for part in parts:
            zf.writestr(part.filename, part.html)
        files_copy(files=files, zf=zf)


def manifest_render(*, course, parts):
    metadata = course_metadata_get(course=course)
    return render_to_string(
        "courses/standards/scorm_manifest.xml",
        {
            "identifier": f"vif-course-{course.translation_key}-{course.locale.language_code}",
            "organization": f"organization-{course.pk}",
            "language": course.locale.language_code,
            "course": {**metadata, "short_title": metadata["title"][:TITLE_MAX]},
            "parts": [
                {
                    "key": part.page.pk,
                    "title": text_xml_clean(text=part.page.title)[:TITLE_MAX],
                    "href": part.filename,
                    "files": [part.filename, RUNTIME_SCRIPT, *part.files],
                }
                for part in parts
            ],
        },
    )


def runtime_script_read():
    return resources.files(__package__).joinpath(RUNTIME_SCRIPT).read_bytes()


def schema_read(name):
    return resources.files(__package__).joinpath(SCHEMA_FOLDER, name).read_bytes()
