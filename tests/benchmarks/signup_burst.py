"""Scenario `signup_burst`: 200 people sign up at once for 12 places (ARCHITECTURE.md budgets).

1. PostgreSQL only: the engine serialises sign-ups with SELECT ... FOR UPDATE on the session row,
   which SQLite has not (it queues whole transactions instead); on SQLite the scenario reports
   over-budget and says why.
2. PEOPLE signed-in professionals of Gent (each with a session and CSRF cookie pair made in
   advance) and one intervision session per burst: PLACES places, sign-up opening now, one
   meeting a week ahead.
3. gunicorn with WORKERS x THREADS threads: enough that the requests queue at the session's row
   lock rather than at the socket, few enough that each thread's persistent database connection
   fits under PostgreSQL's max_connections. The sign-ups' messages are queued on the bench Redis
   as in production (nobody consumes them; the queue is counted and emptied after each burst);
   without Redis they would run eagerly into Django's locmem mail backend, never to a mail server.
4. One warm-up burst, then ROUNDS rounds, each on its own fresh session: 200 concurrent GETs of
   /healthz/live (the baseline: what the same server and clients take for a request doing nothing)
   and then the burst: PEOPLE POSTs of the sign-up form, one per person, let go at one moment
   (signup_burst_clients.py). The answer must be the view's redirect to the session's page.
5. The database afterwards, per session: PLACES confirmed, the rest waitlisted, the confirmed
   ones the first in the waiting list's order, that order the order of insertion, one sign-up per
   person. Every burst, the warm-up included, must come out so; the line carries the worst one.
"""

import os
import statistics
import time
from collections import Counter
from urllib.parse import urlsplit

from .harness import (
    Report,
    Server,
    bench_broker,
    load_average,
    log,
    queue_empty,
)
from .signup_burst_clients import PROCESSES, START_DELAY, Request, burst

NAME = "signup_burst"
CONTENT = "tests.benchmarks.signup_burst_content"
PEOPLE, PLACES, ROUNDS = 200, 12, 5
# 60 database connections held by gunicorn's threads (CONN_MAX_AGE keeps one per thread), well
# under PostgreSQL's usual max_connections of 100, with room for the bench's own connections.
WORKERS, THREADS = 2, 30
HOST = "127.0.0.1"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ERROR_LEVEL = 40  # django.contrib.messages.constants.ERROR: the view's refusal
BUDGET = {"confirmed": PLACES, "waitlisted": PEOPLE - PLACES, "errors": 0, "in_order": "yes"}
DEFINITIONS = {
    "confirmed": "sign-ups with status confirmed in the session of the worst burst (all bursts "
    f"must have {PLACES})",
    "waitlisted": "sign-ups with status waitlisted in that session (all bursts must have "
    f"{PEOPLE - PLACES})",
    "errors": "answers of that burst other than a 302 to the session's page: other statuses, "
    "redirects elsewhere (the login page: a refused session), failed connections",
    "in_order": "yes when in every burst the confirmed sign-ups are the first "
    f"{PLACES} by (queued_at, pk) and pk order equals queued_at order",
    "rounds": "measured bursts, each on a fresh session, after one warm-up burst",
    "p95_ms": "median over the rounds of the 95th percentile (nearest rank) of the burst's "
    f"{PEOPLE} latencies: from opening the connection to the last byte of the answer",
    "p95_max_ms": "the highest of those 95th percentiles",
    "p50_ms": "median over the rounds of the median latency",
    "baseline_p95_ms": f"median over the rounds of the 95th percentile of {PEOPLE} concurrent "
    "GETs of /healthz/live, sent the same way to the same server just before the burst",
    "refused (details)": "answers whose messages cookie carries an error (the view's refusal: "
    "a 302 to the session's page all the same)",
    "missing, duplicates, strangers (details)": "people of the burst without a sign-up, extra "
    "sign-ups of one person, sign-ups of anyone else",
    "queued_span_ms (details)": "queued_at of the last sign-up minus that of the first: the "
    "time the lock held the sign-ups in single file",
    "send_spread_ms (details)": "last request sent minus first request sent",
    "in_flight_at_first_answer (details)": "requests already sent when the first answer came",
    "messages_queued (details)": "Celery messages waiting on the broker after the burst (one "
    "per sign-up, sent after its commit)",
}


# --- Requests and answers -----------------------------------------------------------------------


def _signup_requests(seeded, session, port):
    """Each person's POST of the sign-up form, as the session page's button sends it."""
    origin = f"http://{HOST}:{port}"
    return [
        Request(
            "POST",
            session["signup_path"],
            {
                "Cookie": f"{seeded['session_cookie']}={person['session']}; "
                f"{seeded['csrf_cookie']}={person['csrf']}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,  # what a browser sends with a form POST
                "Referer": origin + session["detail_path"],
            },
            f"csrfmiddlewaretoken={person['csrf']}".encode(),
        )
        for person in seeded["people"]
    ]


def _signup_kind(session, login_path):
    def kind(answer):
        if answer["status"] == 0:
            return "connection_failed"
        if answer["status"] != 302:
            return str(answer["status"])
        target = urlsplit(answer["location"] or "").path
        if target == session["detail_path"]:
            return "refused" if (answer["message_level"] or 0) >= ERROR_LEVEL else "ok"
        return "login_page" if target.startswith(login_path) else f"302 to {target}"

    return kind


def _health_kind(answer):
    return "ok" if answer["status"] == 200 else str(answer["status"] or "connection_failed")


def _percentile(values, percent):
    """Nearest rank: the smallest value that `percent` % of the values do not exceed."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * percent // 100))  # ceil in integers: no float drift
    return ordered[rank - 1]


def _summary(answers, kind):
    """Latency percentiles, answers by kind, and how close together the requests went."""
    kinds = Counter(kind(answer) for answer in answers)
    latencies = [answer["ms"] for answer in answers]
    first_answer = min(answer["answered"] for answer in answers)
    sent = [answer["sent"] for answer in answers]
    return {
        "p50_ms": round(_percentile(latencies, 50), 1),
        "p95_ms": round(_percentile(latencies, 95), 1),
        "max_ms": round(max(latencies), 1),
        "answers": dict(kinds),
        "errors": sum(count for name, count in kinds.items() if name not in {"ok", "refused"}),
        "refused": kinds.get("refused", 0),
        "send_spread_ms": round(1000 * (max(sent) - min(sent)), 1),
        "in_flight_at_first_answer": sum(moment < first_answer for moment in sent),
        "failures": [answer for answer in answers if kind(answer) not in {"ok", "refused"}][:5],
    }


# --- The broker ---------------------------------------------------------------------------------


def _server_environ(broker_url):
    # The mail backend matters only without a broker (messages sent eagerly in the request);
    # either way no message leaves the machine.
    environ = {"DJANGO_EMAIL_BACKEND": EMAIL_BACKEND}
    if broker_url:
        environ["CELERY_BROKER_URL"] = broker_url
    return environ


# --- Measurement --------------------------------------------------------------------------------


def _health_burst(server):
    answers = burst(HOST, server.port, [Request("GET", "/healthz/live")] * PEOPLE)
    return _summary(answers, _health_kind)


def _signup_burst(server, seeded, session, broker_url):
    requests = _signup_requests(seeded, session, server.port)
    answers = burst(HOST, server.port, requests)
    summary = _summary(answers, _signup_kind(session, seeded["login_path"]))
    summary["session"] = session["id"]
    summary["messages_queued"] = queue_empty(broker_url, seeded["celery_queue"])
    if summary["errors"]:
        summary["gunicorn_log"] = server.log_tail()
    return summary


def _round(server, seeded, session, broker_url, label):
    baseline = _health_burst(server)
    signups = _signup_burst(server, seeded, session, broker_url)
    log(
        f"{label}: sign-ups p95 {signups['p95_ms']} ms, answers {signups['answers']}, spread "
        f"{signups['send_spread_ms']} ms, {signups['in_flight_at_first_answer']} in flight at "
        f"the first answer; /healthz/live p95 {baseline['p95_ms']} ms; "
        f"{signups['messages_queued']} messages queued"
    )
    return {"label": label, "baseline": baseline, "signups": signups}


def _measure(env, seeded, broker_url):
    """The warm-up burst and ROUNDS measured rounds, each on the next fresh session."""
    sessions = iter(seeded["sessions"])
    with Server(
        env, workers=WORKERS, threads=THREADS, environ=_server_environ(broker_url)
    ) as server:
        queue_empty(broker_url, seeded["celery_queue"])
        rounds = [_round(server, seeded, next(sessions), broker_url, "warm-up")]
        for number in range(1, ROUNDS + 1):
            rounds.append(_round(server, seeded, next(sessions), broker_url, f"round {number}"))
    return rounds


# --- Verdict ------------------------------------------------------------------------------------


def _right(burst_round):
    """Whether one burst came out as the budget says."""
    record, signups = burst_round["record"], burst_round["signups"]
    return (
        record["confirmed"] == BUDGET["confirmed"]
        and record["waitlisted"] == BUDGET["waitlisted"]
        and signups["errors"] == BUDGET["errors"]
        and _in_order(record)
        and not (record["other_statuses"] or record["duplicates"] or record["strangers"])
    )


def _in_order(record):
    return record["confirmed_are_earliest"] and record["pk_order_is_queue_order"]


def _worst(rounds):
    """The burst furthest from the budget: wrong counts and errors first."""

    def distance(burst_round):
        record = burst_round["record"]
        return (
            abs(record["confirmed"] - PLACES)
            + abs(record["waitlisted"] - (PEOPLE - PLACES))
            + burst_round["signups"]["errors"]
            + record["duplicates"]
            + sum(record["other_statuses"].values()),
            not _in_order(record),
        )

    return max(rounds, key=distance)


def _median(rounds, part, key):
    return round(statistics.median(burst_round[part][key] for burst_round in rounds), 1)


def _figures(rounds):
    worst, measured = _worst(rounds), rounds[1:]
    return {
        "confirmed": worst["record"]["confirmed"],
        "waitlisted": worst["record"]["waitlisted"],
        "errors": worst["signups"]["errors"],
        "in_order": "yes" if all(_in_order(r["record"]) for r in rounds) else "no",
        "rounds": len(measured),
        "p95_ms": _median(measured, "signups", "p95_ms"),
        "p95_max_ms": max(burst_round["signups"]["p95_ms"] for burst_round in measured),
        "p50_ms": _median(measured, "signups", "p50_ms"),
        "baseline_p95_ms": _median(measured, "baseline", "p95_ms"),
    }


def _details(env, seeded, rounds, broker_url, load_before, max_connections):
    return {
        "budget": BUDGET,
        "definitions": DEFINITIONS,
        "environment": env.describe(),
        "cpus": os.cpu_count(),
        "settings": env.env["DJANGO_SETTINGS_MODULE"],
        "session_engine": seeded["session_engine"],
        "server": f"gunicorn -w {WORKERS} --worker-class gthread --threads {THREADS}",
        "server_environ": _server_environ(broker_url),
        "database_connections": {
            "postgresql_max_connections": max_connections,
            "gunicorn_threads": WORKERS * THREADS,
            "conn_max_age": seeded["conn_max_age"],
        },
        "celery": f"queued on {broker_url}, nobody consumes it; emptied after each burst"
        if broker_url
        else f"no Redis: messages sent eagerly in the request, into {EMAIL_BACKEND}",
        "clients": f"{PROCESSES} processes x {PEOPLE // PROCESSES} threads, one request each, "
        f"released together {START_DELAY} s after the fork (a barrier per process, then one "
        "shared start time); a new connection per request (Connection: close)",
        "people": PEOPLE,
        "places": PLACES,
        "load_average_1min": {"before": load_before, "after": load_average()},
        "bursts": [
            {
                "label": r["label"],
                "right": _right(r),
                "record": r["record"],
                "signups": r["signups"],
                "baseline": r["baseline"],
            }
            for r in rounds
        ],
    }


def _max_connections(env):
    with env.connect() as connection:
        return int(connection.execute("SHOW max_connections").fetchone()[0])


def _needs_postgresql(env):
    reason = (
        "signup_burst measures SELECT ... FOR UPDATE on the session row under 200 concurrent "
        f"sign-ups, which needs PostgreSQL; this run has {env.database} (PostgreSQL on "
        "127.0.0.1:5432 not reachable, or BENCH_DATABASE set)"
    )
    log(reason)
    # The keys every signup_burst line carries, so that a reader of the line finds them.
    unmeasured = dict.fromkeys(("confirmed", "waitlisted", "errors", "p95_ms"), "n/a")
    figures = {"needs": "postgresql", "database": env.database, **unmeasured}
    return Report(NAME, figures, False, {"budget": BUDGET, "reason": reason})


def run(env):
    if env.database != "postgresql":
        return _needs_postgresql(env)
    started = time.monotonic()
    env.fresh_database()
    seeded = env.django_call(f"{CONTENT}:seed", people=PEOPLE, sessions=ROUNDS + 1, places=PLACES)
    log(f"seeded {PEOPLE} people and {ROUNDS + 1} sessions in {seeded['seconds']}s")
    max_connections = _max_connections(env)
    if max_connections <= WORKERS * THREADS:  # the burst would fail on connections, not locks
        raise RuntimeError(
            f"gunicorn's {WORKERS * THREADS} threads need as many database connections; "
            f"PostgreSQL allows {max_connections}"
        )
    env.flush_cache()
    broker_url = bench_broker()
    load_before = load_average()
    rounds = _measure(env, seeded, broker_url)
    record = env.django_call(
        f"{CONTENT}:tally",
        sessions=[burst_round["signups"]["session"] for burst_round in rounds],
        users=[person["user"] for person in seeded["people"]],
        places=PLACES,
    )
    for burst_round in rounds:
        burst_round["record"] = record[str(burst_round["signups"]["session"])]
    ok = all(_right(burst_round) for burst_round in rounds)
    details = _details(env, seeded, rounds, broker_url, load_before, max_connections)
    details["seconds"] = round(time.monotonic() - started, 1)
    return Report(NAME, _figures(rounds), ok, details)
