"""Starting background work from a service without importing the task module.

A task module imports its service; the service names the task it starts by its registered
name (`"<app_label>.<noun>_<verb>"`), so no import runs the other way and no cycle forms.
"""

from celery import current_app

from django.db import transaction


def task_enqueue_on_commit(name, *args, robust=True):
    """Enqueue the task registered as `name` with `args` once the current transaction commits.

    With `robust`, an unreachable broker is logged and the caller's request still succeeds: the
    task's sweep or a second attempt picks the work up. The task is looked up in the Celery app
    and started with `.delay`, not `send_task`: `.delay` honours CELERY_TASK_ALWAYS_EAGER (the
    embedded run and the SQLite tests run the task in place), and tests can replace it.
    """
    transaction.on_commit(lambda: task_registered(name).delay(*args), robust=robust)


def task_registered(name):
    """The task registered as `name`. A web process imports task modules only when something
    asks for them (the worker at start): finding none, this asks Celery's autodiscovery."""
    tasks = current_app.tasks
    if name not in tasks:
        current_app.loader.import_default_modules()
    return tasks[name]
