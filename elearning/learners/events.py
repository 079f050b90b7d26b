"""The progress API's payload: parsed and checked before anything is written.

A batch is accepted whole or refused whole. Every refusal names the event and the rule it broke,
in the learner's language, so the page's script (and whoever reads its logs) knows why.
"""

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from elearning.core.converters import database_id_valid

MAX_EVENTS_PER_BATCH = 50
MAX_INTERVALS_PER_EVENT = 100
# A heartbeat covers at most this much of the learner's time (the player sends one every 15 s
# while playing, and one when paused or leaving the page).
MAX_EVENT_SECONDS = 120
# Nobody watches faster than the player's fastest speed.
MAX_PLAYBACK_RATE = 2.0
# Rounding in the browser: a reported end may pass the media's duration by this much.
DURATION_TOLERANCE_SECONDS = 1.0
# Events kept offline by the browser may arrive late; clocks may be a little ahead.
MAX_EVENT_AGE = timedelta(days=7)
MAX_CLOCK_AHEAD = timedelta(minutes=5)

EVENT_FIELDS = {"id", "module", "media", "position", "intervals", "elapsed", "at"}
# Whole-string match (fullmatch): with match, "$" would also accept a trailing newline.
EVENT_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")


class EventRejected(ValueError):
    """A batch that breaks a rule; nothing of it is applied."""

    def __init__(self, message, *, event_id=None, status=400):
        super().__init__(message)
        self.message = message
        self.event_id = event_id
        self.status = status


@dataclass(frozen=True)
class ProgressEventData:
    id: str
    module: int
    media: int | None
    position: float | None
    intervals: tuple[tuple[float, float], ...]
    elapsed: float
    at: datetime

    @property
    def watched_seconds(self):
        return sum(end - start for start, end in self.intervals)


def _number(value, *, event_id, name):
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise EventRejected(_("“%(field)s” must be a number.") % {"field": name}, event_id=event_id)
    return float(value)


def _timestamp(value, *, event_id, now):
    """Milliseconds since 1970 (what JavaScript's Date.now() gives)."""
    millis = _number(value, event_id=event_id, name="at")
    try:
        at = datetime.fromtimestamp(millis / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise EventRejected(_("The event time is not a valid time."), event_id=event_id) from None
    if at > now + MAX_CLOCK_AHEAD or at < now - MAX_EVENT_AGE:
        raise EventRejected(
            _("The event time is too far from the present to be plausible."), event_id=event_id
        )
    return at


def _intervals(value, *, event_id):
    if not isinstance(value, list) or len(value) > MAX_INTERVALS_PER_EVENT:
        raise EventRejected(
            _("“intervals” must be a list of at most %(count)d pairs.")
            % {"count": MAX_INTERVALS_PER_EVENT},
            event_id=event_id,
        )
    pairs = []
    for pair in value:
        if not isinstance(pair, list) or len(pair) != 2:
            raise EventRejected(
                _("Each interval must be a pair [start, end] in seconds."), event_id=event_id
            )
        start = _number(pair[0], event_id=event_id, name="intervals")
        end = _number(pair[1], event_id=event_id, name="intervals")
        if start < 0 or end < 0:
            raise EventRejected(_("An interval cannot be negative."), event_id=event_id)
        if end <= start:
            raise EventRejected(_("An interval must end after it starts."), event_id=event_id)
        pairs.append((start, end))
    return tuple(pairs)


def event_parse(raw, *, now=None):
    """One event from the JSON payload, checked for shape; `EventRejected` if it is malformed."""
    now = now or timezone.now()
    if not isinstance(raw, dict):
        raise EventRejected(_("Each event must be an object."))
    event_id = raw.get("id")
    if not isinstance(event_id, str) or not EVENT_ID.fullmatch(event_id):
        raise EventRejected(_("Each event needs an id of 8 to 64 letters, digits, - or _."))
    unknown = set(raw) - EVENT_FIELDS
    if unknown:
        raise EventRejected(
            _("Unknown field: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
            event_id=event_id,
        )
    module = raw.get("module")
    if not database_id_valid(module):
        raise EventRejected(_("“module” must be the id of a module."), event_id=event_id)
    media = raw.get("media")
    if media is not None and not database_id_valid(media):
        raise EventRejected(_("“media” must be the id of a video or audio."), event_id=event_id)
    position = raw.get("position")
    if position is not None:
        position = _number(position, event_id=event_id, name="position")
        if position < 0:
            raise EventRejected(_("The position cannot be negative."), event_id=event_id)
    intervals = _intervals(raw.get("intervals", []), event_id=event_id)
    elapsed = _number(raw.get("elapsed", 0), event_id=event_id, name="elapsed")
    if not 0 <= elapsed <= MAX_EVENT_SECONDS:
        raise EventRejected(
            _("“elapsed” must be between 0 and %(seconds)d seconds.")
            % {"seconds": MAX_EVENT_SECONDS},
            event_id=event_id,
        )
    if (intervals or position is not None) and media is None:
        raise EventRejected(
            _("Watched intervals and a position need the video or audio they belong to."),
            event_id=event_id,
        )
    event = ProgressEventData(
        id=event_id,
        module=module,
        media=media,
        position=position,
        intervals=intervals,
        elapsed=elapsed,
        at=_timestamp(raw.get("at"), event_id=event_id, now=now),
    )
    if event.watched_seconds > event.elapsed * MAX_PLAYBACK_RATE + DURATION_TOLERANCE_SECONDS:
        raise EventRejected(
            _("More was watched than the time that passed allows."), event_id=event_id
        )
    return event


def batch_parse(payload, *, now=None):
    """The events of a request body ({"events": [...]}), in the order sent."""
    if not isinstance(payload, dict) or set(payload) != {"events"}:
        raise EventRejected(_("Send an object with one field, “events”."))
    raw_events = payload["events"]
    if not isinstance(raw_events, list) or not 1 <= len(raw_events) <= MAX_EVENTS_PER_BATCH:
        raise EventRejected(
            _("“events” must be a list of 1 to %(count)d events.") % {"count": MAX_EVENTS_PER_BATCH}
        )
    return [event_parse(raw, now=now) for raw in raw_events]
