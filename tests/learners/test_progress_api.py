"""The progress API: idempotent, order-tolerant, and refusing implausible input untouched."""

import json
import time
import uuid

import pytest

from django.test import Client

from elearning.learners.models import Enrolment, ModuleProgress, ProgressEvent

from .helpers import EVENTS_URL, event, open_module, post_events, watch_events


def snapshot():
    """Everything the API may write, to compare before and after a refused request."""
    return (
        list(ModuleProgress.objects.order_by("pk").values()),
        list(Enrolment.objects.order_by("pk").values()),
        list(ProgressEvent.objects.order_by("pk").values_list("client_event_id", flat=True)),
    )


@pytest.fixture
def watching(client, learner, course_tree):
    """A signed-in learner who opened the video module an hour ago."""
    client.force_login(learner)
    open_module(client, course_tree["watch"])
    return client


@pytest.mark.django_db
def test_a_resent_event_counts_once(watching, learner, course_tree):
    watch, video = course_tree["watch"], course_tree["video"]
    events = watch_events(watch, video, 0, 30)
    assert post_events(watching, events).json() == {
        "accepted": 2,
        "duplicates": 0,
        "completed_modules": [],
    }
    assert post_events(watching, events).json()["duplicates"] == 2
    assert post_events(watching, [events[1], events[1]]).json()["duplicates"] == 2
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.seconds_spent == 30
    assert ProgressEvent.objects.filter(user=learner).count() == 2


@pytest.mark.django_db
def test_events_arriving_out_of_order_keep_the_latest_position(watching, learner, course_tree):
    watch, video = course_tree["watch"], course_tree["video"]
    first, second, third = watch_events(watch, video, 0, 45)
    post_events(watching, [third])
    post_events(watching, [first, second])
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.last_position_seconds == 45
    assert progress.watched == {str(video.pk): [[0.0, 45.0]]}
    assert progress.seconds_spent == 45


@pytest.mark.django_db
def test_a_time_spent_event_without_media_is_counted(watching, learner, course_tree):
    assert post_events(watching, [event(course_tree["watch"], elapsed=20)]).status_code == 200
    assert ModuleProgress.objects.get(user=learner).seconds_spent == 20


def _hostile(course_tree, other_learner):
    watch, video, extra = course_tree["watch"], course_tree["video"], course_tree["extra"]
    now_ms = int(time.time() * 1000)
    good = event(watch, media=video, intervals=[(0, 10)], position=10, elapsed=10)
    return {
        "beyond the end": [event(watch, media=video, intervals=[(590, 615)], elapsed=25)],
        "position beyond the end": [event(watch, media=video, position=900)],
        "negative interval": [event(watch, media=video, intervals=[(-5, 5)])],
        "reversed interval": [event(watch, media=video, intervals=[(40, 20)])],
        "empty interval": [event(watch, media=video, intervals=[(20, 20)])],
        "faster than real time": [event(watch, media=video, intervals=[(0, 100)], elapsed=15)],
        "unknown module": [event(type("Gone", (), {"pk": 999999})(), elapsed=5)],
        "module of another kind": [event(course_tree["course"], elapsed=5)],
        "media of another module": [event(extra, media=video, intervals=[(0, 5)], elapsed=5)],
        "other user's data": [{**good, "user": other_learner.pk}],
        "one bad event spoils the batch": [good, event(watch, media=video, intervals=[(9, 3)])],
        "position without media": [event(watch, position=10)],
        "string numbers": [{**good, "elapsed": "15"}],
        "not a number": [{**good, "position": float("nan")}],
        "boolean module": [{**good, "module": True}],
        "elapsed too long": [event(watch, elapsed=500)],
        "time in the future": [event(watch, at=now_ms + 3_600_000)],
        "time long ago": [event(watch, at=now_ms - 30 * 86_400_000)],
        "short id": [{**good, "id": "abc"}],
        "id with markup": [{**good, "id": "<script>alert(1)</script>"}],
        "id with a trailing newline": [{**good, "id": good["id"] + "\n"}],
        "too many intervals": [
            event(watch, media=video, intervals=[(i, i + 0.1) for i in range(101)])
        ],
        "interval not a pair": [{**good, "intervals": [[1, 2, 3]]}],
        "huge number": [{**good, "position": 1e308}],
        "module id beyond 64 bits": [{**good, "module": 2**64}],
        "module id of 30 digits": [{**good, "module": 10**30}],
        "media id beyond 64 bits": [{**good, "media": 2**63}],
    }


HOSTILE_CASES = [
    "beyond the end",
    "position beyond the end",
    "negative interval",
    "reversed interval",
    "empty interval",
    "faster than real time",
    "unknown module",
    "module of another kind",
    "media of another module",
    "other user's data",
    "one bad event spoils the batch",
    "position without media",
    "string numbers",
    "not a number",
    "boolean module",
    "elapsed too long",
    "time in the future",
    "time long ago",
    "short id",
    "id with markup",
    "id with a trailing newline",
    "too many intervals",
    "interval not a pair",
    "huge number",
    "module id beyond 64 bits",
    "module id of 30 digits",
    "media id beyond 64 bits",
]


@pytest.mark.django_db
@pytest.mark.parametrize("case", HOSTILE_CASES)
def test_implausible_events_are_refused_and_change_nothing(
    watching, course_tree, other_learner, case
):
    events = _hostile(course_tree, other_learner)[case]
    before = snapshot()
    body = json.dumps({"events": events}, allow_nan=True)
    response = watching.post(EVENTS_URL, body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert response.json()["error"]
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("[]", "application/json", 400),
        ('{"events": []}', "application/json", 400),
        ('{"events": {}, "extra": 1}', "application/json", 400),
        ('{"events": [1, 2]}', "application/json", 400),
        ("events=1", "application/x-www-form-urlencoded", 415),
        ('{"events": [' + ",".join(["{}"] * 51) + "]}", "application/json", 400),
        ('{"events": "' + "x" * 70_000 + '"}', "application/json", 413),
    ],
)
def test_malformed_requests_are_refused(watching, body, content_type, status):
    before = snapshot()
    response = watching.post(EVENTS_URL, body, content_type=content_type)
    assert response.status_code == status
    assert response.json()["error"]
    assert snapshot() == before


@pytest.mark.django_db
def test_more_time_than_has_passed_is_refused(client, learner, course_tree):
    watch, video = course_tree["watch"], course_tree["video"]
    client.force_login(learner)
    client.get(watch.url)  # opened just now
    accepted = post_events(client, watch_events(watch, video, 0, 240))
    assert accepted.status_code == 200
    before = snapshot()
    response = post_events(client, watch_events(watch, video, 240, 480))
    assert response.status_code == 400
    assert "Er werd meer tijd gemeld" in response.json()["error"]
    assert snapshot() == before


@pytest.mark.django_db
def test_errors_are_in_the_learners_language(client, course_tree):
    from tests.factories import UserFactory

    client.force_login(UserFactory(preferred_language="fr"))
    response = post_events(client, [event(course_tree["watch"], elapsed=500)])
    assert response.status_code == 400
    assert "secondes" in response.json()["error"]


@pytest.mark.django_db
def test_visitors_are_asked_to_sign_in(client, course_tree):
    response = post_events(client, [event(course_tree["watch"])])
    assert response.status_code == 401
    assert ModuleProgress.objects.count() == 0


@pytest.mark.django_db
def test_the_api_needs_the_csrf_token(learner, course_tree):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    html = browser.get(course_tree["watch"].url).content.decode()
    payload = json.dumps({"events": [event(course_tree["watch"], elapsed=5)]})
    refused = browser.post(EVENTS_URL, payload, content_type="application/json")
    assert refused.status_code == 403
    token = html.split('data-csrf="', 1)[1].split('"', 1)[0]
    accepted = browser.post(
        EVENTS_URL, payload, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 200


@pytest.mark.django_db
def test_a_learner_sending_too_often_is_slowed_down(
    watching, learner, course_tree, settings, rate_limit_clock
):
    settings.PROGRESS_EVENTS_PER_MINUTE = 3
    learner.preferred_language = "fr"
    learner.save()
    for _request in range(3):
        assert post_events(watching, [event(course_tree["watch"], elapsed=1)]).status_code == 200
    before = snapshot()
    response = post_events(watching, [event(course_tree["watch"], elapsed=1)])
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response.json() == {
        "error": "Trop de mises à jour de progression ; réessayez dans une minute."
    }
    assert snapshot() == before


@pytest.mark.django_db
def test_the_next_minute_a_slowed_down_learner_is_heard_again(
    watching, learner, course_tree, settings, rate_limit_clock
):
    settings.PROGRESS_EVENTS_PER_MINUTE = 2
    for _request in range(3):
        post_events(watching, [event(course_tree["watch"], elapsed=1)])
    assert ModuleProgress.objects.get(user=learner).seconds_spent == 2

    rate_limit_clock.advance(60)
    response = post_events(watching, [event(course_tree["watch"], elapsed=1)])

    assert response.status_code == 200
    assert ModuleProgress.objects.get(user=learner).seconds_spent == 3


@pytest.mark.django_db
def test_learners_never_touch_each_others_records(client, learner, other_learner, course_tree):
    watch, video = course_tree["watch"], course_tree["video"]
    client.force_login(learner)
    open_module(client, watch)
    shared_id = str(uuid.uuid4())
    post_events(client, [event(watch, media=video, intervals=[(0, 10)], position=10, id=shared_id)])
    other = Client()
    other.force_login(other_learner)
    open_module(other, watch)
    # The same event id from another learner is that learner's own event, not a duplicate.
    response = post_events(
        other,
        [event(watch, media=video, intervals=[(0, 20)], position=20, elapsed=20, id=shared_id)],
    )
    assert response.json()["accepted"] == 1
    mine = ModuleProgress.objects.get(user=learner)
    theirs = ModuleProgress.objects.get(user=other_learner)
    assert (mine.last_position_seconds, mine.seconds_spent) == (10, 15)
    assert (theirs.last_position_seconds, theirs.seconds_spent) == (20, 20)
    assert "0:10" in client.get(watch.url).content.decode()
    assert "0:20" in other.get(watch.url).content.decode()
