"""Helpers the harness runs inside Django (through inproc.py)."""

import hashlib

from django.conf import settings


def static_status(*, name):
    """Whether the static file `name` is found, and a fingerprint of every file to collect.

    The fingerprint changes when any source file, the storage or the settings module changes,
    so the harness can leave an up-to-date STATIC_ROOT as it is.
    """
    from django.contrib.staticfiles import finders

    digest = hashlib.sha256()
    digest.update(f"{settings.SETTINGS_MODULE}|{settings.STORAGES['staticfiles']}".encode())
    entries = []
    for finder in finders.get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            entries.append(f"{path}|{storage.path(path)}")
    for entry in sorted(entries):
        digest.update(entry.encode())
        source = entry.split("|", 1)[1]
        with open(source, "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    return {"found": bool(finders.find(name)), "fingerprint": digest.hexdigest()}
