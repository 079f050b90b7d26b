"""Building progress events the way the page's script sends them."""

import json
import time
import uuid
from datetime import timedelta

from django.urls import reverse

from elearning.learners.models import ModuleProgress

EVENTS_URL = "/api/progress/events"


def event(module, *, media=None, intervals=(), position=None, elapsed=15, at=None, **extra):
    body = {
        "id": extra.pop("id", str(uuid.uuid4())),
        "module": module.pk,
        "intervals": [list(pair) for pair in intervals],
        "elapsed": elapsed,
        "at": at if at is not None else int(time.time() * 1000),
    }
    if media is not None:
        body["media"] = media.pk
    if position is not None:
        body["position"] = position
    body.update(extra)
    return body


def watch_events(module, media, start, end, *, step=15):
    """Heartbeats for playing [start, end) at normal speed, one every `step` seconds."""
    events, now_ms = [], int(time.time() * 1000)
    position = start
    while position < end:
        stop = min(position + step, end)
        events.append(
            event(
                module,
                media=media,
                intervals=[(position, stop)],
                position=stop,
                elapsed=stop - position,
                at=now_ms - int((end - position) * 1000),
            )
        )
        position = stop
    return events


def post_events(client, events):
    return client.post(EVENTS_URL, json.dumps({"events": events}), content_type="application/json")


def open_module(client, module, *, minutes_ago=60):
    """The learner opens the module page; the record is dated back as if they started earlier."""
    response = client.get(module.url)
    assert response.status_code == 200
    progress = ModuleProgress.objects.get(
        user_id=client.session["_auth_user_id"], module_key=module.translation_key
    )
    progress.first_activity_at -= timedelta(minutes=minutes_ago)
    progress.save(update_fields=["first_activity_at"])
    return response


def answer(client, module, block_id, choice):
    return client.post(
        reverse("learners:knowledge_check", args=[module.pk, block_id]), {"answer": choice}
    )


def check_ids(module):
    return [block.id for block in module.body if block.block_type == "knowledge_check"]
