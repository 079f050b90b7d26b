"""Waiting in tests for what another thread or process brings about (a Celery worker, a server)."""

import time


def eventually(check, *, timeout, interval=0.2, message=None):
    """What `check()` returns once it is truthy; an AssertionError after `timeout` seconds.

    This polls a condition, it is not a timed assertion: `timeout` only bounds how long a test
    waits before it reports a hang, so it is generous and a slow machine merely waits longer.
    `check` runs at least once, and once more at the deadline. `message` (a string, or a
    callable for details known only at failure, such as a log tail) says what did not happen.
    An exception raised by `check` ends the wait at once.
    """
    deadline = time.monotonic() + timeout
    while True:
        answer = check()
        if answer:
            return answer
        if time.monotonic() >= deadline:
            break
        time.sleep(min(interval, max(0.0, deadline - time.monotonic())))
    what = message() if callable(message) else message
    last = repr(answer)
    if len(last) > 200:
        last = last[:200] + "..."
    raise AssertionError(f"{what or 'the condition was not met'} within {timeout} s (last: {last})")
