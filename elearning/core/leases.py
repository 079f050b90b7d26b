"""Leases: a claim on a row of background work that lapses unless its worker keeps renewing it.

A worker that takes a job (a recording to transcode, a package to import) writes a token of its
own and an expiry on the job's row. While it works, a keeper thread pushes the expiry forward
every quarter of the lease. A worker killed with -9, or cut off from the database, stops
renewing: within one lease (minutes, not the hours a staleness window would need) the claim has
lapsed, and a redelivered or swept task, or an editor's "process again", takes the job over at
once. The keeper also notices when its claim was taken over (the row no longer carries its
token) and says so, so the worker stops its child processes instead of finishing twice.

A model that is leased has two fields, `lease_token` and `lease_expires_at` (see
`lease_fields`); its services decide in their own transaction when a row may be claimed, with
`lease_free()` as the condition, and write `lease_claim_values()`.

The length comes from `BACKGROUND_LEASE_SECONDS` (two minutes by default). The ordinary test
settings make it long, because a keeper thread's connection cannot see a test's uncommitted rows
and would take an unrenewable row for a lost claim; the fault-injection tests start workers with
a short lease.
"""

import logging
import os
import secrets
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, models
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger(__name__)


def lease_duration():
    return timedelta(seconds=settings.BACKGROUND_LEASE_SECONDS)


def lease_token():
    """A token naming this worker process and this claim: host, process id, a random part."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(6)}"


def lease_fields():
    """The two fields of a leased model, for its `Meta`-less declaration:
    `lease_token, lease_expires_at = lease_fields()`."""
    return (
        models.CharField(max_length=80, blank=True, default="", editable=False),
        models.DateTimeField(null=True, blank=True, editable=False),
    )


def lease_free(now=None):
    """The condition for a row nobody holds: never claimed, released, or lapsed."""
    now = now or timezone.now()
    return Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lte=now)


def lease_held(now=None):
    return ~lease_free(now)


def lease_claim_values(token, now=None):
    """The field values that claim a row for `token` (to write with the job's own update)."""
    return {"lease_token": token, "lease_expires_at": (now or timezone.now()) + lease_duration()}


def lease_renew(model, pk, token):
    """Push the expiry forward; False when the row is gone or another token holds it."""
    renewed = model.objects.filter(pk=pk, lease_token=token).update(
        lease_expires_at=timezone.now() + lease_duration()
    )
    return bool(renewed)


def lease_release_values():
    return {"lease_token": "", "lease_expires_at": None}


def lease_release(model, pk, token):
    """Give the claim up (work finished or handed back): the row is free at once."""
    model.objects.filter(pk=pk, lease_token=token).update(**lease_release_values())


class LeaseKeeper:
    """Renew a lease from a thread of its own while the `with` block works.

    `lost` is set once the claim is gone (another worker took the row over, or it was deleted);
    `on_lost` is then called once, from the keeper's thread (to stop a child process, say). A
    database that cannot be reached for a moment is not a lost claim: the keeper tries again at
    the next beat, and the claim lapses by itself if the trouble lasts a whole lease.
    """

    def __init__(self, model, pk, token, *, on_lost=None):
        self.model = model
        self.pk = pk
        self.token = token
        self.on_lost = on_lost
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-{pk}", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join()
        return False

    def _run(self):
        interval = lease_duration().total_seconds() / 4
        try:
            while not self._stop.wait(interval):
                try:
                    renewed = lease_renew(self.model, self.pk, self.token)
                except DatabaseError:
                    logger.warning("lease of %s %s not renewed this time", self.model, self.pk)
                    close_old_connections()
                    continue
                if not renewed:
                    logger.warning("lease of %s %s lost", self.model.__name__, self.pk)
                    self.lost.set()
                    if self.on_lost is not None:
                        self.on_lost()
                    return
        finally:
            connection.close()  # this thread's own connection
