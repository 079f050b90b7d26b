"""Taking a course from another installation's catalogue (catalogue.py serves it).

The catalogue and the package are fetched over HTTP(S) with a time limit and a size limit, and
the package must have the SHA-256 the catalogue announced. The downloaded archive then goes
through the same checks as an upload: nothing about a remote site is trusted more than a file.
"""

import hashlib
import json
import tempfile

import requests

from django.conf import settings
from django.utils.translation import gettext as _

from .schema import PackageRefused

TIMEOUT_SECONDS = 20
CATALOGUE_MAX_BYTES = 2 * 1024**2
CHUNK = 1024**2


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
        for chunk in _chunks(entry["download"], limit=_max_bytes()):
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
    return b"".join(_chunks(url, limit=limit))


def _chunks(url, *, limit):
    try:
        with requests.get(url, stream=True, timeout=TIMEOUT_SECONDS, allow_redirects=True) as reply:
            if reply.status_code != 200:
                raise PackageRefused(
                    _("The other site answered with an error (HTTP %(status)s).")
                    % {"status": reply.status_code}
                )
            received = 0
            for chunk in reply.iter_content(CHUNK):
                received += len(chunk)
                if received > limit:
                    raise PackageRefused(
                        _("The other site sent more data than a package may hold.")
                    )
                yield chunk
    except requests.RequestException as error:
        raise PackageRefused(_("The other site cannot be reached.")) from error


def _max_bytes():
    return settings.COURSE_PACKAGE_MAX_BYTES
