"""Services start background work by the task's registered name, once their transaction commits."""

import re

import pytest
from celery import shared_task

from django.conf import settings
from django.db import transaction

from elearning.celery import app as celery_app
from elearning.core.background import task_enqueue_on_commit, task_registered

TASK_PACKAGES = ("accounts", "intervision", "learners", "media", "packaging", "search")

done = []


@shared_task(name="core.background_probe_record")
def background_probe_record(*args):
    done.append(args)


@pytest.fixture(autouse=True)
def nothing_done():
    done.clear()


@pytest.fixture
def eager(monkeypatch):
    """Tasks run in place, also in the integration run (its worker is tested elsewhere)."""
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)


def project_tasks():
    """The application's tasks: not Celery's own, nor those a test module defines for itself
    (this one's probe, the log test's task), which are registered once their module is loaded."""
    celery_app.loader.import_default_modules()
    return {
        name: task
        for name, task in celery_app.tasks.items()
        if not name.startswith("celery.") and not type(task).__module__.startswith("tests.")
    }


def test_every_task_is_named_package_noun_verb():
    """One rule for every task: `<package>.<noun>_<verb>`, the package holding its tasks.py."""
    pattern = re.compile(rf"^({'|'.join(TASK_PACKAGES)})\.[a-z]+(_[a-z]+)+$")
    names = set(project_tasks())
    assert names
    assert sorted(name for name in names if not pattern.match(name)) == []


def test_every_beat_entry_names_a_registered_task():
    tasks = project_tasks()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in tasks


@pytest.mark.django_db
def test_the_task_runs_only_once_the_transaction_commits(django_capture_on_commit_callbacks, eager):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        task_enqueue_on_commit("core.background_probe_record", 7, "x")
        assert done == []
    assert done == [(7, "x")]


@pytest.mark.django_db
def test_a_rolled_back_transaction_starts_nothing(django_capture_on_commit_callbacks, eager):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        task_enqueue_on_commit("core.background_probe_record", 1)
        raise RuntimeError
    assert callbacks == []
    assert done == []


@pytest.mark.django_db
def test_eager_mode_runs_the_task_in_place(django_capture_on_commit_callbacks, eager):
    """`send_task` would ignore CELERY_TASK_ALWAYS_EAGER; the embedded run needs the task run."""
    with django_capture_on_commit_callbacks(execute=True):
        task_enqueue_on_commit("core.background_probe_record", 3)
    assert done == [(3,)]


@pytest.mark.django_db
def test_with_a_broker_the_task_is_sent_by_its_name(
    django_capture_on_commit_callbacks, monkeypatch
):
    sent = []
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setattr(
        celery_app,
        "send_task",
        lambda name, args=None, kwargs=None, **options: sent.append((name, args)),
    )
    with django_capture_on_commit_callbacks(execute=True):
        task_enqueue_on_commit("core.background_probe_record", 4, "y")
    assert done == []
    assert sent == [("core.background_probe_record", (4, "y"))]


def test_a_task_module_nobody_imported_yet_is_found(monkeypatch):
    """A web process has not imported the tasks modules; the look-up has autodiscovery do it."""
    registry = celery_app.tasks
    task = project_tasks()["media.media_processing_sweep"]
    del registry[task.name]

    def import_default_modules():  # what autodiscovery does in a fresh process
        registry[task.name] = task

    monkeypatch.setattr(celery_app.loader, "import_default_modules", import_default_modules)
    try:
        assert task_registered("media.media_processing_sweep") is task
    finally:
        registry[task.name] = task


@pytest.mark.django_db
def test_an_eager_task_leaves_no_broker_warning(caplog, django_capture_on_commit_callbacks, eager):
    """Without a broker (`make run`) kombu used to warn "No hostname was supplied" on every
    task: an eager task still borrows a producer, which assumed AMQP without a host. (The
    integration run has a real broker; the task still runs in place here.)"""
    with caplog.at_level("WARNING"), django_capture_on_commit_callbacks(execute=True):
        task_enqueue_on_commit("core.background_probe_record", 5)
        with celery_app.producer_or_acquire() as producer:
            producer.connection.info()
    assert done == [(5,)]
    assert [
        record.getMessage() for record in caplog.records if "hostname" in record.getMessage()
    ] == []
