"""The signup_burst scenario's work inside Django (run through inproc.py, never imported by run.py).

Seed: professionals of Gent (care sector, all of one organisation, so every rule of the engine
lets them in), each signed in, and intervision sessions whose sign-up opens now, one per burst.
Tally: what each session's sign-ups are afterwards, in the waiting list's own order.
"""

import time
from collections import Counter
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import transaction
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import get_random_string

LANGUAGE = "nl"  # the sign-up URL lives under the language prefix
MEETING_IN = timedelta(days=7)
MEETING_HOURS = 2


def _signed_in(user):
    """A session as django.contrib.auth.login leaves it, in the server's own session engine,
    and a CSRF secret (the unmasked value is accepted as cookie and as form field alike)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    csrf = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
    return {"user": user.pk, "session": session.session_key, "csrf": csrf}


def _professionals(count):
    from elearning.accounts.models import User
    from elearning.core.models import Municipality, Sector

    gent = Municipality.objects.get(name="Gent")
    care = Sector.objects.get(code=Sector.Code.CARE)
    return User.objects.bulk_create(
        User(
            email=f"burst{number}@example.org",
            password="!",  # unusable: they only ever arrive with a session
            municipality=gent,
            sector=care,
            organisation="CAW Oost-Vlaanderen",
        )
        for number in range(count)
    )


def _session(places, now, number):
    """Sign-up opens now; one meeting a week ahead; the cut-off two days before it."""
    from elearning.intervision.models import IntervisionSession, Meeting

    starts = (now + MEETING_IN).replace(second=0, microsecond=0)
    session = IntervisionSession.objects.create(
        title=f"Intervisie casusbespreking {number}",
        address="Stadhuis, Botermarkt 1, 9000 Gent",
        max_places=places,
        signup_opens_at=now,
        signup_closes_at=starts - timedelta(hours=1),
        cancellation_cutoff_at=starts - timedelta(days=2),
    )
    Meeting.objects.create(
        session=session, starts_at=starts, ends_at=starts + timedelta(hours=MEETING_HOURS)
    )
    return session


def _paths(session):
    with translation.override(LANGUAGE):
        return {
            "id": session.pk,
            "signup_path": reverse("intervision:signup_create", args=[session.pk]),
            "detail_path": reverse("intervision:session_detail", args=[session.pk]),
        }


def seed(*, people, sessions, places):
    """`people` signed-in professionals and `sessions` sessions of `places` places each."""
    from elearning.celery import app

    started = time.monotonic()
    with transaction.atomic():
        signed_in = [_signed_in(user) for user in _professionals(people)]
        now = timezone.now()
        made = [_session(places, now, number) for number in range(sessions)]
    with translation.override(LANGUAGE):
        login_path = reverse(settings.LOGIN_URL)
    return {
        "people": signed_in,
        "sessions": [_paths(session) for session in made],
        "login_path": login_path,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "session_engine": settings.SESSION_ENGINE,
        "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
        "celery_queue": app.conf.task_default_queue,
        "seconds": round(time.monotonic() - started, 1),
    }


def _order(queue, places):
    """Whether the first `places` of the waiting list's order hold exactly the confirmed
    sign-ups, and whether pk order (insertion under the lock) equals queued_at order."""
    confirmed = {row["pk"] for row in queue if row["status"] == "confirmed"}
    earliest = {row["pk"] for row in queue[:places]}
    pks = [row["pk"] for row in queue]
    return {
        "confirmed_are_earliest": confirmed == earliest,
        "pk_order_is_queue_order": pks == sorted(pks),
    }


def _session_tally(session_id, users, places):
    from elearning.intervision.models import SignUp

    queue = list(
        SignUp.objects.filter(session_id=session_id)
        .order_by("queued_at", "pk")
        .values("pk", "user_id", "status", "queued_at")
    )
    statuses = Counter(row["status"] for row in queue)
    per_user = Counter(row["user_id"] for row in queue)
    span = (queue[-1]["queued_at"] - queue[0]["queued_at"]).total_seconds() if queue else 0.0
    return {
        "signups": len(queue),
        "confirmed": statuses.pop("confirmed", 0),
        "waitlisted": statuses.pop("waitlisted", 0),
        "other_statuses": dict(statuses),
        **_order(queue, places),
        "duplicates": sum(count - 1 for count in per_user.values() if count > 1),
        "missing": len(set(users) - set(per_user)),
        "strangers": len(set(per_user) - set(users)),
        "queued_span_ms": round(1000 * span, 1),
    }


def tally(*, sessions, users, places):
    """{session id: what its sign-ups are}, see _session_tally."""
    return {str(session): _session_tally(session, users, places) for session in sessions}
