"""Scenario `upload`: a 1 GiB recording through the admin's upload form (ARCHITECTURE.md budgets).

1. A signed-in editor; a 1 GiB file of random bytes under var/bench (it must not compress or
   deduplicate into nothing anywhere on its way), removed at the end whatever happens.
2. The same file copied on the same disk with shutil.copyfile: the throughput of moving the
   bytes without any web stack, for comparison only.
3. gunicorn as in production. The add form is fetched first (concurrently, so that both workers
   have imported the admin); the baseline is the highest summed RSS of the master and its
   workers over a second of idling. The file is then posted to wagtailmedia's add view as a
   browser would (multipart, session and CSRF cookies, the csrfmiddlewaretoken field, Origin),
   streamed from disk so the client holds 1 MiB of it at a time, while a thread samples the
   tree's RSS every SAMPLE_SECONDS. extra_mb is the peak minus the baseline.
4. The upload's processing is queued on the bench Redis (nothing consumes it; the queue is
   emptied afterwards), as in production where a Celery worker takes it: without a broker the
   task would run eagerly inside the upload request and be measured with it. With no Redis on
   this machine the scenario falls back to that, and says so in the details.
5. The stored recording must have exactly the bytes sent (size and SHA-256).
"""

import hashlib
import os
import resource
import shutil
import time
from pathlib import Path

from .harness import (
    BENCH_DIR,
    Report,
    Server,
    bench_broker,
    load_average,
    log,
    queue_empty,
)
from .rss import MIB, RssSampler, process_tree, rss_by_pid, rss_high_water_by_pid, sample_for
from .upload_client import (
    ADD_PATH,
    SEND_CHUNK,
    form_warm_up,
    recording_post,
    upload_succeeded,
)

NAME = "upload"
CONTENT = "tests.benchmarks.upload_content"
SIZE = 1024**3
WRITE_CHUNK = 8 * MIB
SAMPLE_SECONDS = 0.02
BASELINE_SECONDS = 1.0
AFTER_SECONDS = 0.5  # sampling goes on a little after the answer, for what the request left
TITLE = "Bench-opname"
SOURCE = BENCH_DIR / "upload-recording.mp4"
COPY = BENCH_DIR / "upload-copy.mp4"
BUDGET = {"extra_mb": 200, "errors": 0}
# What upload_content.seed reports of the server's settings, copied into the details.
UPLOAD_SETTINGS = (
    "file_upload_max_memory_size",
    "file_upload_handlers",
    "temp_dir",
    "storage",
    "media_root",
    "celery_queue",
)
DEFINITIONS = {
    "extra_mb": "peak_rss_mb - baseline_mb: what the upload added to the web server's memory",
    "peak_rss_mb": "highest sum of RSS (MiB) over gunicorn's master and workers, sampled every "
    f"{SAMPLE_SECONDS * 1000:.0f} ms from just before the request until {AFTER_SECONDS} s after "
    "its answer",
    "baseline_mb": f"highest sum of RSS (MiB) over the same processes during {BASELINE_SECONDS} s "
    "of idling after the warm-up",
    "size_mb": "size of the uploaded file, MiB",
    "upload_s": "from the first byte sent until the answer's headers (stored and committed)",
    "mb_per_s": "size_mb / upload_s",
    "copy_ratio": "mb_per_s / MiB/s of shutil.copyfile of the same file on the same disk "
    "(informative, no budget)",
    "stored": "ok when the recording exists with exactly the bytes sent (size and SHA-256)",
    "processes (details)": "per process: sampled RSS, and the kernel's high-water mark (VmHWM) "
    "before and after the upload, which a spike between two samples cannot escape",
    "errors": "an upload not answered by a redirect to the media index, a failed connection, and "
    "gunicorn workers replaced during the measurement",
}


# --- The file ---------------------------------------------------------------------------------


def _disk_check(temp_dir, eager):
    """Raise unless every disk has room for what goes on it during the run."""
    # var/bench: the source and either the plain copy or the stored upload; the server's
    # temporary directory: the upload while it arrives (and the processing's copy when eager).
    wanted = [(BENCH_DIR, 2 * SIZE), (Path(temp_dir), (2 if eager else 1) * SIZE)]
    by_device = {}
    for path, size in wanted:
        device = os.stat(path).st_dev
        paths, total = by_device.get(device, ([], 0))
        by_device[device] = ([*paths, str(path)], total + size)
    for paths, size in by_device.values():
        free = shutil.disk_usage(paths[0]).free
        if free < size:
            raise RuntimeError(
                f"upload needs {size / 1024**3:.0f} GiB free on the disk of {', '.join(paths)}; "
                f"it has {free / 1024**3:.1f} GiB"
            )


def _write_source():
    """SIZE random bytes in SOURCE; their SHA-256."""
    digest = hashlib.sha256()
    with SOURCE.open("wb") as handle:
        for _ in range(SIZE // WRITE_CHUNK):
            block = os.urandom(WRITE_CHUNK)
            digest.update(block)
            handle.write(block)
    return digest.hexdigest()


def _copy_seconds():
    """Seconds shutil.copyfile takes for SOURCE on the same disk (the copy is removed)."""
    try:
        started = time.perf_counter()
        shutil.copyfile(SOURCE, COPY)
        return time.perf_counter() - started
    finally:
        COPY.unlink(missing_ok=True)


# --- The measurement --------------------------------------------------------------------------


def _measure(env, seeded, broker_url):
    environ = {"CELERY_BROKER_URL": broker_url} if broker_url else {}
    with Server(env, environ=environ) as server:
        form_warm_up(server, seeded)
        root = server.process.pid
        warm = rss_by_pid(process_tree(root))
        baseline = sample_for(root, BASELINE_SECONDS, SAMPLE_SECONDS)
        high_water = {"before": rss_high_water_by_pid(warm)}
        queue_empty(broker_url, seeded["celery_queue"])
        sampler = RssSampler(root, SAMPLE_SECONDS)
        sampler.start()
        answer = recording_post(server, seeded, source=SOURCE, title=TITLE)
        time.sleep(AFTER_SECONDS)
        sampler.stop()
        high_water["after"] = rss_high_water_by_pid(process_tree(root))
        queued = queue_empty(broker_url, seeded["celery_queue"])
        if not upload_succeeded(answer):
            answer["gunicorn_log"] = server.log_tail()
        # A worker killed mid-way (out of memory, timeout) is replaced by a fresh, small one.
        replaced = len(set(warm) - set(process_tree(root)))
    return {
        "server": server,
        "environ": environ,
        "baseline": baseline,
        "sampler": sampler,
        "warm": warm,
        "high_water": high_water,
        "answer": answer,
        "queued": queued,
        "workers_replaced": replaced,
    }


def _stored(record, digest):
    """Whether the stored recording is the file that was sent: ok, or what differs."""
    if record is None:
        return "missing"
    if record["size"] is None:
        return "file_missing"
    if record["size"] != SIZE:
        return "size_mismatch"
    return "ok" if record["sha256"] == digest else "content_mismatch"


def _mib(size):
    return round(size / MIB, 1)


def _figures(measured, copy_seconds, stored, errors):
    baseline, sampler = measured["baseline"].peak, measured["sampler"].peak
    upload_seconds = measured["answer"]["seconds"]
    rate = SIZE / MIB / upload_seconds
    return {
        "extra_mb": _mib(sampler - baseline),
        "peak_rss_mb": _mib(sampler),
        "baseline_mb": _mib(baseline),
        "size_mb": SIZE // MIB,
        "upload_s": round(upload_seconds, 2),
        "mb_per_s": round(rate, 1),
        "copy_ratio": round(rate / (SIZE / MIB / copy_seconds), 2),
        "stored": stored,
        "errors": errors,
    }


def _processes(measured):
    """Each process' RSS after the warm-up, at the idle baseline's peak and at its own sampled
    peak; and the kernel's high-water mark before and after the upload, which no sampling
    interval can miss (a worker's rise in it is the most the upload can have added to it)."""
    baseline, sampler, high_water = (
        measured["baseline"],
        measured["sampler"],
        measured["high_water"],
    )
    return {
        str(pid): {
            "warm_mb": _mib(measured["warm"].get(pid, 0)),
            "baseline_peak_mb": _mib(baseline.peak_by_pid.get(pid, 0)),
            "upload_peak_mb": _mib(sampler.peak_by_pid.get(pid, 0)),
            "high_water_before_mb": _mib(high_water["before"].get(pid, 0)),
            "high_water_after_mb": _mib(high_water["after"].get(pid, 0)),
        }
        for pid in sorted(baseline.pids_seen | sampler.pids_seen)
    }


def _details(env, seeded, measured, record, copy_seconds, load_before):
    server, sampler = measured["server"], measured["sampler"]
    broker = measured["environ"].get("CELERY_BROKER_URL")
    return {
        "budget": BUDGET,
        "definitions": DEFINITIONS,
        "environment": env.describe(),
        "cpus": os.cpu_count(),
        "settings": env.env["DJANGO_SETTINGS_MODULE"],
        "server": f"gunicorn -w {server.workers} --worker-class gthread --threads {server.threads}",
        "server_environ": measured["environ"],
        "celery": f"queued on {broker}, nobody consumes it; emptied afterwards"
        if broker
        else "no Redis: EAGER fallback, the processing ran inside the upload request",
        "tasks_queued": measured["queued"],
        "upload_settings": {key: seeded[key] for key in UPLOAD_SETTINGS},
        "request": {
            "path": ADD_PATH,
            "bytes": measured["answer"]["request_bytes"],
            "client_chunk_bytes": SEND_CHUNK,
            "client_max_rss_mb": _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024),
        },
        "answer": {
            key: value
            for key, value in measured["answer"].items()
            if key not in {"seconds", "request_bytes"}
        },
        "sampler": {
            "interval_s": SAMPLE_SECONDS,
            "samples": sampler.samples,
            "baseline_samples": measured["baseline"].samples,
            "after_answer_mb": _mib(sampler.last),
            "series_s_mb": sampler.series,
        },
        "processes": _processes(measured),
        "workers_replaced": measured["workers_replaced"],
        "copy_seconds": round(copy_seconds, 2),
        "recording": record,
        "load_average_1min": {"before": load_before, "after": load_average()},
    }


def _discard_uploads(env):
    """The stored gigabyte goes too; a failure here is logged, never hides the run's own."""
    try:
        removed = env.django_call(f"{CONTENT}:uploads_delete")
        log(f"removed stored uploads: {removed}")
    except Exception as error:  # noqa: BLE001 - cleaning up must not mask the measurement
        log(f"could not remove the stored uploads: {error}")


def run(env):
    started = time.monotonic()
    env.start_collect_static()  # alongside the migrations; the admin's pages need it
    env.fresh_database()
    seeded = env.django_call(f"{CONTENT}:seed")
    broker_url = bench_broker()
    _disk_check(seeded["temp_dir"], eager=broker_url is None)
    env.wait_static()
    try:
        digest = _write_source()
        copy_seconds = _copy_seconds()
        log(f"source written; plain copy in {copy_seconds:.2f}s")
        load_before = load_average()
        measured = _measure(env, seeded, broker_url)
        answer = measured["answer"]
        log(f"upload answered {answer['status']} in {answer['seconds']:.1f}s")
        record = env.django_call(f"{CONTENT}:uploaded", title=TITLE)
    finally:
        SOURCE.unlink(missing_ok=True)
        _discard_uploads(env)
    stored = _stored(record, digest)
    failed = 0 if upload_succeeded(measured["answer"]) else 1
    figures = _figures(measured, copy_seconds, stored, failed + measured["workers_replaced"])
    ok = (
        figures["extra_mb"] < BUDGET["extra_mb"]
        and figures["errors"] == BUDGET["errors"]
        and stored == "ok"
    )
    details = _details(env, seeded, measured, record, copy_seconds, load_before)
    details["seconds"] = round(time.monotonic() - started, 1)
    return Report(NAME, figures, ok, details)
