"""Readiness: can this web process reach the parts it needs (database, cache, broker, storage)?

Each part is tried in a thread of its own and given CHECK_TIMEOUT seconds, so a part that hangs
(a firewall dropping packets, a full disk) shows as failed instead of holding the probe until
the load balancer gives up. The report names the parts and whether each answered, nothing else:
the error (which may name a host, a user or a path) goes to the log only.

A probe every second from several load balancers must not become load on the database or the
storage: each process runs the checks at most once every REPORT_SECONDS and answers from the
last report in between (kept in memory, not in the cache: the cache is one of the parts).
"""

import logging
import threading
import time
import uuid

from celery import current_app

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections

logger = logging.getLogger(__name__)

CHECK_TIMEOUT = 3  # seconds each part may take; load balancers commonly wait 5
REPORT_SECONDS = 5  # how long a report is reused
STORAGE_PREFIX = "healthz/"
NOT_USED = "not used"

_last_report = {"at": None, "report": None}
_report_lock = threading.Lock()


def database_check():
    """A query on a connection of this thread's own, closed afterwards."""
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()


def cache_check():
    """A value written, read back and removed in the shared cache."""
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=CHECK_TIMEOUT * 2)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not keep a value")
    finally:
        cache.delete(key)


def broker_check():
    """A connection to the Celery broker. The embedded run has none (tasks run in place,
    through kombu's in-memory transport): nothing to reach, so that counts as healthy."""
    with current_app.connection_for_write(connect_timeout=CHECK_TIMEOUT) as connection:
        if connection.transport.driver_type == "memory":
            return NOT_USED
        connection.ensure_connection(max_retries=0)
    return None


def storage_check():
    """A tiny file written, read back and deleted under healthz/ in the default storage (a
    local folder or the S3 bucket), as an upload would be."""
    name = default_storage.save(f"{STORAGE_PREFIX}{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name, "rb") as stored:
            if stored.read() != b"ok":
                raise RuntimeError("the storage did not keep the file")
    finally:
        default_storage.delete(name)


HEALTH_CHECKS = {
    "database": database_check,
    "cache": cache_check,
    "broker": broker_check,
    "storage": storage_check,
}


def health_report():
    """{"status": "ok"|"fail", "checks": {part: {"ok": bool, "ms": int, ...}}}, at most
    REPORT_SECONDS old. Requests that arrive while the checks run wait for that run's report."""
    with _report_lock:
        at = _last_report["at"]
        if at is None or time.monotonic() - at >= REPORT_SECONDS:
            _last_report["report"] = health_report_fresh()
            _last_report["at"] = time.monotonic()
        return _last_report["report"]


def health_report_forget():
    """The next report runs the checks again (tests, and after a change of settings)."""
    with _report_lock:
        _last_report["at"] = None


def health_report_fresh():
    """Every check run now, side by side; one that overruns CHECK_TIMEOUT is reported failed
    and left to finish on its own: a thread cannot be stopped, and a daemon thread does not
    hold the process when gunicorn stops it."""
    results = {}
    threads = [
        threading.Thread(
            target=_timed, args=(name, check, results), name=f"healthz-{name}", daemon=True
        )
        for name, check in HEALTH_CHECKS.items()
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + CHECK_TIMEOUT
    for thread in threads:
        thread.join(timeout=max(0, deadline - time.monotonic()))
    checks = {}
    for name in HEALTH_CHECKS:
        checks[name] = results.get(name)
        if checks[name] is None:
            logger.error("health check %s took longer than %s s", name, CHECK_TIMEOUT)
            checks[name] = {"ok": False, "ms": round(CHECK_TIMEOUT * 1000), "error": "timeout"}
    healthy = all(check["ok"] for check in checks.values())
    return {"status": "ok" if healthy else "fail", "checks": checks}


def _timed(name, check, results):
    started = time.monotonic()
    try:
        note = check()
    except Exception:
        logger.exception("health check %s failed", name)
        results[name] = {"ok": False, "ms": _ms_since(started), "error": "failed"}
        return
    result = {"ok": True, "ms": _ms_since(started)}
    if note:
        result["note"] = note
    results[name] = result  # whole, as the request thread may read it at any moment


def _ms_since(started):
    return round((time.monotonic() - started) * 1000)
