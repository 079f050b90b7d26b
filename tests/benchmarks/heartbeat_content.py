"""The heartbeat scenario's work inside Django (run through inproc.py, never imported by run.py).

Content: home, library, one course and one module holding an hour-long video and a knowledge
check. The module completes only when the check is passed, which no bench learner does: the
measurement is the steady heartbeat, not the one-off completion (and its attest).
"""

import cProfile
import io
import json
import pstats
import time
import uuid
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from django.utils.crypto import get_random_string

HOST = "127.0.0.1"
VIDEO_SECONDS = 3600
# Long enough ago that no amount of reported time looks implausible to the API.
STARTED_DAYS_AGO = 30
PROFILE_LINES = 35


def _module():
    from media.models import MediaAsset
    from tests.factories import (
        CoursePageFactory,
        LibraryPageFactory,
        ModulePageFactory,
        knowledge_check_block,
        make_home,
        publish,
    )

    video = MediaAsset.objects.create(
        title="Signalen herkennen",
        file=ContentFile(b"not really a video", name="signalen.webm"),
        type="video",
        duration=VIDEO_SECONDS,
    )
    library = publish(LibraryPageFactory(parent=make_home()))
    course = publish(CoursePageFactory(parent=library, title="Partnergeweld herkennen"))
    video_block = {"type": "video", "id": str(uuid.uuid4()), "value": {"video": video.pk}}
    module = publish(
        ModulePageFactory(
            parent=course,
            title="Kijken en toetsen",
            body=[video_block, knowledge_check_block()],
            completion_rule="watched_and_check",
            min_watched_percent=90,
            min_score_percent=100,
        )
    )
    return module, course, video


def _signed_in(user):
    """Cookies of a signed-in browser: a session as django.contrib.auth.login leaves it, and
    a CSRF secret (the same unmasked value goes in the X-CSRFToken header)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    csrf = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
    return {"user": user.pk, "session": session.session_key, "csrf": csrf}


def seed(*, learners, raw_writers):
    """`learners` signed-in learners who opened the module a month ago; `raw_writers` more
    users whose only use is as owners of the raw-INSERT baseline's rows."""
    from elearning.accounts.models import User
    from elearning.learners.models import Enrolment, ModuleProgress, ProgressStatus

    # These engines keep every session in the database (cached_db and ours, its subclass, read
    # it from the cache first).
    if settings.SESSION_ENGINE not in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
        "elearning.accounts.sessions",
    ):
        raise RuntimeError(
            f"seed writes database sessions; SESSION_ENGINE={settings.SESSION_ENGINE}"
        )
    started = time.monotonic()
    with transaction.atomic():
        module, course, video = _module()
        users = User.objects.bulk_create(
            User(email=f"learner{number}@example.org", password="!")
            for number in range(learners + raw_writers)
        )
        learning, writers = users[:learners], users[learners:]
        begun = timezone.now() - timedelta(days=STARTED_DAYS_AGO)
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(user=user, course_key=course.translation_key, started_at=begun)
            for user in learning
        )
        ModuleProgress.objects.bulk_create(
            ModuleProgress(
                user=enrolment.user,
                enrolment=enrolment,
                module_key=module.translation_key,
                status=ProgressStatus.IN_PROGRESS,
                first_activity_at=begun,
                last_activity_at=begun,
            )
            for enrolment in enrolments
        )
        signed_in = [_signed_in(user) for user in learning]
    return {
        "module": module.pk,
        "module_key": str(module.translation_key),
        "media": video.pk,
        "video_seconds": VIDEO_SECONDS,
        "learners": signed_in,
        "raw_writers": [user.pk for user in writers],
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "seconds": round(time.monotonic() - started, 1),
    }


def _client(learner):
    client = Client(HTTP_HOST=HOST, enforce_csrf_checks=True)
    client.cookies[settings.SESSION_COOKIE_NAME] = learner["session"]
    client.cookies[settings.CSRF_COOKIE_NAME] = learner["csrf"]
    return client


def _post(client, learner, body):
    return client.post(
        "/api/progress/events",
        json.dumps(body),
        content_type="application/json",
        headers={"X-CSRFToken": learner["csrf"]},
    )


def profile(*, learner, batches):
    """Where one request's time goes, in-process: the SQL of one fresh batch, and cProfile's
    top functions over `batches` more (each a list of events the bench built)."""
    with override_settings(PROGRESS_EVENTS_PER_MINUTE=len(batches) + 1):  # as on the server
        return _profile(learner, batches)


def _profile(learner, batches):
    client = _client(learner)
    warm = _post(client, learner, {"events": batches[0]})
    if warm.status_code != 200:
        raise RuntimeError(f"profile warm-up answered {warm.status_code}: {warm.content[:300]!r}")
    with CaptureQueriesContext(connection) as captured:
        response = _post(client, learner, {"events": batches[1]})
    assert response.status_code == 200, response.content
    # Read now: the next request's request_started signal empties the connection's log.
    queries = [(query["time"], query["sql"]) for query in captured.captured_queries]
    half = len(batches) // 2
    started = time.perf_counter()
    for events in batches[2:half]:
        _post(client, learner, {"events": events})
    per_request_ms = 1000 * (time.perf_counter() - started) / max(1, half - 2)
    profiler = cProfile.Profile()
    profiler.enable()
    for events in batches[half:]:
        _post(client, learner, {"events": events})
    profiler.disable()
    return {
        "queries": len(queries),
        "sql": [f"{seconds}s {sql[:240]}" for seconds, sql in queries],
        "in_process_ms_per_request": round(per_request_ms, 2),
        "cprofile_cumulative": _top(profiler, "cumulative"),
        "cprofile_own_time": _top(profiler, "tottime"),
    }


def _top(profiler, order, lines=PROFILE_LINES):
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(lines)
    text = out.getvalue().replace(str(settings.BASE_DIR) + "/", "")
    return [line.rstrip() for line in text.splitlines() if line.strip()][-lines - 1 :]


def tally(*, users):
    """{user id: {"seconds": seconds_spent, "ids": [client event ids]}} as the database has it."""
    from elearning.learners.models import ModuleProgress, ProgressEvent

    record = {user: {"seconds": 0, "ids": []} for user in users}
    for user, seconds in ModuleProgress.objects.filter(user__in=users).values_list(
        "user", "seconds_spent"
    ):
        record[user]["seconds"] += seconds
    for user, event_id in ProgressEvent.objects.filter(user__in=users).values_list(
        "user", "client_event_id"
    ):
        record[user]["ids"].append(event_id)
    return record
