import contextlib
import threading
import time

import pytest

from django.core.cache import cache
from django.db import connection, connections

from wagtail.models import Locale

from elearning.core import rate_limits
from tests.factories import (
    TRANSLATED_SUMMARY,
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    ThemeFactory,
    ToolPageFactory,
    TrainerFactory,
    UserFactory,
    WebinarPageFactory,
    make_home,
    publish,
    translate,
)
from tests.fake_smtp import smtp_server  # noqa: F401  (fixture)
from tests.object_storage import s3_endpoint, s3_storage  # noqa: F401  (fixtures)
from tests.waiting import eventually


def pytest_report_header(config):
    """Say which real parts this run uses, so a CI log shows the SQLite and the PostgreSQL run."""
    from django.conf import settings

    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    if settings.CELERY_TASK_ALWAYS_EAGER:
        celery = "eager (tasks run in the test's own thread)"
    else:
        celery = (
            f"real worker (a thread per test process, own queue) on {settings.CELERY_BROKER_URL}"
        )
    return f"vif: database={database} cache={cache_backend} celery={celery}"


@pytest.fixture(scope="session")
def celery_worker_real(django_db_setup, django_db_blocker):
    """A real Celery worker taking this test process's tasks from the broker (integration run).

    It runs in a thread of this process with the solo pool, so it uses the same test database,
    storage and mail outbox, through connections of its own: tests that use it must be
    `django_db(transaction=True)`, since the worker sees only committed rows and on_commit only
    fires on a real commit. Wait for the outcome by polling the database. In the SQLite run
    tasks run eagerly and this yields None: the same test code then runs the task in-thread.

    At teardown it checks that the worker left no database connection open: one would stop
    PostgreSQL from dropping the test database ("being accessed by other users").
    """
    from django.conf import settings

    if settings.CELERY_TASK_ALWAYS_EAGER:
        yield None
        return

    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun

    from elearning.celery import app

    queue = app.conf.task_default_queue
    test_thread = threading.get_ident()
    worker_backends = set()

    def remember_backend(**kwargs):
        # Runs in the worker's thread before Celery's Django fixup closes its connections.
        in_worker = threading.get_ident() != test_thread
        if in_worker and connection.vendor == "postgresql" and connection.connection is not None:
            worker_backends.add(connection.connection.info.backend_pid)

    task_postrun.connect(remember_backend, weak=False)
    _celery_queue_drop(app, queue)  # leftovers of an interrupted run
    try:
        with contextlib.ExitStack() as stack:
            # Starting runs Django's checks and closes connections (Celery's Django fixup).
            with django_db_blocker.unblock():
                # Only this process's own queue: Celery's list of queues also holds those a
                # test routed to meanwhile (tests/worker_process.py sends to a queue of
                # worker processes), and it is read once: a worker started after such a test
                # would otherwise consume that queue alone and never see this one's tasks.
                worker = stack.enter_context(
                    start_worker(app, pool="solo", perform_ping_check=False, queues=[queue])
                )
            yield worker
    finally:
        task_postrun.disconnect(remember_backend)
        _celery_queue_drop(app, queue, delete=True)
    with django_db_blocker.unblock():
        try:
            # A closed connection's backend may linger for a moment.
            eventually(
                lambda: not _backends_alive(worker_backends),
                timeout=5,
                interval=0.1,
                message=lambda: (
                    "the Celery worker left database connections open:"
                    f" {_backends_alive(worker_backends)}"
                ),
            )
        finally:
            connection.close()


def _celery_queue_drop(app, queue_name, delete=False):
    """Empty the queue; on delete also remove it and its binding keys from Redis."""
    with app.connection_for_write() as broker:
        queue = app.amqp.queues[queue_name](broker.default_channel)
        queue.declare()  # the connection learns the binding, so delete can remove it
        queue.purge()
        if delete:
            queue.delete()


def _backends_alive(pids):
    """Which of these PostgreSQL backends still exist."""
    if not pids:
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE pid = ANY(%s)", [list(pids)])
        return {pid for (pid,) in cursor.fetchall()}


@pytest.fixture(scope="module")
def migrated_data_back_after_the_module(django_db_setup, django_db_blocker):
    """Put back what the migrations created once this module's last test has flushed it.

    For modules with transactional tests (`django_db(transaction=True, serialized_rollback=True)`:
    the browser tests, tests that need a Celery worker or a live server to see committed rows).
    serialized_rollback restores that data at the *start* of each transactional test, but the
    flush after the last one leaves the database empty. pytest-django runs transactional tests
    last to make that harmless; pytest-xdist's --dist loadfile does not keep that order, so a
    worker could go on to ordinary tests without the default Locale, root page or seeded lists.
    """
    yield
    with django_db_blocker.unblock():
        for each in connections.all():
            contents = getattr(each, "_test_serialized_contents", None)
            if contents:
                each.creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so no cached page leaks between tests."""
    cache.clear()
    yield
    cache.clear()


class RateLimitClock:
    """The clock of elearning/core/rate_limits.py, standing still until moved."""

    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def rate_limit_clock(monkeypatch):
    """Rate limits counted in one fixed moment, so no window can end halfway through a test."""
    clock = RateLimitClock()
    monkeypatch.setattr(rate_limits, "time", clock)
    return clock


@pytest.fixture
def learner(db):
    """Lies Peeters, a professional of Gent (care sector, CAW) whose address is verified, so
    she can sign in with the password "correct-horse-battery"."""
    return UserFactory(
        email="leerling@example.org",
        first_name="Lies",
        last_name="Peeters",
        professional=True,
        verified=True,
    )


@pytest.fixture
def library_tree(db):
    """A small published library in nl with fr and en translations of every page (their
    summaries translated, so that each reads as written in its language).

    Returns a dict of the Dutch pages by role and the translations by (role, language).
    """
    Locale.objects.get_or_create(language_code="fr")
    Locale.objects.get_or_create(language_code="en")
    theme = ThemeFactory(name="Kindermishandeling", slug="kindermishandeling")
    trainer = TrainerFactory(name="An Voorbeeld")
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = CoursePageFactory(parent=library, title="Kindermishandeling herkennen")
    course.themes.set([theme])
    course.trainers.set([trainer])
    publish(course)
    module = publish(ModulePageFactory(parent=course, title="Signalen", duration_minutes=15))
    module2 = publish(ModulePageFactory(parent=course, title="Het gesprek", duration_minutes=10))
    webinar = publish(WebinarPageFactory(parent=library, title="Webinar partnergeweld"))
    tool = publish(ToolPageFactory(parent=library, title="Babobox"))
    pages = {
        "home": home,
        "library": library,
        "course": course,
        "module": module,
        "module2": module2,
        "webinar": webinar,
        "tool": tool,
    }
    translations = {}
    for language in ("fr", "en"):
        for role in ("home", "library", "course", "module", "module2", "webinar", "tool"):
            translations[(role, language)] = translate(
                pages[role], language, summary=TRANSLATED_SUMMARY[language]
            )
    cache.clear()
    return {"pages": pages, "translations": translations, "theme": theme}
