"""Temporary folders of background work, all under one parent, removed even after a crash.

A worker killed with -9 runs no `finally`: its `TemporaryDirectory` (hundreds of megabytes for a
recording) stays. Every work folder is therefore made under `BACKGROUND_WORK_DIR` and named after
the host and process that made it; `work_folders_clean` removes the folders of processes that no
longer live on this host, and any folder older than the longest job may run (a folder of another
host sharing the parent, or a process id used again). It runs when a worker starts (Celery's
worker_ready, below) and from the media sweep.
"""

import contextlib
import logging
import os
import secrets
import shutil
import socket
import tempfile
import time
from pathlib import Path

from celery import signals

from django.conf import settings

logger = logging.getLogger(__name__)

SEPARATOR = "--"


# A folder last changed longer ago than the longest job runs (a four-hour transcode) is no live
# job's, whoever made it.
MAX_AGE_SECONDS = 5 * 3600


def _parent():
    return Path(settings.BACKGROUND_WORK_DIR or Path(tempfile.gettempdir()) / "vif-work")


def work_dir():
    folder = _parent()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _host():
    return socket.gethostname().replace(SEPARATOR, "-")[:60]


@contextlib.contextmanager
def work_folder(label):
    """A new folder `<label>--<host>--<pid>--<random>` under the work dir, removed on the way
    out (and by `work_folders_clean` if the process dies first)."""
    name = SEPARATOR.join([label, _host(), str(os.getpid()), secrets.token_hex(8)])
    folder = work_dir() / name
    folder.mkdir(mode=0o700)  # private, as mkdtemp's; the random part keeps the name new
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _owner(name):
    """(host, pid) from a folder's name, or None for a name that is not ours."""
    parts = name.split(SEPARATOR)
    if len(parts) < 4 or not parts[-2].isdigit():
        return None
    return SEPARATOR.join(parts[1:-2]), int(parts[-2])


def _process_lives(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def work_folders_clean(*, older_than=MAX_AGE_SECONDS):
    """Remove the folders whose process is gone from this host, and every folder last changed
    more than `older_than` seconds ago. Returns the names removed."""
    parent = _parent()
    if not parent.is_dir():
        return []
    removed = []
    now = time.time()
    for entry in parent.iterdir():
        owner = _owner(entry.name)
        try:
            old = now - entry.lstat().st_mtime > older_than
        except FileNotFoundError:
            continue
        dead = owner is not None and owner[0] == _host() and not _process_lives(owner[1])
        if not (dead or old):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry.name)
    if removed:
        logger.info("work folders removed: %s", ", ".join(removed))
    return removed


def _clean_at_start(**kwargs):
    # No job of this worker runs yet: folders of dead processes and old ones go.
    with contextlib.suppress(OSError):
        work_folders_clean()


signals.worker_ready.connect(_clean_at_start, dispatch_uid="core.work_folders_clean", weak=False)
