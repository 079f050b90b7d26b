"""Claims on the export and import jobs of course packages: a run claims its row with a lease
(elearning/core/leases.py), writes its outcome only while that claim still holds, and hands the
job back on a problem of the moment. services.py runs the jobs; the sweep (sweep.py) starts again
the ones whose lease lapsed; tasks.py retries TRANSIENT_ERRORS up to ATTEMPTS_MAX runs.
"""

import logging

import botocore.exceptions

from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import JobStatus, PackageImport
from elearning.core.leases import (
    lease_claim_values,
    lease_free,
    lease_release,
    lease_release_values,
)

logger = logging.getLogger(__name__)

ATTEMPTS_MAX = 5  # runs of one export or import that may stop on a technical problem
# Problems of the moment, not of the package: the database or the object storage out of reach.
# The task tries again later (tasks.py); a refused package is never one of them.
TRANSIENT_ERRORS = (
    OperationalError,
    InterfaceError,
    ConnectionError,
    botocore.exceptions.ConnectionError,
    botocore.exceptions.HTTPClientError,
)


def job_claim(model, pk, token, *, statuses):
    """Claim a job that nobody holds: waiting (`statuses`), or running with a lapsed lease.

    Returns the row, or None. A job that stopped on technical problems ATTEMPTS_MAX times
    ends failed here."""
    with transaction.atomic():
        row = (
            model.objects.select_for_update()
            .filter(pk=pk, status__in=(*statuses, JobStatus.RUNNING))
            .filter(lease_free())
            .first()
        )
        if row is None:
            return None
        if row.attempts >= ATTEMPTS_MAX:
            job_fail(row, token=None)
            return None
        values = {**lease_claim_values(token), "status": JobStatus.RUNNING}
        values["attempts"] = row.attempts + 1
        model.objects.filter(pk=pk).update(**values)
        for name, value in values.items():
            setattr(row, name, value)
    return row


def job_finish(model, pk, token, **values):
    """Write a run's outcome and give its claim up, if the claim still holds (in the caller's
    transaction: with the work itself). False when the run was taken over or its lease lapsed:
    then the run that holds the job now writes the outcome."""
    held = model.objects.filter(pk=pk)
    if token is not None:  # None: a job given up as it was claimed (ATTEMPTS_MAX), under lock
        held = held.filter(lease_token=token, lease_expires_at__gt=timezone.now())
    return bool(held.update(**values, **lease_release_values(), finished_at=timezone.now()))


def job_problem(row, token, *, transient=False, problem=""):
    """A run stopped on an error. A problem of the moment (TRANSIENT_ERRORS) hands the job back
    for the task's next try, until ATTEMPTS_MAX; anything else fails it."""
    try:
        if transient and row.attempts < ATTEMPTS_MAX:
            lease_release(type(row), row.pk, token)
        else:
            job_fail(row, token=token, problem=problem)
    except TRANSIENT_ERRORS:  # the database is out of reach: the lease lapses by itself
        logger.warning("could not record the problem of %s %s", type(row).__name__, row.pk)


def job_fail(row, *, token, problem=""):
    values = {"status": JobStatus.FAILED, "problem": problem or _technical_problem(row)}
    if isinstance(row, PackageImport):
        return import_finish(row, token, **values)
    return job_finish(type(row), row.pk, token, **values)


def _technical_problem(row):
    if isinstance(row, PackageImport):
        return _("The import stopped on a technical problem; nothing was changed. Try again later.")
    return _("The export stopped on a technical problem. Ask for it again later.")


def import_finish(package_import, token, **values):
    """Record an import's outcome (as `job_finish`) and delete its upload once that is committed."""
    finished = job_finish(PackageImport, package_import.pk, token, file="", **values)
    if finished and package_import.file:
        name, storage = package_import.file.name, package_import.file.storage
        transaction.on_commit(lambda: storage.delete(name))
    return finished
