"""Run one command and record its peak RSS: `python -m tests.benchmarks.package_child RESULT
TIMEOUT COMMAND...` writes {"seconds", "max_rss_kib", "cpu_s", "returncode", "floor_kib"} as
JSON to RESULT and exits with the command's own status.

Why a go-between: the kernel records the high-water mark of the memory a process replaces at
exec into the new program's ru_maxrss, so a command started by the bench process can never
report less than the bench process' own peak (which grows over the scenarios of `make bench`).
This interpreter is fresh and small (standard library only, ~10 MiB): the command it starts
and reaps with os.wait4 (the rusage of that one child) is measured from its own start. The
command's output goes where this process' output goes. floor_kib is this interpreter's own
peak (VmHWM) when it starts the command: the least the command's figure can be.
"""

import json
import os
import subprocess
import sys
import threading
import time


def _own_peak_kib():
    """This process' own high-water mark (VmHWM), without what it inherited over its exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def main(argv):
    result_path, timeout, command = argv[1], float(argv[2]), argv[3:]
    floor = _own_peak_kib()
    started = time.perf_counter()
    process = subprocess.Popen(command)  # noqa: S603 - the bench's own fixed command
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    try:
        _pid, status, usage = os.wait4(process.pid, 0)
    finally:
        watchdog.cancel()
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    result = {
        "seconds": seconds,
        "max_rss_kib": usage.ru_maxrss,  # KiB on Linux
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "returncode": process.returncode,
        "floor_kib": floor,
    }
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    return process.returncode if process.returncode >= 0 else 128 - process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
