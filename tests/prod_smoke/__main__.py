"""`make prod-smoke`: `python -m tests.prod_smoke`; exit status 0 when every check passed."""

import signal
import sys
import time

from tests.waiting import eventually

from .checks import CHECKS, Smoke
from .shape import Shape

START_TIMEOUT = 60  # seconds: only bounds how long we wait for a process that hangs


def main():
    # A SIGTERM (CI cancelling, make interrupted) unwinds like Ctrl-C, through the `finally`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    shape = Shape()
    step = "setting up"
    try:
        _say(started, f"folder {shape.tmp}")
        shape.certificate_make()
        shape.database_create()
        step = "migrate and collectstatic"
        shape.prepare()
        _say(started, "database migrated, static files collected")
        step = "starting"
        shape.start()  # the servers boot while the content is made (they cache nothing yet)
        step = "seeding"
        seeded = shape.django_call("seed")
        step = "starting"
        smoke = Smoke(shape, seeded)
        eventually(
            lambda: _answers(smoke) or _fail_if_exited(shape),
            timeout=START_TIMEOUT,
            interval=0.5,
            message="nginx and gunicorn did not answer /healthz",
        )
        _say(started, "nginx, gunicorn, celery worker and beat are up")
        for name in CHECKS:
            step = name
            _say(started, "ok  " + getattr(smoke, name)())
        gone = shape.exited()
        assert not gone, f"{', '.join(gone)} stopped during the test"
    except (SystemExit, KeyboardInterrupt) as stop:
        print(f"\nprod-smoke interrupted while {step}", file=sys.stderr)
        code = stop.code if isinstance(stop, SystemExit) else 130
    except Exception as error:  # noqa: BLE001 - every failure is reported, then cleaned up
        print(f"\nprod-smoke FAILED while {step}: {error}", file=sys.stderr)
        for name in ("nginx-error", "gunicorn", "worker", "beat"):
            print(f"--- {name} log (tail) ---\n{shape.log_tail(name, 15)}", file=sys.stderr)
        code = 1
    else:
        code = 0
    finally:
        shape.stop()
    verdict = "passed" if code == 0 else "failed"
    _say(started, f"prod-smoke {verdict}; everything stopped and removed")
    return code


def _answers(smoke):
    try:
        return smoke.visitor.get(smoke.url + "/healthz", timeout=5).status_code == 200
    except OSError:
        return False


def _fail_if_exited(shape):
    gone = shape.exited()
    if gone:
        raise RuntimeError(
            f"{', '.join(gone)} stopped at start:\n" + "\n".join(shape.log_tail(n) for n in gone)
        )
    return False


def _say(started, message):
    print(f"[{time.monotonic() - started:5.1f}s] {message}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
