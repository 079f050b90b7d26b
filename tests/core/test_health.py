"""/healthz tells a load balancer or an operator whether this process reaches each part it needs
(database, cache, broker, storage), names the one that fails, and gives nothing away doing so.

The SQLite run checks a local folder and no broker (tasks run in place); the integration run
(`make test-integration`) the same tests against PostgreSQL, Redis as cache and broker, and
moto's S3 server."""

import socket
import threading

import pytest

from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection

from elearning.core import health
from tests.object_storage import bucket_keys

PARTS = {"database", "cache", "broker", "storage"}
SECRET = "hunter2-do-not-show"


@pytest.fixture(autouse=True)
def _fresh_report(monkeypatch):
    # A loaded test machine must not make a healthy part look hung (a cold S3 client takes a
    # while): the timeout has a test of its own, which sets it short.
    monkeypatch.setattr(health, "CHECK_TIMEOUT", 60)
    health.health_report_forget()
    yield
    health.health_report_forget()


def closed_port():
    """A port of this machine that nothing listens on (bound by us a moment ago, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_nothing_given_away(response):
    """No host, password, path or stack trace in the body: those go to the log."""
    for clue in (SECRET, "127.0.0.1", "Traceback", "/srv/", "Error"):
        assert clue not in response.content.decode()


class FullDiskStorage(FileSystemStorage):
    """A storage that refuses every upload, as a full disk or a revoked bucket key would."""

    def _save(self, name, content):
        raise OSError(28, "No space left on device", f"/srv/uploads/{SECRET}")


class CountingStorage(FileSystemStorage):
    saved = 0

    def _save(self, name, content):
        CountingStorage.saved += 1
        return super()._save(name, content)


class HangingStorage(FileSystemStorage):
    """A storage that does not answer (a mount gone away) until the test lets it go."""

    released = threading.Event()

    def _save(self, name, content):
        HangingStorage.released.wait(timeout=30)
        return super()._save(name, content)


@pytest.mark.django_db
def test_every_part_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert set(report["checks"]) == PARTS
    assert all(check["ok"] for check in report["checks"].values()), report
    assert all(isinstance(check["ms"], int) for check in report["checks"].values())
    # The probe's file is gone again: nothing piles up under healthz/.
    assert default_storage.listdir("healthz")[1] == []


@pytest.mark.django_db
def test_the_broker_is_not_used_in_the_embedded_run(client, settings):
    report = client.get("/healthz").json()

    if settings.CELERY_TASK_ALWAYS_EAGER:
        assert report["checks"]["broker"]["ok"] is True
        assert report["checks"]["broker"]["note"] == "not used"
    else:  # the integration run: Redis was reached
        assert report["checks"]["broker"]["ok"] is True
        assert "note" not in report["checks"]["broker"]


@pytest.mark.django_db
def test_object_storage_answers_and_keeps_nothing(client, s3_storage):
    response = client.get("/healthz")

    assert response.status_code == 200, response.content
    assert response.json()["checks"]["storage"]["ok"] is True
    assert bucket_keys(s3_storage) == []


@pytest.mark.django_db
def test_an_unreachable_broker_fails_the_probe(client, monkeypatch, caplog):
    # Celery reads the producer's address from this variable before its settings.
    monkeypatch.setenv("CELERY_BROKER_WRITE_URL", f"redis://:{SECRET}@127.0.0.1:{closed_port()}/0")

    response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["status"] == "fail"
    assert report["checks"]["broker"]["ok"] is False
    assert report["checks"]["broker"]["error"] == "failed"
    assert all(report["checks"][part]["ok"] for part in PARTS - {"broker"})
    assert_nothing_given_away(response)
    assert "health check broker failed" in caplog.text  # the operator finds the cause in the log


@pytest.mark.django_db
def test_a_storage_that_refuses_files_fails_the_probe(client, settings, caplog):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.FullDiskStorage"}}

    response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["checks"]["storage"]["ok"] is False
    assert all(report["checks"][part]["ok"] for part in PARTS - {"storage"})
    assert_nothing_given_away(response)
    assert "No space left on device" in caplog.text


@pytest.mark.django_db
def test_a_broken_database_connection_fails_the_probe(client, monkeypatch, caplog):
    # The check opens a connection of its own with these settings (the test's stays open).
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        monkeypatch.setitem(database, "PORT", str(closed_port()))
        monkeypatch.setitem(database, "PASSWORD", SECRET)
    else:
        monkeypatch.setitem(database, "NAME", f"/srv/{SECRET}/missing/db.sqlite3")

    response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["checks"]["database"]["ok"] is False
    assert all(report["checks"][part]["ok"] for part in PARTS - {"database"})
    assert_nothing_given_away(response)
    assert "health check database failed" in caplog.text


@pytest.mark.django_db
def test_a_part_that_hangs_is_reported_after_the_timeout(client, settings, monkeypatch):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.HangingStorage"}}
    monkeypatch.setattr(health, "CHECK_TIMEOUT", 0.5)
    HangingStorage.released.clear()
    try:
        response = client.get("/healthz")
    finally:
        HangingStorage.released.set()

    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == {"ok": False, "ms": 500, "error": "timeout"}


@pytest.mark.django_db
def test_a_burst_of_probes_runs_the_checks_once(client, settings, monkeypatch):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.CountingStorage"}}
    CountingStorage.saved = 0

    for _ in range(20):
        assert client.get("/healthz").status_code == 200
    assert CountingStorage.saved == 1

    monkeypatch.setattr(health, "REPORT_SECONDS", 0)  # the report has aged
    client.get("/healthz")
    assert CountingStorage.saved == 2


@pytest.mark.django_db
def test_the_probe_is_never_cached_and_sets_no_cookie(client, monkeypatch):
    for method in (client.get, client.head):
        response = method("/healthz")
        assert response.status_code == 200
        assert not response.cookies
        assert "no-store" in response["Cache-Control"]  # nor by a proxy in front
        assert "X-Page-Cache" not in response

    # A part that fails now shows at once (once the last report has aged), not a stored 200.
    monkeypatch.setenv("CELERY_BROKER_WRITE_URL", f"redis://127.0.0.1:{closed_port()}/0")
    health.health_report_forget()
    assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_liveness_does_not_depend_on_the_parts(client, monkeypatch):
    monkeypatch.setenv("CELERY_BROKER_WRITE_URL", f"redis://127.0.0.1:{closed_port()}/0")

    assert client.get("/healthz").status_code == 503
    response = client.get("/healthz/live")
    assert response.status_code == 200
    assert response.content == b"ok"
