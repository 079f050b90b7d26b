"""Shared machinery of `make bench`: a throw-away database, a real server, a load generator.

Every scenario runs against the production settings (settings.production), gunicorn and the best
database and cache this machine offers (PostgreSQL and Redis when they answer on 127.0.0.1,
otherwise SQLite and the file cache), all kept under var/bench so the developer's var/db.sqlite3,
cache and static files are never touched. Code that needs Django runs in a subprocess with the
same environment as the server (see `BenchEnvironment.django_call` and inproc.py), so the
benchmark process itself stays free of Django state.

Two things are reused between runs because they take a minute of CPU each and change rarely: the
migrated empty database (a template, see `fresh_database`) and the collected static files (see
`start_collect_static`); both are fingerprinted and rebuilt as soon as anything they depend on
changes. Everything else is made anew: the database is dropped and created each scenario, and
the cache is flushed before each measurement.

A scenario module has `NAME` and `run(env) -> Report`; run.py lists them. Throughput is
measured with `load()` (wrk, or the Python generator in loadgen.py when wrk is missing).
"""

import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.waiting import eventually

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "var" / "bench"
LOG_PATH = BENCH_DIR / "run.log"
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
# Several checkouts may measure on one machine at once: each can name its own database and
# Redis db (BENCH_PG_DATABASE, BENCH_REDIS_DB) so that none drops the other's.
PG_DATABASE = os.environ.get("BENCH_PG_DATABASE", "vif_bench")
PG_TEMPLATE = f"{PG_DATABASE}_template"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "15"))
RESULT_MARKER = "BENCH-RESULT "
SITE_STYLESHEET = "elearning/css/site.css"
STATIC_ROOT = BENCH_DIR / "static"
STATIC_FINGERPRINT = BENCH_DIR / "static-fingerprint"
HELPERS = "tests.benchmarks.django_helpers"
SQLITE_TEMPLATE = BENCH_DIR / "template.sqlite3"
SQLITE_TEMPLATE_LABEL = BENCH_DIR / "template.sqlite3.label"
_verbose = False


# --- Logging: one line per scenario on stdout; progress goes to var/bench/run.log -----------


def set_verbose(value):
    global _verbose
    _verbose = value


def log(message):
    line = f"[{time.strftime('%H:%M:%S')}] {message}"
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    with LOG_PATH.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    if _verbose:
        print(line, file=sys.stderr, flush=True)


@dataclass
class Report:
    """What a scenario found: printed as `bench <name>: k=v ... verdict=...`, saved as JSON."""

    name: str
    figures: dict  # the keys of the printed line, in order (verdict is appended)
    ok: bool
    details: dict = field(default_factory=dict)  # only in the JSON

    @property
    def verdict(self):
        return "ok" if self.ok else "over-budget"

    def line(self):
        pairs = " ".join(f"{key}={value}" for key, value in self.figures.items())
        return f"bench {self.name}: {pairs} verdict={self.verdict}"

    def save(self):
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        data = {"scenario": self.name, **self.figures, "verdict": self.verdict}
        data["details"] = self.details
        path = BENCH_DIR / f"{self.name}.json"
        path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
        return path


# --- Services on this machine --------------------------------------------------------------


def port_open(host, port, timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def postgres_available():
    if not port_open(PG_HOST, PG_PORT):
        return False
    try:
        import psycopg

        with psycopg.connect(_pg_admin_url(), connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means "use SQLite instead"
        return False


def redis_available():
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def bench_broker():
    """The bench Redis as Celery broker, or None (tasks then run eagerly in the request).

    Scenarios whose requests queue background work hand this to their server, as production
    hands it to a Celery worker: nothing consumes the queue during a measurement (queue_empty
    empties it), so a request is measured with the queueing of its task, not with the task.
    """
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}" if redis_available() else None


def queue_empty(broker, queue):
    """Messages waiting in Celery's queue, which is then emptied. Kombu keeps it as a Redis
    list named after the queue, plus one list per priority level other than the default."""
    if broker is None:
        return None
    import redis

    with redis.Redis.from_url(broker) as client:
        lists = [queue, *client.scan_iter(match=f"{queue}\x06\x16*")]
        waiting = sum(client.llen(name) for name in lists)
        client.delete(*lists)
    return waiting


def _pg_admin_url():
    return f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/postgres"


def _redis(*commands):
    """Send commands on one connection (RESP); the list of their one-line replies."""
    payload = b""
    for parts in commands:
        payload += f"*{len(parts)}\r\n".encode()
        for part in parts:
            payload += f"${len(part)}\r\n{part}\r\n".encode()
    with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=5) as sock:
        sock.sendall(payload)
        reply = b""
        while reply.count(b"\r\n") < len(commands):
            chunk = sock.recv(256)
            if not chunk:
                break
            reply += chunk
    return reply.split(b"\r\n")[: len(commands)]


def _read(path):
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def random_secret_key(length=64):
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


# --- The environment: database, cache, static files, settings ------------------------------


class BenchEnvironment:
    """The settings, database and cache every process of one benchmark run shares."""

    def __init__(self):
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        # BENCH_DATABASE=sqlite and BENCH_CACHE=file try the fallbacks on a machine with both.
        use_postgres = os.environ.get("BENCH_DATABASE", "postgresql") == "postgresql"
        self.database = "postgresql" if use_postgres and postgres_available() else "sqlite"
        self.redis = os.environ.get("BENCH_CACHE", "redis") == "redis" and redis_available()
        self.static_collected = False
        self.static_process = None
        self.static_status = None
        if self.database == "postgresql":
            self.database_url = f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DATABASE}"
        else:
            self.database_url = f"sqlite:///{BENCH_DIR / 'db.sqlite3'}"
        env = {
            key: value
            for key, value in os.environ.items()
            # Nothing of the developer's own configuration may leak into the benchmark.
            if not key.startswith(("DJANGO_", "AWS_", "PAGE_CACHE"))
            and key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE="settings.production",
            DJANGO_SECRET_KEY=random_secret_key(),
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            # Production wants an https address; nothing here follows the links it builds.
            SITE_URL="https://127.0.0.1",
            DJANGO_DEBUG="0",
            DJANGO_VAR_DIR=str(BENCH_DIR),
            DJANGO_STATIC_ROOT=str(STATIC_ROOT),
            DJANGO_MEDIA_ROOT=str(BENCH_DIR / "uploads"),
            DATABASE_URL=self.database_url,
            # No Celery worker runs during a benchmark: tasks run eagerly, in the caller.
            CELERY_BROKER_URL="",
            PYTHONUNBUFFERED="1",
        )
        if self.redis:
            env["REDIS_URL"] = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"
        self.env = env

    def describe(self):
        cache = f"redis db {REDIS_DB}" if self.redis else "file cache"
        return f"{self.database} + {cache}"

    # Database ------------------------------------------------------------------------------

    def fresh_database(self):
        """Drop and recreate the benchmark database, then migrate it.

        Migrating from nothing takes 30-60 s here, so the first migrated database is kept as a
        template (PostgreSQL: vif_bench_template; SQLite: a copy of the file), labelled with a
        fingerprint of every migration, the settings and the installed packages. When the label
        still matches, the new database is copied from it and `migrate` has nothing left to do.
        """
        started = time.monotonic()
        fingerprint = self._schema_fingerprint()
        from_template = self._template_label() == fingerprint
        if self.database == "postgresql":
            template = f' TEMPLATE "{PG_TEMPLATE}"' if from_template else ""
            self._pg(
                # FORCE ends connections left over by a crashed earlier run.
                f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)',
                f'CREATE DATABASE "{PG_DATABASE}"{template}',
            )
        else:
            for suffix in ("", "-wal", "-shm"):
                (BENCH_DIR / f"db.sqlite3{suffix}").unlink(missing_ok=True)
            if from_template:
                shutil.copyfile(SQLITE_TEMPLATE, BENCH_DIR / "db.sqlite3")
        created = time.monotonic()
        self.manage("migrate", "--no-input", "-v0")
        log(f"migrate: {time.monotonic() - created:.1f}s")
        if not from_template:
            self._save_template(fingerprint)
        source = "from the template" if from_template else "migrated from scratch"
        log(f"fresh {self.database} database {source} in {time.monotonic() - started:.1f}s")

    def _schema_fingerprint(self):
        digest = hashlib.sha256(self.env["DJANGO_SETTINGS_MODULE"].encode())
        files = [ROOT / "requirements.lock", *sorted((ROOT / "settings").glob("*.py"))]
        for top in sorted(ROOT.iterdir()):  # the project's apps, not .venv, var or .git
            if top.is_dir() and not top.name.startswith((".", "var", "node_modules")):
                files += sorted(top.glob("**/migrations/*.py"))
        for path in files:
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(_read(path).encode() if path.exists() else b"-")
        site_packages = Path(sysconfig.get_paths()["purelib"])
        for name in sorted(path.name for path in site_packages.glob("*.dist-info")):
            digest.update(name.encode())
        return digest.hexdigest()

    def _template_label(self):
        if os.environ.get("BENCH_NO_DB_TEMPLATE"):
            return None
        if self.database == "postgresql":
            import psycopg

            with psycopg.connect(_pg_admin_url(), autocommit=True) as connection:
                row = connection.execute(
                    "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                    "WHERE datname = %s",
                    [PG_TEMPLATE],
                ).fetchone()
            return row[0] if row else None
        return _read(SQLITE_TEMPLATE_LABEL) if SQLITE_TEMPLATE.exists() else None

    def _save_template(self, fingerprint):
        if self.database == "postgresql":
            self._pg(
                f'DROP DATABASE IF EXISTS "{PG_TEMPLATE}" WITH (FORCE)',
                f'CREATE DATABASE "{PG_TEMPLATE}" TEMPLATE "{PG_DATABASE}"',
                f"COMMENT ON DATABASE \"{PG_TEMPLATE}\" IS '{fingerprint}'",
            )
        else:
            shutil.copyfile(BENCH_DIR / "db.sqlite3", SQLITE_TEMPLATE)
            SQLITE_TEMPLATE_LABEL.write_text(fingerprint, encoding="utf-8")

    def connect(self):
        """A plain DB-API connection to the benchmark database in autocommit, for baselines
        measured without Django; its parameter placeholder is `self.placeholder`."""
        if self.database == "postgresql":
            import psycopg

            return psycopg.connect(self.database_url, autocommit=True)
        import sqlite3

        connection = sqlite3.connect(BENCH_DIR / "db.sqlite3", timeout=20, isolation_level=None)
        connection.execute("PRAGMA synchronous=NORMAL")  # as settings/base.py has Django's
        return connection

    @property
    def placeholder(self):
        return "%s" if self.database == "postgresql" else "?"

    def _pg(self, *statements):
        import psycopg

        with psycopg.connect(_pg_admin_url(), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def check_static(self):
        """Production settings must find the site's own stylesheet, or every page fails."""
        if self.static_status is None:
            self.static_status = self._static_status()
            if not self.static_status["found"]:
                raise RuntimeError(
                    f"{self.env['DJANGO_SETTINGS_MODULE']} does not find {SITE_STYLESHEET}: "
                    "with the manifest storage every page would fail (STATICFILES_DIRS?)"
                )

    def _static_status(self):
        return self.django_call(f"{HELPERS}:static_status", name=SITE_STYLESHEET)

    def start_collect_static(self):
        """Start collectstatic in the background (it needs no database); see wait_static.

        Skipped when var/bench/static was collected from exactly the same files and settings
        (collectstatic post-processes and compresses every file again: ~25 s of CPU).
        """
        self.check_static()
        if self.static_process is not None or self.static_collected:
            return
        fingerprint = self.static_status["fingerprint"]
        if (
            not os.environ.get("BENCH_COLLECTSTATIC")
            and (STATIC_ROOT / "staticfiles.json").exists()
            and _read(STATIC_FINGERPRINT) == fingerprint
        ):
            self.static_collected = True
            log("static files unchanged since the last collectstatic: kept")
            return
        STATIC_FINGERPRINT.unlink(missing_ok=True)
        self.static_started = time.monotonic()
        self.static_process = subprocess.Popen(  # noqa: S603 - our own fixed command
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def wait_static(self):
        self.start_collect_static()
        if self.static_process is None:
            return
        output, _ = self.static_process.communicate(timeout=600)
        code, self.static_process = self.static_process.returncode, None
        if code != 0:
            raise RuntimeError(f"collectstatic failed ({code}):\n{output[-3000:]}")
        STATIC_FINGERPRINT.write_text(self.static_status["fingerprint"], encoding="utf-8")
        self.static_collected = True
        log(f"collectstatic in {time.monotonic() - self.static_started:.1f}s")

    def close(self):
        if self.static_process is not None and self.static_process.poll() is None:
            self.static_process.kill()
            self.static_process.wait()

    def flush_cache(self):
        """Empty the shared cache (the page cache, navigation, themes) before a measurement."""
        if self.redis:
            replies = _redis(("SELECT", str(REDIS_DB)), ("FLUSHDB",))
            if replies != [b"+OK", b"+OK"]:
                raise RuntimeError(f"Redis FLUSHDB failed: {replies!r}")
        else:
            shutil.rmtree(BENCH_DIR / "cache", ignore_errors=True)

    # Django in a subprocess ------------------------------------------------------------------

    def manage(self, *args, timeout=600):
        return self._run([sys.executable, "manage.py", *args], timeout=timeout)

    def django_call(self, target, timeout=600, **kwargs):
        """Call `module:function(**kwargs)` inside Django (settings as the server); its JSON."""
        command = [sys.executable, "-m", "tests.benchmarks.inproc", target, json.dumps(kwargs)]
        output = self._run(command, timeout=timeout)
        for line in reversed(output.splitlines()):
            if line.startswith(RESULT_MARKER):
                return json.loads(line[len(RESULT_MARKER) :])
        raise RuntimeError(f"{target} printed no result:\n{output[-2000:]}")

    def _run(self, command, timeout):
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command[1:3])} failed ({result.returncode}):\n"
                f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
            )
        if result.stderr.strip():
            log(f"{' '.join(command[1:3])} stderr: {result.stderr.strip()[-1000:]}")
        return result.stdout


# --- The server ------------------------------------------------------------------------------


class Server:
    """gunicorn as in production (2 workers of 4 threads), stopped whatever happens.

    `environ` adds variables for this server only (a limit the scenario lifts, say).
    """

    def __init__(self, env, workers=2, threads=4, environ=None):
        self.env = env
        self.environ = environ or {}
        self.port = free_port()
        self.workers, self.threads = workers, threads
        self.process = None
        self.log_path = BENCH_DIR / "gunicorn.log"

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def start(self):
        script = Path(sys.executable).with_name("gunicorn")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "gunicorn"]
        command += [
            "elearning.wsgi:application",
            "-b",
            f"127.0.0.1:{self.port}",
            "-w",
            str(self.workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(self.threads),
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.log_path),
        ]
        self.log_path.unlink(missing_ok=True)
        self.process = subprocess.Popen(  # noqa: S603 - our own fixed command
            command,
            cwd=ROOT,
            env={**self.env.env, **self.environ},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        eventually(
            self.healthy,
            timeout=60,
            message=lambda: f"gunicorn did not answer /healthz/live:\n{self.log_tail()}",
        )
        log(f"gunicorn ready on port {self.port} (pid {self.process.pid})")

    def healthy(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited early:\n{self.log_tail()}")
        try:
            status, _headers, body = http_get(self.base_url + "/healthz/live", timeout=2)
        except OSError:
            return False
        return status == 200 and body == b"ok"

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        # The master ends its workers on SIGTERM; its process group is ours (start_new_session).
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        log("gunicorn stopped")

    def log_tail(self, chars=3000):
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return "(no gunicorn log)"


def http_get(url, headers=None, timeout=10):
    """(status, headers, body) of one GET, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


# --- Load -----------------------------------------------------------------------------------


@dataclass
class LoadResult:
    tool: str
    duration: float
    ok: int  # 200 responses
    other: int  # any other status
    errors: int  # connection errors and timeouts
    matched: int | None = None  # responses that carried the expected header, when asked

    @property
    def rps(self):
        return self.ok / self.duration if self.duration else 0.0


WRK_THREADS, WRK_CONNECTIONS = 2, 16
# Counts the responses whose header has the expected value, summed over wrk's threads.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) matched = 0 end
function response(status, headers, body)
  if headers[EXPECT_NAME] == EXPECT_VALUE then matched = matched + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("matched") end
  io.write(string.format("matched: %d\\n", total))
end
"""


def load(url, duration, headers=None, expect=None):
    """Requests/s of 200 answers over `duration` s: wrk when installed, else loadgen.py.

    expect=(name, value) also counts the answers that carry that header (LoadResult.matched).
    BENCH_NO_WRK=1 forces the Python generator.
    """
    headers = headers or {}
    if shutil.which("wrk") and not os.environ.get("BENCH_NO_WRK"):
        result = _wrk(url, duration, headers, expect)
    else:
        from .loadgen import generate

        counts = generate(url, duration=duration, headers=headers, expect=expect)
        result = LoadResult("python", counts["duration"], **counts["counts"])
    matched = "" if result.matched is None else f", {result.matched} with {expect[0]}"
    log(
        f"load {url} {headers or ''}: {result.rps:.1f} req/s ({result.ok} ok{matched}, "
        f"{result.other} other, {result.errors} errors, {result.tool})"
    )
    return result


def _wrk(url, duration, headers, expect):
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{duration}s"]
    command += ["--timeout", "10s"]  # slow pages queue behind 16 connections: not errors
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if expect:
        script = BENCH_DIR / "wrk-expect.lua"
        name, value = expect
        script.write_text(
            f"EXPECT_NAME = {json.dumps(name)}\nEXPECT_VALUE = {json.dumps(value)}\n" + WRK_SCRIPT,
            encoding="utf-8",
        )
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    total = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)\b", output)
    if total is None:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    requests = int(total.group(1))
    seconds = float(total.group(2)) * {"ms": 0.001, "s": 1.0, "m": 60.0}[total.group(3)]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    other = int(non_2xx.group(1)) if non_2xx else 0
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    matched = re.search(r"matched: (\d+)", output)
    # wrk counts 3xx as success: the caller checks the status of the URL before loading it.
    return LoadResult(
        "wrk", seconds, requests - other, other, errors, int(matched.group(1)) if matched else None
    )


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def process_tree_cpu(pid):
    """CPU seconds (user + system) used so far by a process and its live descendants (Linux;
    None elsewhere): what gunicorn's workers spent, whatever else the machine was doing."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    children, used = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # After the ")" closing the command name: state, ppid, ... utime (12th), stime.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended meanwhile
        process = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(process)
        used[process] = (int(fields[11]) + int(fields[12])) / ticks
    if pid not in used:
        return None
    total, pending = 0.0, [pid]
    while pending:
        process = pending.pop()
        total += used.get(process, 0.0)
        pending.extend(children.get(process, []))
    return total
