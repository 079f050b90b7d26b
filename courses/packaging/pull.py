"""Taking a course from another installation's catalogue (catalogue.py serves it).

The catalogue and the package are fetched over HTTP(S) from public addresses only, each within
one deadline and a size limit (fetch.py), and the package must have the SHA-256 the catalogue
announced. The downloaded archive then goes through the same checks as an upload: nothing about
a remote site is trusted more than a file.
"""

import hashlib
import json
import tempfile

from django.conf import settings
from django.utils.translation import gettext as _

from .fetch import download
from .schema import PackageRefused

# A catalogue is small: it gets at most this long, the package the whole setting.
CATALOGUE_SECONDS = 20
CATALOGUE_MAX_BYTES = 2 * 1024**2


def catalogue_fetch(*, url):
    """The entries of a remote catalogue; PackageRefused when it cannot be used."""
    if not url.startswith(("https://", "http://")):
        raise PackageRefused(_("A catalogue address starts with https://."))
    raw = _body(url, limit=CATALOGUE_MAX_BYTES)
    try:
        catalogue = json.loads(raw)
    except ValueError as error:
        raise PackageRefused(_("This address does not serve a course catalogue.")) from error
    if not isinstance(catalogue, dict) or catalogue.get("format") != "vif-course-catalogue":
        raise PackageRefused(_("This address does not serve a course catalogue."))
    entries = catalogue.get("packages")
    if not isinstance(entries, list):
        raise PackageRefused(_("This address does not serve a course catalogue."))
    return [entry for entry in entries if _entry_usable(entry)]


def _entry_usable(entry):
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("key"), str)
        and isinstance(entry.get("version"), int)
        and isinstance(entry.get("download"), str)
        and entry["download"].startswith(("https://", "http://"))
        and isinstance(entry.get("sha256"), str)
        and isinstance(entry.get("title"), dict)
    )


def package_fetch(*, entry):
    """Download a catalogue entry's package into a temporary file (the caller closes it)."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the caller, who closes it
    digest = hashlib.sha256()
    try:
        chunks = download(
            entry["download"],
            limit=settings.COURSE_PACKAGE_MAX_BYTES,
            seconds=settings.COURSE_PACKAGE_FETCH_SECONDS,
        )
        for chunk in chunks:
            digest.update(chunk)
            out.write(chunk)
        if digest.hexdigest() != entry["sha256"]:
            raise PackageRefused(
                _("The downloaded package does not match the checksum its catalogue announced.")
            )
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


def _body(url, *, limit):
    seconds = min(CATALOGUE_SECONDS, settings.COURSE_PACKAGE_FETCH_SECONDS)
    return b"".join(download(url, limit=limit, seconds=seconds))
