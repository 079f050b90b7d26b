"""Scenario `reports`: the report dashboards as the data grows (ARCHITECTURE.md budget: the
same query count over 20,000 learners as over 10).

1. A course of 10 modules with 10 learners: every dashboard (overview, course, course for one
   municipality, municipalities, a download) rendered in-process for an editor, the SPOC of
   Eeklo and the course's trainer: queries of one rendering, median render time.
2. Grown to 20,000 learners (200,000 progress rows, evaluations, intervision attendance): the
   same again. The query counts must not have moved; the render times are reported.
"""

import time

from .harness import Report, log

NAME = "reports"
CONTENT = "tests.benchmarks.reports_content"
SMALL, LARGE = 10, 20_000


def _worst(measured, key):
    return max(page[key] for person in measured.values() for page in person.values())


def run(env):
    started = time.monotonic()
    env.start_collect_static()  # the admin's pages need their static files' manifest
    env.fresh_database()
    small = env.django_call(f"{CONTENT}:seed", learners=SMALL)
    log(f"seeded {SMALL} learners in {small['seconds']}s")
    env.wait_static()
    measured_small = env.django_call(f"{CONTENT}:measure", urls=small)
    large = env.django_call(f"{CONTENT}:grow", learners=LARGE, timeout=1800)
    log(f"grew to {LARGE} learners in {large['seconds']}s")
    rows = env.django_call(f"{CONTENT}:counts")
    measured_large = env.django_call(f"{CONTENT}:measure", urls=large)
    same = all(
        measured_small[person][name]["queries"] == measured_large[person][name]["queries"]
        for person in measured_small
        for name in measured_small[person]
    )
    statuses_ok = all(
        page["status"] == 200 for person in measured_large.values() for page in person.values()
    )
    figures = {
        "queries_small": _worst(measured_small, "queries"),
        "queries_large": _worst(measured_large, "queries"),
        "render_ms_small": _worst(measured_small, "ms"),
        "render_ms_large": _worst(measured_large, "ms"),
        "learners": rows["learners"],
        "progress_rows": rows["progress_rows"],
        "same_per_dashboard": "yes" if same else "no",
    }
    details = {
        "environment": env.describe(),
        "settings": env.env["DJANGO_SETTINGS_MODULE"],
        "rows": rows,
        "small": measured_small,
        "large": measured_large,
        "seconds": round(time.monotonic() - started, 1),
    }
    counted = figures["queries_small"] > 0  # nothing counted is a broken measurement
    return Report(NAME, figures, same and statuses_ok and counted, details)
