"""Celery workers as processes of their own, for the fault-injection tests (integration run).

The `celery_worker_real` fixture of tests/conftest.py runs a worker in a thread of the test
process: it cannot be killed with -9 without killing the test. A worker started here is a real
`celery worker` process on this test process's queue, test database, cache and upload folder, as
in production; `worker_kill` sends it SIGKILL, as the kernel's out-of-memory killer or a pulled
plug would, and the test then starts another one and looks at what was left behind.

Every process a worker starts inherits a tag in its environment (VIF_TEST_WORKER_TAG), so
`tagged_processes` finds the children of a killed worker (an orphaned ffmpeg) wherever the
kernel re-parented them.
"""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection, transaction

from tests.waiting import eventually

BROKER_NEEDED = (
    "a worker process takes its tasks from a real broker: the fault-injection tests run in "
    "make test-integration (PostgreSQL and Redis)"
)


def worker_processes_possible():
    return not settings.CELERY_TASK_ALWAYS_EAGER and connection.vendor == "postgresql"


# The marks of a module of fault-injection tests: they run where a broker is, and transactional,
# since a worker process sees only committed rows.
WORKER_PROCESS_TESTS = [
    pytest.mark.skipif(not worker_processes_possible(), reason=BROKER_NEEDED),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
]


def _database_url():
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


PROCESS_QUEUE = "-processes"


@contextlib.contextmanager
def celery_worker_process(*, lease_seconds=6, name=None, env=None):
    """Start a `celery worker` process (solo pool) for this test process; yields its Popen,
    with `.tag` (the environment tag of its processes) and `.log` (its output file).

    It is stopped at the end (SIGKILL to its whole process group if it is still there). The
    lease is short so a killed worker's claim lapses within seconds.
    """
    from elearning.celery import app

    # A queue of their own: the in-process worker of `celery_worker_real` (session-scoped, so
    # alive once any earlier test used it) consumes the ordinary queue and would take the task.
    # While the block runs, this process's tasks go to the workers' queue.
    ordinary = app.conf.task_default_queue
    queue = ordinary if ordinary.endswith(PROCESS_QUEUE) else ordinary + PROCESS_QUEUE
    tag = uuid.uuid4().hex
    log = Path(tempfile.mkstemp(prefix="vif-worker-", suffix=".log")[1])
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": _database_url(),
        "VIF_TEST_CELERY_QUEUE": queue,
        "VIF_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "BACKGROUND_LEASE_SECONDS": str(lease_seconds),
        "VIF_TEST_WORKER_TAG": tag,
        **(env or {}),
    }
    node = name or f"vif-test-{tag[:8]}"
    command = [sys.executable, "-m", "celery", "-A", "elearning", "worker", "--pool=solo"]
    command += ["--loglevel=INFO", "--without-heartbeat", "--without-gossip", "--without-mingle"]
    command += ["-Q", queue, "-n", f"{node}@%h"]
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            command,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=settings.BASE_DIR,
            start_new_session=True,
        )
    process.tag = tag
    process.log = log
    app.conf.task_default_queue = queue
    try:
        eventually(
            lambda: b"ready." in log.read_bytes() or process.poll() is not None,
            timeout=60,
            interval=0.2,
            message=lambda: f"the worker did not start:\n{log.read_text(errors='replace')}",
        )
        assert process.poll() is None, log.read_text(errors="replace")
        yield process
    finally:
        app.conf.task_default_queue = ordinary
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        log.unlink(missing_ok=True)


@contextlib.contextmanager
def worker_busy(job_start, *, busy, **worker):
    """A worker process (`celery_worker_process(**worker)`) caught in the middle of a job.

    `job_start()` makes the job in a transaction of its own (its task is sent on commit); the
    block is entered once `busy(process, job)` holds, with the process and the job."""
    with celery_worker_process(**worker) as process:
        with transaction.atomic():
            job = job_start()
        eventually(
            lambda: busy(process, job),
            timeout=60,
            message=lambda: f"the worker did not get to the job:\n{worker_log(process)}",
        )
        yield process, job


def worker_kill(process):
    """SIGKILL the worker process alone (not its group): what its children do then is theirs."""
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def worker_log(process):
    return process.log.read_text(errors="replace") if process.log.exists() else ""


def tagged_processes(tag):
    """Pids and command names of the live processes started under a worker with this tag."""
    found = []
    marker = f"VIF_TEST_WORKER_TAG={tag}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            name = (entry / "comm").read_text().strip()
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if state != "Z":  # a zombie is dead, only not yet reaped
            found.append((int(entry.name), name))
    return found
