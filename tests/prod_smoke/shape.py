"""The production shape on 127.0.0.1, started and stopped by the smoke test.

Everything it makes lives in one temporary folder (TLS certificate, nginx configuration and
logs, static files, uploads, beat's schedule) or in the vif_smoke database and Redis database
14, and everything is removed again by `Shape.stop`, which the runner calls in a `finally`.
Each process runs in its own process group, so stopping it stops its children too (gunicorn's
and Celery's workers, nginx's worker).
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import string
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "settings" / "nginx.conf.template"
ACCEL_PREFIX = "/protected-uploads/"
HOST = "127.0.0.1"
HTTPS_PORT = int(os.environ.get("PROD_SMOKE_PORT", "8880"))
APPLICATION_PORT = HTTPS_PORT + 1
DATABASE = os.environ.get("PROD_SMOKE_DATABASE", "vif_smoke")
REDIS_DB = int(os.environ.get("PROD_SMOKE_REDIS_DB", "14"))
POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
RESULT_MARKER = "BENCH-RESULT "  # tests/benchmarks/inproc.py prints its answer after this
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"  # /usr/sbin is not on every user's PATH
STOP_GRACE = 15  # seconds a process has to stop on SIGTERM before it is killed

# The frame around the site's own configuration: a private nginx with its pid, logs and temporary
# files in our folder, never the system's service.
NGINX_MAIN = """\
{user}pid {tmp}/nginx.pid;
error_log {tmp}/logs/nginx-error.log warn;
worker_processes 1;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {tmp}/logs/nginx-access.log;
    client_body_temp_path {tmp}/nginx/body;
    proxy_temp_path {tmp}/nginx/proxy;
    fastcgi_temp_path {tmp}/nginx/fastcgi;
    uwsgi_temp_path {tmp}/nginx/uwsgi;
    scgi_temp_path {tmp}/nginx/scgi;
    include {tmp}/vif-site.conf;
}}
"""


def nginx_site(**values):
    """settings/nginx.conf.template with its @NAME@ placeholders filled in."""
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", str(value))
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise ValueError(f"{TEMPLATE.name}: no value for {', '.join(sorted(set(left)))}")
    return text


class Shape:
    """The processes and data of one smoke run."""

    def __init__(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="vif-prod-smoke-"))
        # nginx's worker runs as www-data when we are root: it must read static files and uploads.
        self.tmp.chmod(0o755)
        self.logs = self.tmp / "logs"
        self.logs.mkdir()
        self.processes = {}
        self.database_created = False
        self.base_url = f"https://{HOST}:{HTTPS_PORT}"
        self.certificate = self.tmp / "tls" / "certificate.pem"
        self.media_root = self.tmp / "uploads"
        self.static_root = self.tmp / "static"
        self.env = self._environment()

    def _environment(self):
        broker = f"redis://{HOST}:6379/{REDIS_DB}"
        env = {
            key: value
            for key, value in os.environ.items()
            # Nothing of the developer's own configuration may leak into the shape.
            if not key.startswith(("DJANGO_", "AWS_", "PAGE_CACHE", "CELERY_"))
            and key not in {"DATABASE_URL", "REDIS_URL", "SITE_URL", "PROTECTED_FILES_ACCEL_PREFIX"}
        }
        alphabet = string.ascii_letters + string.digits
        env.update(
            DJANGO_SETTINGS_MODULE="settings.production",
            DJANGO_SECRET_KEY="".join(secrets.choice(alphabet) for _ in range(64)),
            SITE_URL=self.base_url,
            DJANGO_ALLOWED_HOSTS=HOST,
            DJANGO_TRUSTED_PROXY_COUNT="1",
            DJANGO_VAR_DIR=str(self.tmp / "var"),
            DJANGO_STATIC_ROOT=str(self.static_root),
            DJANGO_MEDIA_ROOT=str(self.media_root),
            PROTECTED_FILES_ACCEL_PREFIX=ACCEL_PREFIX,
            DATABASE_URL=f"postgres://postgres@{HOST}:5432/{DATABASE}",
            REDIS_URL=broker,
            CELERY_BROKER_URL=broker,
            DJANGO_LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        return env

    # Set-up ------------------------------------------------------------------------------------

    def certificate_make(self):
        """A throwaway self-signed certificate for 127.0.0.1; the client trusts this one alone."""
        folder = self.certificate.parent
        folder.mkdir()
        self._run(
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=IP:{HOST}",
            "-keyout", str(folder / "key.pem"), "-out", str(self.certificate),
        )  # fmt: skip

    def database_create(self):
        self._sql(
            f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)', f'CREATE DATABASE "{DATABASE}"'
        )
        self.database_created = True
        self._redis_flush()

    def prepare(self):
        """migrate and collectstatic side by side (they share nothing)."""
        collect = self._spawn("collectstatic", "manage.py", "collectstatic", "--no-input", "-v0")
        self._manage("migrate", "--no-input", "-v0")
        if collect.wait() != 0:
            raise RuntimeError(f"collectstatic failed:\n{self.log_tail('collectstatic')}")
        del self.processes["collectstatic"]

    def django_call(self, function, **arguments):
        """`tests.prod_smoke.django_side:<function>(**arguments)` in Django; its JSON answer."""
        target = f"tests.prod_smoke.django_side:{function}"
        output = self._run(
            sys.executable, "-m", "tests.benchmarks.inproc", target, json.dumps(arguments)
        )
        for line in reversed(output.splitlines()):
            if line.startswith(RESULT_MARKER):
                return json.loads(line[len(RESULT_MARKER) :])
        raise RuntimeError(f"{function} printed no answer:\n{output[-2000:]}")

    # The processes ----------------------------------------------------------------------------

    def start(self):
        bin_dir = Path(sys.executable).parent
        self._spawn(
            "gunicorn",
            str(bin_dir / "gunicorn"), "elearning.wsgi:application",
            "--bind", f"{HOST}:{APPLICATION_PORT}", "--workers", "2",
            "--worker-class", "gthread", "--threads", "4",
            "--access-logfile", str(self.logs / "gunicorn-access.log"),
            "--no-control-socket",  # gunicorn 27 would leave a socket in ~/.gunicorn
        )  # fmt: skip
        self._spawn(
            "worker",
            str(bin_dir / "celery"), "-A", "elearning", "worker", "-l", "info",
            "--concurrency", "2", "--hostname", f"smoke-{os.getpid()}@%h",
        )  # fmt: skip
        self._spawn(
            "beat",
            str(bin_dir / "celery"), "-A", "elearning", "beat", "-l", "info",
            "--schedule", str(self.tmp / "beat-schedule"),
        )  # fmt: skip
        self._nginx_configure()
        self._spawn(
            "nginx",
            NGINX, "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf"),
            "-e", str(self.logs / "nginx-error.log"), "-g", "daemon off;",
        )  # fmt: skip

    def _nginx_configure(self):
        for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.tmp / "nginx" / folder).mkdir(parents=True)
        site = nginx_site(
            LISTEN=f"{HOST}:{HTTPS_PORT}",
            SERVER_NAME=HOST,
            TLS_CERTIFICATE=self.certificate,
            TLS_CERTIFICATE_KEY=self.certificate.parent / "key.pem",
            STATIC_ROOT=self.static_root,
            MEDIA_ROOT=self.media_root,
            APPLICATION=f"{HOST}:{APPLICATION_PORT}",
        )
        (self.tmp / "vif-site.conf").write_text(site, encoding="utf-8")
        user = "user www-data;\n" if os.geteuid() == 0 else ""
        main = NGINX_MAIN.format(user=user, tmp=self.tmp)
        (self.tmp / "nginx.conf").write_text(main, encoding="utf-8")
        self._run(NGINX, "-t", "-q", "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf"),
                  "-e", str(self.logs / "nginx-error.log"))  # fmt: skip

    def exited(self):
        """The names of the processes that ended by themselves."""
        return [name for name, process in self.processes.items() if process.poll() is not None]

    def log_tail(self, name, lines=40):
        path = self.logs / f"{name}.log"
        if not path.exists():
            return "(no log)"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    # Tear-down ---------------------------------------------------------------------------------

    def stop(self):
        """Stop every process (its whole group), drop the database, empty Redis db, remove the
        folder. Runs to the end even when a step fails."""
        # All at once: each may take seconds to finish its work in hand (warm shutdown).
        for process in self.processes.values():
            _group_signal(process, signal.SIGTERM)
        for name, process in self.processes.items():
            if not _group_stop(process):
                print(
                    f"prod-smoke: {name} ignored SIGTERM for {STOP_GRACE} s: killed",
                    file=sys.stderr,
                )
        self.processes.clear()
        if self.database_created:
            try:
                self._sql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
                self._redis_flush()
            except Exception as error:  # noqa: BLE001 - report and carry on cleaning
                print(f"prod-smoke: clean-up: {error}", file=sys.stderr)
        shutil.rmtree(self.tmp, ignore_errors=True)

    # Helpers ----------------------------------------------------------------------------------

    def _spawn(self, name, *command):
        log = (self.logs / f"{name}.log").open("ab")
        # A program of ours is started by the venv's interpreter; others are found on PATH.
        if command[0].endswith(".py"):
            command = (sys.executable, *command)
        process = subprocess.Popen(  # noqa: S603 - our own fixed commands
            command,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stopped with its children
        )
        log.close()
        self.processes[name] = process
        return process

    def _manage(self, *arguments):
        return self._run(sys.executable, "manage.py", *arguments)

    def _run(self, *command):
        result = subprocess.run(  # noqa: S603 - our own fixed commands
            command, cwd=ROOT, env=self.env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command[:4])} failed ({result.returncode}):\n"
                f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
            )
        return result.stdout

    def _sql(self, *statements):
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def query(self, sql, *parameters):
        """Rows of a query on the run's database (a quick look without starting Django)."""
        import psycopg

        url = f"postgresql://postgres@{HOST}:5432/{DATABASE}"
        with psycopg.connect(url, autocommit=True) as connection:
            return connection.execute(sql, parameters).fetchall()

    def _redis_flush(self):
        import redis

        with redis.Redis(host=HOST, port=6379, db=REDIS_DB) as client:
            client.flushdb()


def _group_signal(process, number):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, number)


def _group_stop(process):
    """Wait STOP_GRACE seconds for a process sent SIGTERM, then SIGKILL its group; False if it
    had to be killed."""
    stopped = True
    try:
        process.wait(timeout=STOP_GRACE)
    except subprocess.TimeoutExpired:
        _group_signal(process, signal.SIGKILL)
        process.wait()
        stopped = False
    # Children that outlived their leader (a Celery pool process) are in the same group.
    _group_signal(process, signal.SIGKILL)
    return stopped
