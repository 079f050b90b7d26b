"""Watching Celery retry a task: the countdowns it schedules, as the task's policy asks."""

import contextlib

from celery.signals import task_retry


@contextlib.contextmanager
def retries_recorded(task):
    """The countdowns (seconds) of the retries Celery schedules for `task` while inside.

    Run the task with `.apply()`: Celery follows each retry at once in this thread and reports
    the countdown it would have given a worker. Eager errors do not propagate while inside (they
    would stop at the first retry): `.apply()` returns the last attempt's result, whose `.get()`
    raises the error the task ended with, as a worker would record it.
    """
    countdowns = []

    def record(sender=None, reason=None, **kwargs):
        if sender.name == task.name:
            countdowns.append(reason.when)

    conf = task.app.conf
    propagates = conf.task_eager_propagates
    conf.task_eager_propagates = False
    task_retry.connect(record, weak=False)
    try:
        yield countdowns
    finally:
        task_retry.disconnect(record)
        conf.task_eager_propagates = propagates
