"""`python -m tests.benchmarks.run [all|SCENARIO ...] [-v]`: measure the performance budgets.

Prints one line per scenario (`bench <name>: key=value ... verdict=ok|over-budget`) and writes
the same figures to var/bench/<name>.json. Exits 0 when every scenario ran, whatever its
verdict (an over-budget figure is a report, not a crash), 1 when a scenario crashed and 2 for an
unknown scenario name. Progress goes to var/bench/run.log (and to stderr with -v).

Environment switches, for trying the fallbacks on a machine that has everything:
BENCH_DATABASE=sqlite, BENCH_CACHE=file, BENCH_NO_WRK=1 (the Python load generator),
BENCH_COLLECTSTATIC=1 (collect even when unchanged), BENCH_NO_DB_TEMPLATE=1 (migrate from
scratch). BENCH_PG_DATABASE and BENCH_REDIS_DB (default vif_bench and 15) name the database and
Redis db, for two checkouts measuring on one machine at once.

A scenario is a module of this package with NAME and run(env) -> harness.Report; add it to
SCENARIOS below (in the order `all` runs them).
"""

import importlib
import sys
import time
import traceback

from . import harness

SCENARIOS = {
    "pages": "tests.benchmarks.pages",
    "heartbeat": "tests.benchmarks.heartbeat",
    "signup_burst": "tests.benchmarks.signup_burst",
    "search": "tests.benchmarks.search",
    "upload": "tests.benchmarks.upload",
    "package": "tests.benchmarks.package",
    "reports": "tests.benchmarks.reports",
    "relevance": "tests.benchmarks.relevance",
}


def usage(stream):
    names = ", ".join(SCENARIOS)
    print(f"usage: python -m tests.benchmarks.run [all|{'|'.join(SCENARIOS)}] [-v]", file=stream)
    print(f"scenarios: all, {names}", file=stream)


def main(argv):
    verbose = "-v" in argv or "--verbose" in argv
    names = [arg for arg in argv if arg not in {"-v", "--verbose"}] or ["all"]
    if names in (["-h"], ["--help"]):
        usage(sys.stdout)
        return 0
    if "all" in names:
        names = list(SCENARIOS)
    unknown = [name for name in names if name not in SCENARIOS]
    if unknown:
        print(f"unknown scenario: {', '.join(unknown)}", file=sys.stderr)
        usage(sys.stderr)
        return 2

    harness.set_verbose(verbose)
    harness.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    harness.LOG_PATH.write_text("", encoding="utf-8")
    env = harness.BenchEnvironment()
    harness.log(f"environment: {env.describe()}; scenarios: {', '.join(names)}")
    crashed = []
    try:
        for name in names:
            if not _run_scenario(env, name):
                crashed.append(name)
    finally:
        env.close()
    return 1 if crashed else 0


def _run_scenario(env, name):
    """Run, print and save one scenario; False when it crashed."""
    started = time.monotonic()
    (harness.BENCH_DIR / f"{name}.json").unlink(missing_ok=True)  # no stale figures on a crash
    try:
        report = importlib.import_module(SCENARIOS[name]).run(env)
    except Exception:  # noqa: BLE001 - report the crash, go on with the next scenario
        harness.log(f"{name} crashed:\n{traceback.format_exc()}")
        print(f"bench {name}: crashed (see {harness.LOG_PATH})", flush=True)
        traceback.print_exc(file=sys.stderr)
        return False
    path = report.save()
    harness.log(f"{name} done in {time.monotonic() - started:.0f}s; figures in {path}")
    print(report.line(), flush=True)
    return True


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
