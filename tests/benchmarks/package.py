"""Scenario `package`: export and import a course of 1,000 modules with files (ARCHITECTURE.md
budgets: peak RSS of each under 256 MiB; import time compared with a plain unzip).

1. A fresh database holding one course of MODULES modules, each with a PDF of its own (a few
   of them megabytes, see LARGE_SIZES), stored in a media folder of this scenario.
2. The export as an operator runs it: `manage.py package_export <course id> --output <zip>`,
   in a process of its own.
3. The same archive unpacked by a plain `unzip -q -o` (Python's zipfile when the binary is
   missing) into a scratch folder, UNZIP_ROUNDS times; the median is the baseline.
4. A second fresh database (from the same template) with only a home and a library, and a
   media folder of its own, as a new installation; `manage.py package_import <zip>` into it.
5. The imported course must hold what the source holds: every module live, every module's
   document there, the files' bytes the same (a digest over their SHA-256).

Peak RSS: each command is started by a small, fresh interpreter (package_child.py) that reaps
it with os.wait4, which returns the rusage of that one child; its ru_maxrss is the kernel's
high-water mark of the command's resident memory (KiB on Linux), which no sampling interval
can miss, and includes any process the command itself waited for. The go-between is there
because the kernel carries a parent's peak over an exec: started by this bench process, the
command could not report less than the bench's own peak (see package_child.py); the
go-between's own peak, the least the figure can be, is in the details (floor_mb).
Times are wall-clock seconds of the whole command, Django's start included; `manage.py check`
(a command doing nothing beyond that start) is measured the same way for comparison.
"""

import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import zipfile

from .harness import (
    BENCH_DIR,
    PG_DATABASE,
    PG_HOST,
    PG_PORT,
    PG_TEMPLATE,
    PG_USER,
    ROOT,
    SQLITE_TEMPLATE,
    Report,
    load_average,
    log,
)
from .rss import MIB

NAME = "package"
CONTENT = "tests.benchmarks.package_content"
CHILD = "tests.benchmarks.package_child"
MODULES = 1000
# Module number: size in bytes of its PDF (the others are a few hundred bytes). The largest is
# above the importer's in-memory spool (8 MiB), so both of its paths are taken.
LARGE_SIZES = {250: 2 * MIB, 500: 5 * MIB, 750: 10 * MIB, 1000: 20 * MIB}
UNZIP_ROUNDS = 3
SEED_TIMEOUT = 1800
STEP_TIMEOUT = 1800
ARCHIVE = BENCH_DIR / "package.zip"
UNZIPPED = BENCH_DIR / "package-unzipped"
SOURCE_MEDIA = BENCH_DIR / "package-source-uploads"
TARGET_MEDIA = BENCH_DIR / "package-import-uploads"
TARGET_PG_DATABASE = f"{PG_DATABASE}_import"
TARGET_SQLITE = BENCH_DIR / "package-import.sqlite3"
COMMANDS_DIR = ROOT / "courses" / "management" / "commands"
BUDGET = {"peak_rss_mb": 256, "imported": "ok"}
DEFINITIONS = {
    "peak_rss_mb": "the larger of export_rss_mb and import_rss_mb",
    "export_rss_mb": "ru_maxrss (MiB) of the `manage.py package_export` process, from os.wait4",
    "import_rss_mb": "ru_maxrss (MiB) of the `manage.py package_import` process, from os.wait4",
    "export_s": "wall-clock seconds of the export command, from start to exit",
    "import_s": "wall-clock seconds of the import command, from start to exit",
    "unzip_s": f"median over {UNZIP_ROUNDS} rounds of unpacking the same archive into an empty "
    "folder on the same disk with the tool named in unzip_tool",
    "unzip_ratio": "import_s / unzip_s",
    "unzip_tool": "unzip (the binary, -q -o) or zipfile (Python's ZipFile.extractall)",
    "modules": "live modules of the exported course",
    "files": "files the package carries (its manifest's list)",
    "size_mb": "size of the archive, MiB",
    "imported": "ok when the imported course has as many live modules, each with its document, "
    "and the documents' bytes equal the source's (digest of their SHA-256); else what differs",
    "django_check (details)": "`manage.py check` measured the same way: a command's start-up "
    "(settings, apps, system checks) with no work of its own",
    "floor_mb (details)": "peak RSS of package_child.py when it started the command: the "
    "least the kernel can report for the command (see the module docstring)",
}


# --- Processes ----------------------------------------------------------------------------------


def _with(env, **environ):
    """A copy of the bench environment whose Django processes get these variables as well."""
    other = copy.copy(env)
    other.env = {**env.env, **environ}
    return other


def _manage_command(*args):
    return [sys.executable, "manage.py", *args]


def _measured(env, command, label):
    """Run `command` through package_child.py: its wall seconds, its ru_maxrss from os.wait4,
    and the tail of its output (kept in var/bench/package-<label>.log)."""
    log_path = BENCH_DIR / f"package-{label}.log"
    result_path = BENCH_DIR / f"package-{label}.json"
    result_path.unlink(missing_ok=True)
    go_between = [sys.executable, "-m", CHILD, str(result_path), str(STEP_TIMEOUT), *command]
    with log_path.open("w", encoding="utf-8") as output:
        code = subprocess.run(  # noqa: S603 - our own fixed command
            go_between,
            cwd=ROOT,
            env=env.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=STEP_TIMEOUT + 60,
            check=False,
        ).returncode
    tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    if code != 0 or not result_path.exists():
        raise RuntimeError(f"{' '.join(command[1:4])} failed ({code}):\n{tail}")
    result = json.loads(result_path.read_text(encoding="utf-8"))
    result_path.unlink()
    measured = {
        "command": " ".join(command[1:]),
        "seconds": round(result["seconds"], 2),
        "rss_mb": _mib(result["max_rss_kib"] * 1024),
        "cpu_s": round(result["cpu_s"], 2),
        "floor_mb": _mib((result["floor_kib"] or 0) * 1024),
        "output_tail": tail[-1000:],
    }
    log(f"{label}: {measured['seconds']}s, peak RSS {measured['rss_mb']} MiB")
    return measured


def _mib(size):
    return round(size / MIB, 1)


def _commands_check():
    missing = [
        name
        for name in ("package_export", "package_import")
        if not (COMMANDS_DIR / f"{name}.py").exists()
    ]
    if missing:
        raise RuntimeError(f"management commands missing: {', '.join(missing)}")


# --- The archive and its baseline ---------------------------------------------------------------


def _manifest():
    """The archive's manifest (small: content.json, the large part, is left unread here)."""
    with zipfile.ZipFile(ARCHIVE) as archive:
        return json.loads(archive.read("manifest.json"))


def _unzip_tool():
    return "unzip" if shutil.which("unzip") else "zipfile"


def _unzip_once(tool):
    shutil.rmtree(UNZIPPED, ignore_errors=True)
    started = time.perf_counter()
    if tool == "unzip":
        subprocess.run(  # noqa: S603 - our own fixed command
            ["unzip", "-q", "-o", str(ARCHIVE), "-d", str(UNZIPPED)], check=True
        )
    else:
        with zipfile.ZipFile(ARCHIVE) as archive:
            archive.extractall(UNZIPPED)
    return time.perf_counter() - started


def _unzip_seconds(tool):
    try:
        rounds = [_unzip_once(tool) for _ in range(UNZIP_ROUNDS)]
    finally:
        shutil.rmtree(UNZIPPED, ignore_errors=True)
    log(f"plain {tool}: {', '.join(f'{s:.2f}s' for s in rounds)}")
    return statistics.median(rounds), rounds


# --- The second database ------------------------------------------------------------------------


def _target(env):
    """The environment of the installation the package goes to: its own database and media."""
    if env.database == "postgresql":
        url = f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{TARGET_PG_DATABASE}"
    else:
        url = f"sqlite:///{TARGET_SQLITE}"
    return _with(env, DATABASE_URL=url, DJANGO_MEDIA_ROOT=str(TARGET_MEDIA))


def _target_create(env, target):
    """A fresh, migrated database for `target`: a copy of the harness' template when it is up
    to date (env.fresh_database has just checked or rebuilt it), else migrated from scratch."""
    started = time.monotonic()
    from_template = env._template_label() == env._schema_fingerprint()
    _target_drop(env)
    if env.database == "postgresql":
        template = f' TEMPLATE "{PG_TEMPLATE}"' if from_template else ""
        env._pg(f'CREATE DATABASE "{TARGET_PG_DATABASE}"{template}')
    elif from_template:
        shutil.copyfile(SQLITE_TEMPLATE, TARGET_SQLITE)
    target.manage("migrate", "--no-input", "-v0")
    prepared = target.django_call(f"{CONTENT}:target_prepare")
    log(f"import database ready in {time.monotonic() - started:.1f}s: {prepared}")
    return round(time.monotonic() - started, 1)


def _target_drop(env):
    if env.database == "postgresql":
        env._pg(f'DROP DATABASE IF EXISTS "{TARGET_PG_DATABASE}" WITH (FORCE)')
    else:
        for suffix in ("", "-wal", "-shm"):
            TARGET_SQLITE.with_name(TARGET_SQLITE.name + suffix).unlink(missing_ok=True)


def _cleanup(env):
    """Whatever the run left: the second database, both media folders, the archive. A failure
    here is logged, never hides the run's own."""
    try:
        _target_drop(env)
    except Exception as error:  # noqa: BLE001 - cleaning up must not mask the measurement
        log(f"could not drop the import database: {error}")
    for path in (SOURCE_MEDIA, TARGET_MEDIA, UNZIPPED):
        shutil.rmtree(path, ignore_errors=True)
    ARCHIVE.unlink(missing_ok=True)


# --- Verdict ------------------------------------------------------------------------------------


def _imported(source, target):
    """ok, or what the imported course lacks compared with the source."""
    differences = [
        f"{key}={target.get(key)}/{source[key]}"
        for key in ("modules", "documents", "distinct_files", "missing_files")
        if target.get(key) != source[key]
    ]
    if not differences and target.get("files_digest") != source["files_digest"]:
        differences.append("content_mismatch")
    return ",".join(differences) or "ok"


def _figures(seeded, export, unzip, imported, manifest):
    peak = max(export["rss_mb"], imported["rss_mb"])
    return {
        "peak_rss_mb": peak,
        "export_rss_mb": export["rss_mb"],
        "import_rss_mb": imported["rss_mb"],
        "export_s": export["seconds"],
        "import_s": imported["seconds"],
        "unzip_s": round(unzip["seconds"], 3),
        "unzip_ratio": round(imported["seconds"] / unzip["seconds"], 1),
        "unzip_tool": unzip["tool"],
        "modules": seeded["modules"],
        "files": len(manifest["files"]),
        "size_mb": _mib(ARCHIVE.stat().st_size),
        "imported": imported["check"],
    }


def _manifest_summary(manifest):
    sizes = [entry["size"] for entry in manifest["files"]]
    return {
        "version": manifest["version"],
        "files": len(sizes),
        "files_mb": _mib(sum(sizes)),
        "largest_mb": _mib(max(sizes, default=0)),
        "content_kb": round(manifest["content"]["size"] / 1024, 1),
        "kinds": sorted({entry["kind"] for entry in manifest["files"]}),
    }


def _details(env, seeded, steps, unzip, phases, manifest, target_summary, load_before):
    return {
        "budget": BUDGET,
        "definitions": DEFINITIONS,
        "environment": env.describe(),
        "cpus": os.cpu_count(),
        "settings": env.env["DJANGO_SETTINGS_MODULE"],
        "rss_measurement": "os.wait4 by package_child.py on each command's own process "
        "(ru_maxrss, KiB on Linux)",
        "large_files": {str(number): _mib(size) for number, size in LARGE_SIZES.items()},
        "source": {key: value for key, value in seeded.items() if key != "seconds"},
        "target": target_summary,
        "manifest": _manifest_summary(manifest),
        "steps": steps,
        "unzip_rounds_s": [round(seconds, 3) for seconds in unzip["rounds"]],
        "phases_s": phases,
        "load_average_1min": {"before": load_before, "after": load_average()},
    }


# --- The scenario -------------------------------------------------------------------------------


def _source_seed(env):
    started = time.monotonic()
    env.fresh_database()
    source = _with(env, DJANGO_MEDIA_ROOT=str(SOURCE_MEDIA))
    seeded = source.django_call(
        f"{CONTENT}:seed",
        timeout=SEED_TIMEOUT,
        modules=MODULES,
        large_sizes={str(number): size for number, size in LARGE_SIZES.items()},
    )
    log(
        f"seeded {seeded['modules']} modules with {seeded['documents']} documents "
        f"({seeded['stored_mb']} MiB) in {seeded['seconds']}s"
    )
    return source, seeded, round(time.monotonic() - started, 1)


def _measure(env, source, seeded, phases):
    steps = {"django_check": _measured(source, _manage_command("check"), "check")}
    export_command = _manage_command(
        "package_export", str(seeded["course_id"]), "--output", str(ARCHIVE)
    )
    steps["export"] = _measured(source, export_command, "export")
    manifest = _manifest()
    tool = _unzip_tool()
    median, rounds = _unzip_seconds(tool)
    unzip = {"tool": tool, "seconds": median, "rounds": rounds}
    target = _target(env)
    phases["import_database_s"] = _target_create(env, target)
    env.flush_cache()  # both sites share the bench cache: nothing of the source's may be read
    # Published at once (an administrator's choice), as the check below reads live modules.
    import_command = _manage_command("package_import", str(ARCHIVE), "--publish")
    steps["import"] = _measured(target, import_command, "import")
    started = time.monotonic()
    target_summary = target.django_call(f"{CONTENT}:course_summary", key=seeded["key"])
    phases["import_check_s"] = round(time.monotonic() - started, 1)
    steps["import"]["check"] = _imported(seeded, target_summary)
    return steps, unzip, manifest, target_summary


def run(env):
    _commands_check()
    started = time.monotonic()
    _cleanup(env)  # what a crashed earlier run may have left
    load_before = load_average()
    try:
        source, seeded, seed_seconds = _source_seed(env)
        phases = {
            "source_database_and_generation_s": seed_seconds,
            "generation_s": seeded["seconds"],
        }
        steps, unzip, manifest, target_summary = _measure(env, source, seeded, phases)
        figures = _figures(seeded, steps["export"], unzip, steps["import"], manifest)
    finally:
        _cleanup(env)
    ok = figures["peak_rss_mb"] < BUDGET["peak_rss_mb"] and figures["imported"] == "ok"
    details = _details(env, seeded, steps, unzip, phases, manifest, target_summary, load_before)
    details["seconds"] = round(time.monotonic() - started, 1)
    return Report(NAME, figures, ok, details)
