"""A small closed-loop HTTP load generator, for machines without wrk.

Several processes (so the GIL of one does not cap the rate), each with a few threads, each thread
with its own keep-alive connection, send GET requests back to back for a fixed time and count the
answers by status. Slower than wrk per request, so ratios measured with it are conservative
for fast views; use the same generator for a baseline and the pages compared with it.
"""

import http.client
import multiprocessing
import os
import threading
import time
from urllib.parse import urlsplit


def _thread(host, port, path, headers, expect, start_at, end_at, counts, lock):
    ok = other = errors = matched = 0
    connection = http.client.HTTPConnection(host, port, timeout=10)
    while time.time() < start_at:
        time.sleep(0.001)
    while time.time() < end_at:
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                ok += 1
                if expect and response.getheader(expect[0]) == expect[1]:
                    matched += 1
            else:
                other += 1
            if response.will_close:
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=10)
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.close()
    with lock:
        counts["ok"] += ok
        counts["other"] += other
        counts["errors"] += errors
        counts["matched"] += matched


def _process(host, port, path, headers, expect, start_at, end_at, threads, queue):
    counts = {"ok": 0, "other": 0, "errors": 0, "matched": 0}
    lock = threading.Lock()
    workers = [
        threading.Thread(
            target=_thread,
            args=(host, port, path, headers, expect, start_at, end_at, counts, lock),
        )
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(counts)


def generate(url, *, duration, headers=None, expect=None, processes=None, threads=4):
    """{"duration": s, "counts": {"ok", "other", "errors", "matched"}} of `duration` s of load.

    "matched" counts the 200 answers with header expect=(name, value); None without expect.
    """
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    processes = processes or max(2, os.cpu_count() or 2)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    start_at = time.time() + 0.5  # every process starts together, after they all forked
    end_at = start_at + duration
    children = [
        context.Process(
            target=_process,
            args=(parts.hostname, parts.port, path, headers or {}, expect, start_at, end_at)
            + (threads, queue),
        )
        for _ in range(processes)
    ]
    for child in children:
        child.start()
    totals = {"ok": 0, "other": 0, "errors": 0, "matched": 0}
    for _ in children:
        for key, value in queue.get(timeout=duration + 60).items():
            totals[key] += value
    for child in children:
        child.join()
    if not expect:
        totals["matched"] = None
    return {"duration": duration, "counts": totals}
