"""Child processes (ffmpeg) die with their worker, their time limit, or a call to stop.

Each child here is a shell that writes its process id to a file and then sleeps: the test checks
the process itself, as `ps` would, not what child_run says about it.
"""

import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from django.conf import settings

from elearning.core.child_processes import ChildStopped, ChildTimeout, child_run
from tests.waiting import eventually


def lives(pid):
    """The process runs (a zombie is dead, only not yet reaped by whoever adopted it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def sleeper(pid_file, *, seconds=60, also=""):
    """A shell that notes its pid (the sleep it becomes keeps it) after starting `also`."""
    return ["sh", "-c", f"{also} echo $$ > {pid_file}; exec sleep {seconds}"]


def test_a_child_and_what_it_started_are_killed_at_its_time_limit(tmp_path):
    pid_file, helper_file = tmp_path / "child", tmp_path / "helper"
    # The child leaves a helper of its own running in the background, as ffmpeg's wrapper might.
    also = f"sh -c 'echo $$ > {helper_file}; exec sleep 60' &"

    with pytest.raises(ChildTimeout):
        child_run(sleeper(pid_file, also=also), timeout=1)

    for noted in (pid_file, helper_file):
        pid = int(eventually(noted.read_text, timeout=5))
        eventually(lambda pid=pid: not lives(pid), timeout=10, message=f"{noted.name} lives")


def test_a_child_whose_work_is_called_off_is_killed(tmp_path):
    pid_file = tmp_path / "child"
    stop = threading.Event()
    outcome = []

    def run():
        try:
            child_run(sleeper(pid_file), timeout=60, stop=stop)
        except ChildStopped:
            outcome.append("stopped")

    runner = threading.Thread(target=run)
    runner.start()
    pid = int(eventually(lambda: pid_file.exists() and pid_file.read_text(), timeout=10))
    assert lives(pid)
    stop.set()  # what the lease keeper does when the claim is lost
    runner.join(timeout=30)

    assert outcome == ["stopped"]
    assert not lives(pid)


def test_a_child_that_fails_says_so_and_what_it_wrote(tmp_path):
    result = child_run(["sh", "-c", "echo out; echo trouble >&2; exit 3"], timeout=10)
    assert (result.returncode, result.stdout, result.stderr) == (3, b"out\n", b"trouble\n")


WORKER = textwrap.dedent(
    """
    import signal, sys
    from elearning.core.child_processes import ChildStopped, child_run, children_kill
    signal.signal(signal.SIGTERM, lambda *a: children_kill())  # as worker_shutting_down does
    try:
        child_run(["sh", "-c", "echo $$ > " + sys.argv[1] + "; exec sleep 60"], timeout=60)
    except ChildStopped:
        print("stopped", flush=True)
    """
)


def worker_start(pid_file):
    """A Python process that runs a child as a worker's task would."""
    return subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", WORKER, str(pid_file)],
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        start_new_session=True,
    )


def test_a_child_dies_with_its_worker_killed_without_warning(tmp_path):
    pid_file = tmp_path / "child"
    worker = worker_start(pid_file)
    pid = int(eventually(lambda: pid_file.exists() and pid_file.read_text(), timeout=30))

    worker.send_signal(signal.SIGKILL)  # no handler runs: the kernel's parent-death signal acts
    worker.wait(timeout=30)

    eventually(lambda: not lives(pid), timeout=10, message="the orphaned child still runs")


def test_a_child_is_killed_when_its_worker_shuts_down(tmp_path):
    pid_file = tmp_path / "child"
    worker = worker_start(pid_file)
    pid = int(eventually(lambda: pid_file.exists() and pid_file.read_text(), timeout=30))

    worker.send_signal(signal.SIGTERM)
    output, _ = worker.communicate(timeout=30)

    assert output == b"stopped\n"
    assert not lives(pid)
