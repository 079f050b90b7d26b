"""The same batch sent twice at the same moment (two tabs, a resend racing its original)."""

import threading

import pytest

from django.db import connection, connections

from elearning.learners.events import batch_parse
from elearning.learners.models import ModuleProgress, ProgressEvent
from elearning.learners.services import progress_record_events

from .helpers import open_module, watch_events

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs row locks and two writers at once, which SQLite does not have (one writer "
        "per database file); the integration run on PostgreSQL covers it",
    ),
]


def test_a_batch_sent_twice_at_once_counts_once(client, learner, course_tree):
    watch, video = course_tree["watch"], course_tree["video"]
    client.force_login(learner)
    open_module(client, watch)
    payload = {"events": watch_events(watch, video, 0, 60)}
    start = threading.Barrier(4)
    outcomes, failures = [], []

    def send():
        try:
            start.wait()
            outcomes.append(progress_record_events(user=learner, events=batch_parse(payload)))
        except Exception as error:  # noqa: BLE001 - any failure is the test's finding
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert sorted(outcome.accepted for outcome in outcomes) == [0, 0, 0, 4]
    assert ProgressEvent.objects.filter(user=learner).count() == 4
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.seconds_spent == 60
    assert progress.watched == {str(video.pk): [[0.0, 60.0]]}
