"""Resident memory of a process tree (gunicorn's master and workers), read from /proc (Linux).

RSS counts the pages a process holds in RAM, its own heap and the mapped files it touched; the
kernel's page cache of files it only read or wrote is not in it, which is what we want: a
process that streams a file through a small buffer keeps a small RSS whatever the file's size.
"""

import os
import threading
import time
from pathlib import Path

MIB = 1024 * 1024
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
# Workers are found again this often: one that is replaced mid-way is counted from then on.
REFRESH_SECONDS = 0.5


def process_tree(root):
    """The pid `root` and every live descendant, root first."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # After the ")" closing the command name: state, then the parent's pid.
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # ended meanwhile
        children.setdefault(parent, []).append(int(stat.parent.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop(0)
        tree.append(pid)
        pending.extend(sorted(children.get(pid, [])))
    return tree


def rss_by_pid(pids):
    """{pid: resident bytes}; a process that ended meanwhile is left out."""
    sizes = {}
    for pid in pids:
        try:
            # statm: size resident shared ... in pages; cheaper to read than status' VmRSS.
            resident = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        sizes[pid] = resident * PAGE_BYTES
    return sizes


def rss_high_water_by_pid(pids):
    """{pid: the highest RSS in bytes since the process started} as the kernel keeps it
    (VmHWM): a spike between two samples cannot hide from it."""
    peaks = {}
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peaks[pid] = int(line.split()[1]) * 1024  # reported in kB
    return peaks


class RssSampler(threading.Thread):
    """Sums the tree's RSS every `interval` s until stopped; keeps the peak and each process'
    own peak, plus a coarse series (one point per REFRESH_SECONDS) for the report."""

    def __init__(self, root, interval):
        super().__init__(name=f"rss-{root}", daemon=True)
        self.root, self.interval = root, interval
        self.samples = 0
        self.peak = self.last = 0
        self.peak_by_pid = {}
        self.pids_seen = set()
        self.series = []
        self._halt = threading.Event()

    def run(self):
        started = refreshed = time.monotonic()
        pids = process_tree(self.root)
        while True:
            now = time.monotonic()
            if now - refreshed >= REFRESH_SECONDS:
                pids, refreshed = process_tree(self.root), now
                self.series.append((round(now - started, 2), round(self.last / MIB, 1)))
            self._record(rss_by_pid(pids))
            if self._halt.wait(self.interval):
                break

    def _record(self, sizes):
        self.samples += 1
        self.last = sum(sizes.values())
        self.peak = max(self.peak, self.last)
        self.pids_seen.update(sizes)
        for pid, size in sizes.items():
            self.peak_by_pid[pid] = max(self.peak_by_pid.get(pid, 0), size)

    def stop(self):
        self._halt.set()
        self.join()
        return self


def sample_for(root, seconds, interval):
    """A sampler run for `seconds` (the idle baseline, say), already stopped."""
    sampler = RssSampler(root, interval)
    sampler.start()
    time.sleep(seconds)
    return sampler.stop()
