"""Scenario `heartbeat`: progress event ingestion (ARCHITECTURE.md budgets).

1. A module with an hour-long video; LEARNERS signed-in learners who opened it a month ago, each
   with a database session and a CSRF cookie/header pair.
2. gunicorn (rate limit lifted): PROCESSES x THREADS clients post the learners' heartbeats to
   POST /api/progress/events, BATCH events a request, with resends, reordering and two-tab
   duplicates mixed in (see heartbeat_clients.py). The baseline, from as many clients on the
   same database: single-row INSERTs of the row the API writes, in autocommit. The two
   alternate (baseline, API, baseline, ...) and each API round is compared with the mean of the
   baselines around it; `ratio` is the median of those comparisons. events_per_s counts distinct
   events acknowledged within the window (resends and duplicates are extra work, not events).
3. The database afterwards, per learner, against what the clients saw acknowledged:
   lost = acknowledged events without their ProgressEvent row, plus seconds_spent short of
   the recorded events' time (in events of EVENT_SECONDS); double_counted = seconds_spent
   beyond the recorded events' time, in events. errors = answers other than 200, and
   connections that failed, over the whole run. All three must be 0.
4. In-process, after the load: the queries of one request and a cProfile of a few dozen
   (var/bench/heartbeat.json, "profile").
"""

import os
import statistics
import time

from .harness import Report, Server, load_average, log, process_tree_cpu
from .heartbeat_clients import (
    BATCH,
    EVENT_SECONDS,
    REORDER_SHARE,
    RESEND_SHARE,
    TWO_TABS_SHARE,
    insert_rows,
    learner_streams,
    send_heartbeats,
)
from .loadgen import closed_loop

NAME = "heartbeat"
CONTENT = "tests.benchmarks.heartbeat_content"
LEARNERS, RAW_WRITERS = 48, 12
PROCESSES, THREADS = 2, 6  # 12 clients, each its own learners (4) or its own connection
WARMUP_SECONDS, API_SECONDS, RAW_SECONDS, ROUNDS = 2, 6, 4, 3
PROFILED_BATCHES = 40
# The script's own limit (60 a minute) would refuse a bench client within a second.
SERVER_ENVIRON = {"PROGRESS_EVENTS_PER_MINUTE": "1000000"}
# What each API round adds up over its clients (see heartbeat_clients.Tally).
ROUND_COUNTS = (
    "requests",
    "connection_errors",
    "accepted",
    "duplicates",
    "resent",
    "two_tabs",
    "two_tabs_failed",
    "reordered",
)
BUDGET = {"ratio": 0.25, "lost": 0, "double_counted": 0, "errors": 0}
DEFINITIONS = {
    "ratio": "median over API rounds of events/s / mean inserts/s of the rounds around it",
    "events_per_s": "distinct events first acknowledged (200) within the window, per second",
    "inserts_per_s": "single-row autocommit INSERTs into learners_progressevent, per second",
    "lost": "acknowledged events without a row + seconds_spent short of the rows' time, "
    f"in events of {EVENT_SECONDS} s",
    "double_counted": f"seconds_spent beyond the recorded events' time, in events of "
    f"{EVENT_SECONDS} s",
    "errors": "answers other than 200 and failed connections, warm-up and drain included",
    "queries": "SQL queries of one request of BATCH fresh events, in-process",
    "server_cpu_ms": "CPU time of gunicorn's processes per request (median over API rounds): "
    "the cost of a request whatever else the machine runs",
    "load": "1-minute load average before the measurement: above the number of cores, other "
    "work competes with the server for the CPU, and the ratio reads low",
}


def _api_round(server, plan, prefix, seconds):
    cpu_before = process_tree_cpu(server.process.pid)
    clients = closed_loop(
        send_heartbeats,
        duration=seconds,
        processes=PROCESSES,
        threads=THREADS,
        args=(plan, prefix),
    )
    cpu_after = process_tree_cpu(server.process.pid)
    rate = sum(client["new_in_window"] for client in clients) / clients[0]["window"]
    counts = {key: sum(client[key] for client in clients) for key in ROUND_COUNTS}
    statuses = {}
    for client in clients:
        for status, count in client["statuses"].items():
            statuses[status] = statuses.get(status, 0) + count
    cpu_ms = None
    if cpu_before is not None and cpu_after is not None:
        cpu_ms = 1000 * (cpu_after - cpu_before) / max(1, counts["requests"])
    cost = "?" if cpu_ms is None else f"{cpu_ms:.1f}"
    log(f"api round {prefix}: {rate:.0f} events/s, {cost} server CPU ms a request; {counts}")
    log(f"api round {prefix}: statuses {statuses}")
    return {
        "rate": rate,
        "server_cpu_ms": cpu_ms,
        "counts": counts,
        "statuses": statuses,
        "clients": clients,
    }


def _raw_round(env, plan, prefix):
    clients = closed_loop(
        insert_rows,
        duration=RAW_SECONDS,
        processes=PROCESSES,
        threads=THREADS,
        args=(env, plan, prefix),
    )
    rate = sum(client["in_window"] for client in clients) / clients[0]["window"]
    log(f"raw round {prefix}: {rate:.0f} inserts/s")
    return rate


def _measure(env, server, plan):
    """API rounds between baseline rounds; ([api round], [raw rates]), warm-up first."""
    warmup = _api_round(server, plan, "w", WARMUP_SECONDS)
    raw = [_raw_round(env, plan, "r0")]
    api = [warmup]
    for number in range(1, ROUNDS + 1):
        api.append(_api_round(server, plan, f"a{number}", API_SECONDS))
        raw.append(_raw_round(env, plan, f"r{number}"))
    return api, raw


def _check_record(api_rounds, record):
    """lost, double_counted (both in events) and the evidence, from the database's record."""
    sent, acknowledged = {}, {}
    for api_round in api_rounds:
        for client in api_round["clients"]:
            for user, ids in client["sent"].items():
                sent.setdefault(str(user), set()).update(ids)
            for user, ids in client["acknowledged"].items():
                acknowledged.setdefault(str(user), set()).update(ids)
    missing = unknown = short_s = excess_s = 0
    for user, stored in record.items():
        ids = set(stored["ids"])
        missing += len(acknowledged.get(user, set()) - ids)
        unknown += len(ids - sent.get(user, set()))
        balance = stored["seconds"] - EVENT_SECONDS * len(ids)
        short_s += max(0, -balance)
        excess_s += max(0, balance)
    evidence = {
        "events_sent": sum(len(ids) for ids in sent.values()),
        "events_acknowledged": sum(len(ids) for ids in acknowledged.values()),
        "events_recorded": sum(len(stored["ids"]) for stored in record.values()),
        "seconds_spent": sum(stored["seconds"] for stored in record.values()),
        "acknowledged_not_recorded": missing,
        "recorded_never_sent": unknown,
        "seconds_short": short_s,
        "seconds_beyond": excess_s,
    }
    return missing + short_s / EVENT_SECONDS, excess_s / EVENT_SECONDS, evidence


def _number(value):
    return int(value) if value == int(value) else round(value, 2)


def _median_or_none(values):
    values = [value for value in values if value is not None]
    return round(statistics.median(values), 1) if values else None


def _profile(env, plan, learner):
    streams = learner_streams(plan, [learner], "profile")
    batches = [streams[0].next_batch() for _ in range(PROFILED_BATCHES)]
    return env.django_call(f"{CONTENT}:profile", learner=learner, batches=batches)


def _errors(api_rounds):
    refused = sum(
        count
        for api_round in api_rounds
        for status, count in api_round["statuses"].items()
        if status != "200"
    )
    return refused + sum(api_round["counts"]["connection_errors"] for api_round in api_rounds)


def _ratios(api_rounds, raw_rates):
    """Each API round against the mean of the baseline rounds just before and after it."""
    return [
        api_round["rate"] / ((raw_rates[number] + raw_rates[number + 1]) / 2)
        for number, api_round in enumerate(api_rounds)
    ]


def _details(env, server, api, raw, ratios, load_before):
    return {
        "budget": BUDGET,
        "definitions": DEFINITIONS,
        "environment": env.describe(),
        "cpus": os.cpu_count(),
        "settings": env.env["DJANGO_SETTINGS_MODULE"],
        "server": f"gunicorn -w {server.workers} --worker-class gthread --threads {server.threads}",
        "server_environ": SERVER_ENVIRON,
        "clients": f"{PROCESSES} processes x {THREADS} threads",
        "learners": LEARNERS,
        "mix": {
            "event_seconds": EVENT_SECONDS,
            "resend_share": RESEND_SHARE,
            "reorder_share": REORDER_SHARE,
            "two_tabs_share": TWO_TABS_SHARE,
        },
        "load_seconds": {"warmup": WARMUP_SECONDS, "api": API_SECONDS, "raw": RAW_SECONDS},
        "load_average_1min": {"before": load_before, "after": load_average()},
        "ratios": [round(value, 3) for value in ratios],
        "events_per_s_each": [round(api_round["rate"], 1) for api_round in api[1:]],
        "inserts_per_s_each": [round(rate, 1) for rate in raw],
        "rounds": [
            {"counts": api_round["counts"], "statuses": api_round["statuses"]} for api_round in api
        ],
    }


def run(env):
    started = time.monotonic()
    env.fresh_database()
    seeded = env.django_call(f"{CONTENT}:seed", learners=LEARNERS + 1, raw_writers=RAW_WRITERS)
    *learners, profiled = seeded["learners"]  # the last one only for the in-process profile
    log(f"seeded {len(learners)} learners and the module in {seeded['seconds']}s")
    env.flush_cache()

    load_before = load_average()
    with Server(env, environ=SERVER_ENVIRON) as server:
        plan = {**seeded, "learners": learners, "host": "127.0.0.1", "port": server.port}
        api, raw = _measure(env, server, plan)
    record = env.django_call(f"{CONTENT}:tally", users=[learner["user"] for learner in learners])
    lost, double_counted, evidence = _check_record(api, record)
    profile = _profile(env, plan, profiled)
    log(f"profile: {profile['queries']} queries, {profile['in_process_ms_per_request']} ms")

    measured = api[1:]  # not the warm-up
    ratios = _ratios(measured, raw)
    ratio, errors = statistics.median(ratios), _errors(api)
    ok = (
        ratio >= BUDGET["ratio"]
        and lost == BUDGET["lost"]
        and double_counted == BUDGET["double_counted"]
        and errors == BUDGET["errors"]
        and evidence["recorded_never_sent"] == 0
    )
    figures = {
        "ratio": f"{ratio:.2f}",
        "events_per_s": round(statistics.mean(api_round["rate"] for api_round in measured)),
        "inserts_per_s": round(statistics.mean(raw)),
        "batch": BATCH,
        "lost": _number(lost),
        "double_counted": _number(double_counted),
        "errors": errors,
        "queries": profile["queries"],
        "server_cpu_ms": _median_or_none(api_round["server_cpu_ms"] for api_round in measured),
        "load": load_before if load_before is None else round(load_before, 1),
    }
    details = _details(env, server, api, raw, ratios, load_before)
    details.update(record=evidence, profile=profile, seconds=round(time.monotonic() - started, 1))
    return Report(NAME, figures, ok, details)
