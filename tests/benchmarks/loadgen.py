"""Closed-loop load from Python: for machines without wrk, and for load wrk cannot script.

Several processes (so the GIL of one does not cap the rate), each with a few threads, run a
client loop back to back for a fixed time (`closed_loop`). `generate` is the GET load the pages
scenario compares with wrk's: each thread keeps its own keep-alive connection and counts the
answers by status. Slower than wrk per request, so ratios measured with it are conservative for
fast views; use the same generator for a baseline and the pages compared with it.
"""

import http.client
import multiprocessing
import os
import threading
import time
from urllib.parse import urlsplit


def closed_loop(work, *, duration, processes=None, threads=4, args=()):
    """Each thread's result of `work(slot, slots, start_at, end_at, *args)`, in slot order.

    processes × threads clients (slot 0 .. slots-1) start together, after every process forked,
    and loop until end_at (time.time()). The processes are forked, so `work` and `args` need not
    be picklable; what `work` returns must be.
    """
    processes = processes or max(2, os.cpu_count() or 2)
    slots = processes * threads
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    start_at = time.time() + 0.5
    end_at = start_at + duration
    children = [
        context.Process(
            target=_process,
            args=(work, args, range(first, first + threads), slots, start_at, end_at, queue),
        )
        for first in range(0, slots, threads)
    ]
    for child in children:
        child.start()
    results = {}
    for _ in children:
        results.update(queue.get(timeout=duration + 120))
    for child in children:
        child.join()
    return [results[slot] for slot in range(slots)]


def _process(work, args, slots_here, slots, start_at, end_at, queue):
    results = {}

    def client(slot):
        while time.time() < start_at:
            time.sleep(0.001)
        results[slot] = work(slot, slots, start_at, end_at, *args)

    workers = [threading.Thread(target=client, args=(slot,)) for slot in slots_here]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(results)


def _get_loop(_slot, _slots, _start_at, end_at, host, port, path, headers, expect):
    ok = other = errors = matched = 0
    connection = http.client.HTTPConnection(host, port, timeout=10)
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
    return {"ok": ok, "other": other, "errors": errors, "matched": matched}


def generate(url, *, duration, headers=None, expect=None, processes=None, threads=4):
    """{"duration": s, "counts": {"ok", "other", "errors", "matched"}} of `duration` s of load.

    "matched" counts the 200 answers with header expect=(name, value); None without expect.
    """
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    target = (parts.hostname, parts.port, path, headers or {}, expect)
    per_thread = closed_loop(
        _get_loop, duration=duration, processes=processes, threads=threads, args=target
    )
    totals = {key: sum(counts[key] for counts in per_thread) for key in per_thread[0]}
    if not expect:
        totals["matched"] = None
    return {"duration": duration, "counts": totals}
