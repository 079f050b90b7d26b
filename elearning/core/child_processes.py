"""Child processes (ffmpeg, ffprobe) that die with the worker that started them.

`subprocess.run` leaves a child running when its worker is killed: an orphaned ffmpeg kept
transcoding at full speed for nobody, and a timeout killed only the first process of a pipeline.
A child started by `child_run`:
- runs in a process group (session) of its own, so the whole group can be killed at once and a
  signal sent to the worker's group (Ctrl-C in a terminal) does not reach it half-way;
- is told by the kernel to die when the thread that started it dies (`PR_SET_PDEATHSIG`, set by
  util-linux's `setpriv --pdeathsig KILL` where present, Linux). The kernel watches the *thread*
  that forked, so children are started from the task's own thread, never from a helper thread,
  and no `preexec_fn` is used (unsafe once threads run, as the lease keeper's does);
- is killed (its whole group) when its time limit passes, when `stop` is set (the worker lost
  its claim on the job, see elearning/core/leases.py), and when the worker shuts down
  (`children_kill`, wired to Celery's shutdown signals below).
"""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass

from celery import signals

POLL_SECONDS = 0.2

# Live children of this process by pid. Read from a signal handler (the worker's SIGTERM), so no
# lock: a handler waiting for a lock its own thread holds would never return.
_live = {}
_shutting_down = threading.Event()


class ChildTimeout(Exception):
    """The child ran past its time limit and was killed."""


class ChildStopped(Exception):
    """The child was killed because its work was called off (claim lost, worker shutting down)."""


@dataclass(frozen=True)
class ChildResult:
    returncode: int
    stdout: bytes
    stderr: bytes


def _death_signal_prefix():
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--"] if setpriv else []


def child_run(command, *, timeout, stop=None):
    """Run `command` to its end and return its exit code and output (kept in unnamed temporary
    files, so a chatty child never blocks on a full pipe). Raises ChildTimeout after `timeout`
    seconds and ChildStopped when the `stop` event is set or the worker is shutting down; the
    child's whole process group is killed first in both cases."""
    if _shutting_down.is_set():
        raise ChildStopped(command[0])
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(  # noqa: S603 - the caller's fixed program and arguments
            [*_death_signal_prefix(), *command],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        _live[process.pid] = process
        try:
            deadline = time.monotonic() + timeout
            while True:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=POLL_SECONDS)
                    break
                if (stop is not None and stop.is_set()) or _shutting_down.is_set():
                    _group_kill(process)
                    raise ChildStopped(command[0])
                if time.monotonic() > deadline:
                    _group_kill(process)
                    raise ChildTimeout(command[0])
            # The child is done; anything it left running in its group goes with it.
            _group_kill(process)
            if (stop is not None and stop.is_set()) or _shutting_down.is_set():
                raise ChildStopped(command[0])  # killed from outside (children_kill)
        finally:
            _live.pop(process.pid, None)
        out.seek(0)
        err.seek(0)
        return ChildResult(process.returncode, out.read(), err.read())


def _group_kill(process):
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


def children_kill(**kwargs):
    """Kill every live child group of this process and start no new one (worker shutdown).

    A warm shutdown would otherwise wait for a transcode of hours; the job's claim is handed back
    by its service instead, and another worker takes it over."""
    _shutting_down.set()
    for process in list(_live.values()):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)


def children_live():
    """Pids of the children running now (for tests and diagnostics)."""
    return sorted(_live)


# The main process of a worker (solo and thread pools run tasks there) hears SIGTERM/SIGINT
# through worker_shutting_down; a prefork pool's child process ends through
# worker_process_shutdown.
signals.worker_shutting_down.connect(children_kill, dispatch_uid="core.children_kill", weak=False)
signals.worker_process_shutdown.connect(
    children_kill, dispatch_uid="core.children_kill_process", weak=False
)
