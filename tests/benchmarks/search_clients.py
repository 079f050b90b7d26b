"""The search scenario's clients: closed loops of timed requests (see loadgen.closed_loop), and
the latency figures made of what they measured.

A sample is (query index, milliseconds, status, finished at): status 200, another HTTP status,
or 0 for a failed connection (for the SQL clients: 200 or 0); finished at is time.time(). Each
client goes through the queries in whole cycles, from a starting point of its own, and ends
with the first cycle it completes after the round's time is up (so a round may run over by up
to one cycle): every query is asked exactly as often as the others, however slow some are.
"""

import http.client
import time

from .loadgen import closed_loop

HOST = "127.0.0.1"
# loadgen waits for its clients two minutes past a round's seconds: a client stops its last
# cycle unfinished when a server is slower than that.
OVERRUN_SECONDS = 100


def http_round(port, paths, seconds, processes, threads):
    """Every client's samples of GET paths for `seconds` (whole cycles), kept-alive."""
    return _round(_get_loop, seconds, processes, threads, (HOST, port, paths))


def sql_round(env, sql, arguments, seconds, processes, threads):
    """Every client's samples of the SQL with each query's arguments, one connection each."""
    return _round(_sql_loop, seconds, processes, threads, (env, sql, arguments))


def _round(work, seconds, processes, threads, args):
    clients = closed_loop(
        work,
        duration=seconds,
        processes=processes,
        threads=threads,
        args=(seconds + OVERRUN_SECONDS, *args),
    )
    return [sample for client in clients for sample in client]


def _cycles(slot, slots, start_at, end_at, limit, count, ask):
    """Call ask(index) -> status for the indexes 0..count-1 in whole cycles; the samples."""
    samples, first = [], slot * count // slots
    asked = 0
    while time.time() < end_at or asked % count:
        if time.time() > start_at + limit:
            break  # a server that stopped answering in time: the samples so far
        index = (first + asked) % count
        started = time.perf_counter()
        status = ask(index)
        samples.append((index, 1000 * (time.perf_counter() - started), status, time.time()))
        asked += 1
    return samples


def _get_loop(slot, slots, start_at, end_at, limit, host, port, paths):
    """GET the paths (the connection reopens by itself after a close)."""
    connection = http.client.HTTPConnection(host, port, timeout=30)

    def ask(index):
        try:
            connection.request("GET", paths[index])
            response = connection.getresponse()
            response.read()
            if response.will_close:
                connection.close()
            return response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            return 0

    try:
        return _cycles(slot, slots, start_at, end_at, limit, len(paths), ask)
    finally:
        connection.close()


def _sql_loop(slot, slots, start_at, end_at, limit, env, sql, arguments):
    """The SQL with each query's arguments, from one connection in autocommit."""
    import psycopg

    with env.connect() as connection:

        def ask(index):
            try:
                connection.execute(sql, arguments[index]).fetchall()
                return 200
            except psycopg.Error:
                return 0

        return _cycles(slot, slots, start_at, end_at, limit, len(arguments), ask)


def percentile(values, percent):
    """Nearest rank: the smallest value that `percent` % of the values do not exceed."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, -(-len(ordered) * percent // 100))
    return ordered[rank - 1]


def summary(samples, rate=False):
    """Requests, errors and latency percentiles of samples; rate=True (samples of one round):
    the round's seconds from the first request to the last answer, and requests/s."""
    latencies = [sample[1] for sample in samples]
    figures = {
        "requests": len(samples),
        "errors": sum(sample[2] != 200 for sample in samples),
        "p50_ms": rounded(percentile(latencies, 50)),
        "p95_ms": rounded(percentile(latencies, 95)),
        "max_ms": rounded(max(latencies, default=None)),
    }
    if rate and samples:
        first = min(finished - ms / 1000 for _index, ms, _status, finished in samples)
        seconds = max(sample[3] for sample in samples) - first
        figures.update(seconds=rounded(seconds), per_s=rounded(len(samples) / seconds))
    return figures


def rounded(value, digits=1):
    return None if value is None else round(value, digits)
