"""The upload scenario's work inside Django (run through inproc.py, never imported by run.py).

An editor (superuser) signed in as the admin would have them, the upload settings the server
runs with, and afterwards what the upload left in the database and in storage.
"""

import hashlib
import tempfile
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils.crypto import get_random_string

EDITOR_EMAIL = "upload-editor@example.org"
READ_CHUNK = 8 * 1024 * 1024


def _signed_in(user):
    """A session as django.contrib.auth.login leaves it, in the server's own session engine,
    and a CSRF secret (the unmasked value is accepted both as cookie and as form field)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    csrf = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
    return {"session": session.session_key, "csrf": csrf}


def _upload_settings():
    """What decides where an upload's bytes live while the request runs."""
    from elearning.celery import app

    return {
        "file_upload_max_memory_size": settings.FILE_UPLOAD_MAX_MEMORY_SIZE,
        "file_upload_handlers": list(settings.FILE_UPLOAD_HANDLERS),
        # Django's TemporaryFileUploadHandler writes here when FILE_UPLOAD_TEMP_DIR is unset.
        "temp_dir": str(settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir()),
        "storage": settings.STORAGES["default"]["BACKEND"],
        "media_root": str(settings.MEDIA_ROOT),
        "celery_queue": app.conf.task_default_queue,
    }


def seed():
    """An editor who may upload into the root collection, signed in."""
    from wagtail.models import Collection

    from elearning.accounts.models import User

    editor = User.objects.create_superuser(EDITOR_EMAIL, password=None)
    return {
        **_signed_in(editor),
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "collection": Collection.get_first_root_node().pk,
        **_upload_settings(),
    }


def _sha256(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stored:
        while block := stored.read(READ_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def uploaded(*, title):
    """The recording the upload made, as the database and the storage have it (None if none)."""
    from media.models import MediaAsset

    asset = MediaAsset.objects.filter(title=title).order_by("pk").last()
    if asset is None:
        return None
    storage, name = asset.file.storage, asset.file.name
    present = bool(name) and storage.exists(name)
    return {
        "id": asset.pk,
        "title": asset.title,
        "type": asset.type,
        "name": name,
        "collection": asset.collection_id,
        "status": asset.processing_status,
        "size": storage.size(name) if present else None,
        "sha256": _sha256(storage, name) if present else None,
    }


def uploads_delete():
    """Remove the files of every recording (the bench database holds only the bench's): a
    gigabyte left in var/bench/uploads by every run would soon fill the disk."""
    from media.models import MediaAsset

    removed = []
    for asset in MediaAsset.objects.all():
        for field in (asset.file, asset.thumbnail, asset.poster, asset.web_file):
            if field.name and field.storage.exists(field.name):
                field.storage.delete(field.name)
                removed.append(field.name)
    return removed
