"""The heartbeat scenario's two kinds of client, run by loadgen.closed_loop (no Django here).

`send_heartbeats` plays the module page's script (elearning/static/elearning/js/progress.js) for
a few learners at once: every learner's events are contiguous 15-second stretches of the video,
sent in batches; some batches go out of order, some are sent again because "the answer was
lost", some at the same moment from two tabs that share the browser's queue. A batch the server
did not acknowledge with a 200 stays queued and goes again, as the script does.

`insert_rows` is the baseline: the same kind of row the API ends up writing, one INSERT per
statement in autocommit, as fast as the database takes them.
"""

import http.client
import json
import random
import threading
import time
from collections import deque
from dataclasses import dataclass, field

EVENTS_PATH = "/api/progress/events"
EVENT_SECONDS = 15  # the script's flush interval: one event per 15 s of playing
BATCH = 10  # events per request: a player catching up after a short outage
RESEND_SHARE = 0.05  # batches sent again after their answer was lost
REORDER_SHARE = 0.10  # batches overtaken by the next one, and shuffled within
TWO_TABS_SHARE = 0.01  # batches flushed by two tabs of the same learner at once
# gunicorn closes a keep-alive connection idle for 2 s (its --keep-alive); a browser that finds
# its connection gone opens a new one, so a tab idle that long starts on a fresh connection.
IDLE_RECONNECT_SECONDS = 1.0
INSERT_ROW = (
    "INSERT INTO learners_progressevent (user_id, client_event_id, module_key, received_at) "
    "VALUES (%s, %s, %s, CURRENT_TIMESTAMP)"
)


@dataclass
class LearnerStream:
    """One learner's player: the next events, and the batches waiting to be (re)sent."""

    learner: dict
    module: int
    media: int
    video_seconds: int
    prefix: str
    sequence: int = 0
    outbox: deque = field(default_factory=deque)

    def next_batch(self):
        """BATCH events of contiguous playing, stamped as the browser queued them."""
        now_ms = int(time.time() * 1000)
        events = []
        for index in range(BATCH):
            start = (self.sequence * EVENT_SECONDS) % self.video_seconds
            events.append(
                {
                    "id": f"{self.prefix}-{self.learner['user']}-{self.sequence:07d}",
                    "module": self.module,
                    "media": self.media,
                    "intervals": [[start, start + EVENT_SECONDS]],
                    "position": start + EVENT_SECONDS,
                    "elapsed": EVENT_SECONDS,
                    "at": now_ms - (BATCH - 1 - index) * EVENT_SECONDS * 1000,
                }
            )
            self.sequence += 1
        return events


def learner_streams(plan, learners, prefix):
    return [
        LearnerStream(learner, plan["module"], plan["media"], plan["video_seconds"], prefix)
        for learner in learners
    ]


@dataclass
class Tally:
    """What one client thread sent and what the server answered."""

    requests: int = 0
    statuses: dict = field(default_factory=dict)  # status (str) -> count
    connection_errors: int = 0
    accepted: int = 0  # summed from the answers
    duplicates: int = 0
    resent: int = 0
    two_tabs: int = 0
    two_tabs_failed: int = 0  # of those, answers other than 200
    reordered: int = 0
    new_in_window: int = 0  # distinct events first acknowledged before the window closed
    sent: dict = field(default_factory=dict)  # user id -> set of event ids sent
    acknowledged: dict = field(default_factory=dict)  # user id -> set of ids in a 200 answer
    window_end: float = 0.0

    def as_dict(self):
        sets = {"sent", "acknowledged"}
        return {
            **{key: value for key, value in vars(self).items() if key not in sets},
            "sent": {user: sorted(ids) for user, ids in self.sent.items()},
            "acknowledged": {user: sorted(ids) for user, ids in self.acknowledged.items()},
        }


class Browser:
    """A keep-alive connection with one learner's cookies, as a tab has it."""

    def __init__(self, host, port, plan):
        self.host, self.port, self.plan = host, port, plan
        self.connection = http.client.HTTPConnection(host, port, timeout=30)
        self.used_at = time.monotonic()

    def post(self, learner, events):
        """(status, answer) of one batch; status 0 when the connection failed."""
        body = json.dumps({"events": events})
        headers = {
            "Content-Type": "application/json",
            "X-CSRFToken": learner["csrf"],
            "Cookie": f"{self.plan['session_cookie']}={learner['session']}; "
            f"{self.plan['csrf_cookie']}={learner['csrf']}",
        }
        if time.monotonic() - self.used_at > IDLE_RECONNECT_SECONDS:
            self._reconnect()
        try:
            self.connection.request("POST", EVENTS_PATH, body=body, headers=headers)
            response = self.connection.getresponse()
            payload = response.read()
            if response.will_close:
                self._reconnect()
        except (OSError, http.client.HTTPException):
            self._reconnect()
            return 0, None
        finally:
            self.used_at = time.monotonic()
        answer = json.loads(payload) if response.status == 200 else None
        return response.status, answer

    def _reconnect(self):
        self.connection.close()
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def close(self):
        self.connection.close()


def _record(tally, status, answer):
    tally.requests += 1
    if status == 0:
        tally.connection_errors += 1
        return False
    tally.statuses[str(status)] = tally.statuses.get(str(status), 0) + 1
    if status != 200:
        return False
    tally.accepted += answer["accepted"]
    tally.duplicates += answer["duplicates"]
    return True


def _deliver(browsers, stream, events, tally, rng):
    """Send one batch (from two tabs at once now and then); True when acknowledged."""
    learner = stream.learner
    tally.sent.setdefault(learner["user"], set()).update(event["id"] for event in events)
    if rng.random() < TWO_TABS_SHARE:
        tally.two_tabs += 1
        other = {}
        tab = threading.Thread(
            target=lambda: other.update(answer=browsers[1].post(learner, events))
        )
        tab.start()
        first = _record(tally, *browsers[0].post(learner, events))
        tab.join()
        second = _record(tally, *other["answer"])
        tally.two_tabs_failed += (not first) + (not second)
        acknowledged = first or second
    else:
        acknowledged = _record(tally, *browsers[0].post(learner, events))
    if acknowledged:
        ids = tally.acknowledged.setdefault(learner["user"], set())
        fresh = [event["id"] for event in events if event["id"] not in ids]
        ids.update(fresh)
        if time.time() < tally.window_end:
            tally.new_in_window += len(fresh)
    return acknowledged


def _turn(browsers, stream, tally, rng):
    """The learner's next request: a queued batch first, else a new one."""
    if not stream.outbox:
        batch = stream.next_batch()
        if rng.random() < REORDER_SHARE:
            tally.reordered += 1
            later = stream.next_batch()
            rng.shuffle(later)
            stream.outbox.extend([later, batch])
        else:
            stream.outbox.append(batch)
    batch = stream.outbox.popleft()
    if not _deliver(browsers, stream, batch, tally, rng):
        stream.outbox.appendleft(batch)  # kept in the queue, sent again next time
    elif rng.random() < RESEND_SHARE:
        tally.resent += 1
        stream.outbox.appendleft(batch)  # the answer "was lost": the script sends it again


def send_heartbeats(slot, slots, start_at, end_at, plan, prefix):
    """Closed loop over this thread's learners until end_at, then drain their queues."""
    host, port = plan["host"], plan["port"]
    streams = learner_streams(plan, plan["learners"][slot::slots], f"{prefix}{slot}")
    rng = random.Random(f"{prefix}-{slot}")  # a reproducible mix
    browsers = [Browser(host, port, plan), Browser(host, port, plan)]
    tally = Tally(window_end=end_at)
    turn = 0
    while time.time() < end_at:
        _turn(browsers, streams[turn % len(streams)], tally, rng)
        turn += 1
    for stream in streams:  # what the pages still hold is sent before they close
        for _attempt in range(10):
            if not stream.outbox:
                break
            _turn(browsers, stream, tally, rng)
    for browser in browsers:
        browser.close()
    return {**tally.as_dict(), "window": end_at - start_at}


def insert_rows(slot, _slots, start_at, end_at, env, plan, prefix):
    """Single-row INSERTs into learners_progressevent, each its own transaction, until end_at;
    the rows done within the window are counted."""
    owner = plan["raw_writers"][slot % len(plan["raw_writers"])]
    module_key = plan["module_key"].replace("-", "")
    statement = INSERT_ROW.replace("%s", env.placeholder)
    rows = in_window = 0
    with env.connect() as connection:
        cursor = connection.cursor()
        while time.time() < end_at:
            cursor.execute(statement, (owner, f"{prefix}-{slot}-{rows:08d}", module_key))
            rows += 1
            in_window += time.time() <= end_at
    return {"rows": rows, "in_window": in_window, "window": end_at - start_at}
