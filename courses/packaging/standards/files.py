"""The stored files (documents, recordings, captions, posters) a package carries.

Each file gets one path inside the zip however many pages use it, and is copied from storage
in chunks through the storage API: uploads may live on S3, where there is no local path, and a
recording may be larger than the memory of the worker that builds the package.
"""

import re
import shutil

CHUNK_BYTES = 1024 * 1024
FILES_FOLDER = "files"
# Paths inside the zip double as manifest hrefs (xsd:anyURI): keep them to characters that
# need no percent-encoding, so the href and the zip entry name are the same string.
UNSAFE_IN_PATH = re.compile(r"[^A-Za-z0-9._/-]+")


class PackageFiles:
    """The files a package refers to, in the order pages first referred to them."""

    def __init__(self):
        self._paths = {}  # storage name -> path in the zip
        self._sources = {}  # path in the zip -> field file

    def add(self, field_file):
        """Return the file's path in the zip, giving it one on first use."""
        name = field_file.name
        if name not in self._paths:
            path = self._path_free(candidate=f"{FILES_FOLDER}/{path_safe(name=name)}")
            self._paths[name] = path
            self._sources[path] = field_file
        return self._paths[name]

    def _path_free(self, *, candidate):
        # Two storage names may differ only in characters made safe above.
        stem, dot, extension = candidate.rpartition(".")
        if not dot or "/" in extension:
            stem, dot, extension = candidate, "", ""
        path, number = candidate, 1
        while path in self._sources:
            number += 1
            path = f"{stem}-{number}{dot}{extension}"
        return path

    def __iter__(self):
        return iter(self._sources.items())


def path_safe(*, name):
    """A storage name as a relative zip path of safe characters, never climbing out of it."""
    parts = [UNSAFE_IN_PATH.sub("_", part) for part in name.split("/")]
    return "/".join(part for part in parts if part.strip(".")) or "file"


def files_copy(*, files, zf):
    """Copy every file into the zip, one chunk at a time."""
    for path, field_file in files:
        with field_file.open("rb") as source, zf.open(path, "w", force_zip64=True) as target:
            shutil.copyfileobj(source, target, CHUNK_BYTES)
