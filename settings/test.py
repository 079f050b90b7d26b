"""Test settings: the dev defaults, made fast and isolated. Each line says why."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, REDIS_URL

# A fixed key: tests sign and verify tokens.
SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"
# Fast hashing: password hashing dominates user-creating tests otherwise.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Emails land in mail.outbox where tests read them.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Uploads go to a throw-away folder, never into var/ of the developer.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="vif-test-uploads-"))
# Static files come straight from the apps (no collectstatic before tests).
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="vif-test-static-"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Templates reference static files by name; the manifest is only built by collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Without REDIS_URL (the SQLite run) each test process gets its own in-memory cache;
# with it (the integration run) the real Redis is used, under a prefix of its own.
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # One Redis database per xdist worker (10, 11, ...): tests clear the cache, and a clear
    # (FLUSHDB) must not pull the floor from under a test running in another worker.
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    CACHES["default"]["LOCATION"] = REDIS_URL.rsplit("/", 1)[0] + f"/{10 + worker}"
# Celery runs eagerly unless the integration run points it at Redis with a real worker.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
# The quick exit must leave for a page the browser tests can load without a network.
QUICK_EXIT_URL = "/healthz?neutral"
# Axes keeps counting failed logins in tests that exercise throttling; reset per test via DB.
AXES_FAILURE_LIMIT = 3
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # In-memory SQLite for speed; the live-server tests share it across threads.
    DATABASES["default"]["NAME"] = ":memory:"
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
