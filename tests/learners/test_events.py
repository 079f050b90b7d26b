"""Parsing one heartbeat event: hostile or broken payloads are refused with a reason."""

import math
from datetime import UTC, datetime, timedelta

import pytest

from django.utils import translation

from elearning.learners.events import (
    MAX_INTERVALS_PER_EVENT,
    EventRejected,
    batch_parse,
    event_parse,
)

NOW = datetime(2025, 3, 5, 13, 30, tzinfo=UTC)
NOW_MS = int(NOW.timestamp() * 1000)
EVENT_ID = "evt-0001-abcd"


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def heartbeat(**fields):
    return {
        "id": EVENT_ID,
        "module": 12,
        "media": 7,
        "position": 30.0,
        "intervals": [[15, 30]],
        "elapsed": 15,
        "at": NOW_MS,
        **fields,
    }


def refusal(raw):
    with pytest.raises(EventRejected) as refused:
        event_parse(raw, now=NOW)
    return refused.value


def test_a_heartbeat_is_parsed():
    event = event_parse(heartbeat(intervals=[[15, 22.5], [23, 30]]), now=NOW)

    assert event.id == EVENT_ID
    assert (event.module, event.media, event.position) == (12, 7, 30.0)
    assert event.intervals == ((15.0, 22.5), (23.0, 30.0))
    assert event.watched_seconds == 14.5
    assert event.at == NOW


def test_time_spent_on_a_page_without_media_is_an_event():
    event = event_parse({"id": EVENT_ID, "module": 12, "elapsed": 20, "at": NOW_MS}, now=NOW)

    assert (event.media, event.position, event.intervals, event.elapsed) == (None, None, (), 20.0)


BAD_NUMBERS = [math.nan, math.inf, -math.inf, "15", True, [15], {"seconds": 15}]


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=repr)
@pytest.mark.parametrize("field", ["position", "elapsed", "at"])
def test_a_number_field_refuses_what_is_not_a_finite_number(field, value):
    refused = refusal(heartbeat(**{field: value}))

    assert refused.message == f"“{field}” must be a number."
    assert refused.event_id == EVENT_ID
    assert refused.status == 400


def test_an_event_needs_its_time():
    raw = heartbeat()
    del raw["at"]

    assert refusal(raw).message == "“at” must be a number."


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=repr)
def test_an_interval_refuses_what_is_not_a_finite_number(value):
    assert refusal(heartbeat(intervals=[[0, value]])).message == "“intervals” must be a number."


@pytest.mark.parametrize(
    ("intervals", "message"),
    [
        ([[-5, 5]], "An interval cannot be negative."),
        ([[-0.001, 5]], "An interval cannot be negative."),
        ([[40, 20]], "An interval must end after it starts."),
        ([[20, 20]], "An interval must end after it starts."),
        ([[1, 2, 3]], "Each interval must be a pair [start, end] in seconds."),
        ([[1]], "Each interval must be a pair [start, end] in seconds."),
        ([{"start": 1, "end": 2}], "Each interval must be a pair [start, end] in seconds."),
        ("0-15", "“intervals” must be a list of at most 100 pairs."),
        (
            [[i, i + 0.1] for i in range(MAX_INTERVALS_PER_EVENT + 1)],
            "“intervals” must be a list of at most 100 pairs.",
        ),
    ],
    ids=["negative", "slightly negative", "reversed", "empty", "triple", "single", "object",
         "string", "too many"],
)  # fmt: skip
def test_implausible_intervals_are_refused(intervals, message):
    assert refusal(heartbeat(intervals=intervals, elapsed=120)).message == message


def test_as_many_intervals_as_allowed_are_accepted():
    pairs = [[i, i + 0.1] for i in range(MAX_INTERVALS_PER_EVENT)]

    assert len(event_parse(heartbeat(intervals=pairs), now=NOW).intervals) == 100


def test_a_negative_position_is_refused():
    assert refusal(heartbeat(position=-1)).message == "The position cannot be negative."


def test_a_huge_position_is_left_to_the_media_check():
    """The parser does not know the media's length: the service refuses a position beyond it
    (tests/learners/test_progress_api.py, "position beyond the end")."""
    assert event_parse(heartbeat(position=1e308), now=NOW).position == 1e308


@pytest.mark.parametrize("elapsed", [-1, 120.5, 1e308])
def test_elapsed_time_outside_one_heartbeat_is_refused(elapsed):
    refused = refusal(heartbeat(elapsed=elapsed))

    assert refused.message == "“elapsed” must be between 0 and 120 seconds."


def test_watching_faster_than_the_fastest_speed_is_refused():
    # 15 s of time passed: at most 2 x 15 + 1 s of rounding can have been watched.
    assert event_parse(heartbeat(intervals=[[0, 31]], elapsed=15), now=NOW).watched_seconds == 31
    refused = refusal(heartbeat(intervals=[[0, 31.5]], elapsed=15))

    assert refused.message == "More was watched than the time that passed allows."


@pytest.mark.parametrize(
    "at",
    [
        NOW_MS + int(timedelta(minutes=6).total_seconds() * 1000),
        NOW_MS - int(timedelta(days=8).total_seconds() * 1000),
    ],
    ids=["six minutes ahead", "eight days old"],
)
def test_an_implausible_time_is_refused(at):
    refused = refusal(heartbeat(at=at))

    assert refused.message == "The event time is too far from the present to be plausible."


@pytest.mark.parametrize("at", [1e20, -1e20], ids=["far future", "far past"])
def test_a_time_no_calendar_holds_is_refused(at):
    assert refusal(heartbeat(at=at)).message == "The event time is not a valid time."


def test_an_event_kept_offline_for_days_is_still_accepted():
    six_days_ago = NOW - timedelta(days=6)

    event = event_parse(heartbeat(at=six_days_ago.timestamp() * 1000), now=NOW)

    assert event.at == six_days_ago


@pytest.mark.parametrize(
    "event_id",
    [None, 12345678, "short", "x" * 65, "<script>alert(1)</script>", EVENT_ID + "\n", "évènement1"],
    ids=["missing", "number", "short", "long", "markup", "trailing newline", "accents"],
)
def test_an_event_needs_a_plain_id(event_id):
    refused = refusal(heartbeat(id=event_id))

    assert refused.message == "Each event needs an id of 8 to 64 letters, digits, - or _."
    assert refused.event_id is None  # a refused id is not echoed back


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("module", None, "“module” must be the id of a module."),
        ("module", True, "“module” must be the id of a module."),
        ("module", 0, "“module” must be the id of a module."),
        ("module", "12", "“module” must be the id of a module."),
        ("module", 2**63, "“module” must be the id of a module."),
        ("media", -7, "“media” must be the id of a video or audio."),
        ("media", 10**30, "“media” must be the id of a video or audio."),
    ],
)
def test_ids_of_rows_must_be_plausible(field, value, message):
    assert refusal(heartbeat(**{field: value})).message == message


def test_unknown_fields_are_named():
    refused = refusal(heartbeat(user=3, is_staff=True))

    assert refused.message == "Unknown field: is_staff, user."


def test_watching_needs_the_media_it_belongs_to():
    refused = refusal(heartbeat(media=None))

    assert (
        refused.message
        == "Watched intervals and a position need the video or audio they belong to."
    )


@pytest.mark.parametrize("raw", [None, [], "event", 12])
def test_an_event_must_be_an_object(raw):
    assert refusal(raw).message == "Each event must be an object."


def test_refusals_are_in_the_learners_language():
    with translation.override("nl"), pytest.raises(EventRejected) as refused:
        event_parse(heartbeat(position=-1), now=NOW)

    assert refused.value.message != "The position cannot be negative."
    assert refused.value.message


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([], "Send an object with one field, “events”."),
        ({"events": [], "user": 3}, "Send an object with one field, “events”."),
        ({"events": []}, "“events” must be a list of 1 to 50 events."),
        ({"events": [{}] * 51}, "“events” must be a list of 1 to 50 events."),
        ({"events": {"id": EVENT_ID}}, "“events” must be a list of 1 to 50 events."),
    ],
)
def test_a_batch_has_one_to_fifty_events(payload, message):
    with pytest.raises(EventRejected) as refused:
        batch_parse(payload, now=NOW)

    assert refused.value.message == message


def test_one_bad_event_refuses_the_whole_batch():
    good, bad = heartbeat(), heartbeat(id="evt-0002-abcd", intervals=[[9, 3]])

    assert [event.id for event in batch_parse({"events": [good]}, now=NOW)] == [EVENT_ID]
    with pytest.raises(EventRejected) as refused:
        batch_parse({"events": [good, bad]}, now=NOW)

    assert refused.value.event_id == "evt-0002-abcd"
