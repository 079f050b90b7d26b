"""Development settings: the embedded default that `make run` uses. Nothing to start."""

import copy
import os

from .base import *  # noqa: F403
from .base import LOGGING, VAR_DIR

DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = VAR_DIR / "uploads"
# runserver and gunicorn alike serve static files straight from the apps.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# `make run` seeds the demo (elearning/demo/).
DEMO_SEED_ALLOWED = True
# Readable log lines; runserver prints its own line per request.
LOGGING = copy.deepcopy(LOGGING)
LOGGING["formatters"]["structured"]["renderer"] = os.environ.get("DJANGO_LOG_FORMAT", "console")
LOGGING["loggers"]["elearning.requests"]["level"] = os.environ.get(
    "DJANGO_REQUEST_LOG_LEVEL", "WARNING"
)
