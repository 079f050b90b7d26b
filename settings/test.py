"""Test settings: the dev defaults, made fast and isolated. Each line says why."""

import copy
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, LOGGING, REDIS_URL

# A fixed key: tests sign and verify tokens.
SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"
# One public address, whatever the shell exports, and not the test client's host (testserver):
# a link built from the request instead of SITE_URL shows. The values base.py derives follow it.
SITE_URL = "http://leerplatform.test"
WAGTAILADMIN_BASE_URL = SITE_URL
XAPI_ACTIVITY_IRI = f"{SITE_URL}/xapi/"
# Fast hashing: password hashing dominates user-creating tests otherwise.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Emails land in mail.outbox where tests read them.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Uploads go to a throw-away folder, never into var/ of the developer.
# (A worker process started by a test is told the folder of the test that started it.)
MEDIA_ROOT = Path(
    os.environ.get("VIF_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="vif-test-uploads-")
)
# Static files come straight from the apps (no collectstatic before tests).
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="vif-test-static-"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Templates reference static files by name; the manifest is only built by collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}


def redis_cache_url(redis_url, xdist_worker):
    """The Redis cache of one test process: the database right after the run's own (REDIS_URL's,
    the broker's), one per xdist worker: run db n gives caches n+1, n+2, ... Tests clear the
    cache, and a clear (FLUSHDB) must not pull the floor from under a test in another worker,
    nor in another run whose db is at least workers + 1 away (make test-integration: 0, so
    caches 1 and 2; prod-smoke keeps 14, the benchmarks 15)."""
    url = urlsplit(redis_url)
    cache_db = int(url.path.strip("/") or 0) + 1 + int(xdist_worker.removeprefix("gw") or 0)
    if cache_db > 15:  # Redis has 16 databases unless configured otherwise
        raise ImproperlyConfigured(f"{redis_url} leaves no cache database: {cache_db} > 15")
    return url._replace(path=f"/{cache_db}").geturl()


# Without REDIS_URL (the SQLite run) each test process gets its own in-memory cache;
# with it (the integration run) the real Redis is used, under a prefix of its own.
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    CACHES["default"]["LOCATION"] = redis_cache_url(REDIS_URL, _worker)
# Celery runs eagerly unless the integration run points it at Redis; then the in-process worker
# of tests/conftest.py (fixture celery_worker_real) takes the tasks from the broker.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
if not CELERY_TASK_ALWAYS_EAGER:
    # A queue of each test process's own (xdist worker and pid): a task reads the test database
    # of the process that sent it, so no other process, nor a run beside this one, may take it.
    # A worker started as a process of its own by a test (tests/worker_process.py) is told the
    # queue of the test process that started it.
    CELERY_TASK_DEFAULT_QUEUE = os.environ.get("VIF_TEST_CELERY_QUEUE") or (
        f"vif-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}"
    )
    # The embedded worker must leave pytest's log capture alone and needs no remote control.
    CELERY_WORKER_HIJACK_ROOT_LOGGER = False
    CELERY_WORKER_ENABLE_REMOTE_CONTROL = False
# The quick exit must leave for a page the browser tests can load without a network.
QUICK_EXIT_URL = "/healthz/live?neutral"
# Axes keeps counting failed logins in tests that exercise throttling; reset per test via DB.
AXES_FAILURE_LIMIT = 3
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A database file (in RAM where /dev/shm exists), not ":memory:": an in-memory database is
    # one connection that the live server's request threads would share with the test, and the
    # module page's script sends requests while the browser navigates; with a file each thread
    # has its own connection. pytest-xdist gives every worker its own file (suffix _gw0, ...).
    _ram = Path("/dev/shm")  # noqa: S108 - only as the parent of a private mkdtemp folder
    _test_db_dir = Path(
        tempfile.mkdtemp(prefix="vif-test-db-", dir=_ram if _ram.is_dir() else None)
    )
    DATABASES["default"]["TEST"] = {"NAME": str(_test_db_dir / "test.sqlite3")}
# Never a real learning record store, whatever the environment says; tests/learners/test_xapi.py
# points this at the fake one it serves.
XAPI_LRS_ENDPOINT = ""
# The other sites of tests/courses/packaging/test_pull.py listen on 127.0.0.1; the tests of the
# refusal of internal addresses turn this off.
COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32", "::1/128"]  # localhost may be both
# Tests seed the demo; its build is shared by test runs (made again only when the sources
# change), the passwords it makes are thrown away with the process.
DEMO_SEED_ALLOWED = True
DEMO_PASSWORDS_FILE = Path(tempfile.mkdtemp(prefix="vif-test-demo-")) / "demo-passwords.json"
# A keeper thread renews its lease on a connection of its own, which cannot see a test's
# uncommitted rows: with a lease longer than any test, it never tries. The fault-injection tests
# start their worker processes with a short one (tests/worker_process.py).
BACKGROUND_LEASE_SECONDS = int(os.environ.get("BACKGROUND_LEASE_SECONDS", "3600"))
# No line per request: the tests of the logs (tests/core/test_logs.py) read the lines they check.
LOGGING = copy.deepcopy(LOGGING)
LOGGING["loggers"]["elearning.requests"]["level"] = "WARNING"
# Work folders of this test process (a worker process started by a test is told its own).
BACKGROUND_WORK_DIR = Path(
    os.environ.get("BACKGROUND_WORK_DIR") or tempfile.mkdtemp(prefix="vif-test-work-")
)
# The mail tasks retry after 1, 2, 4 ... 16 s, not 30 s to 15 minutes: a real worker retrying a
# deferred message (tests/intervision/test_message_retries_worker.py) waits the first countdown.
# The policy tests see the same doubling and cap; tests/core/test_retries.py pins production's.
MAIL_RETRY_FIRST_SECONDS = 1
MAIL_RETRY_MAX_SECONDS = 16
# Fault injection for tests/courses/packaging/test_worker_crash.py: a worker process it starts
# pauses this long after the first file a package run stages, so the test can kill it there.
PACKAGE_TEST_PAUSE_SECONDS = float(os.environ.get("VIF_TEST_PACKAGE_PAUSE_SECONDS", "0"))
