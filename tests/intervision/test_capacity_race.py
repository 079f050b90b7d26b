"""Lowering a session's maximum while people sign up never confirms more than the new maximum.

The form counts the places taken when it is checked; sign-ups that commit between that count
and the save used to be missed (11 confirmed of 10). The save now waits for the session's lock,
as sign-ups do, and counts again under it.

Transactional (every thread has its own connection and sees only committed rows). On
PostgreSQL the test waits until the trainer's save is seen waiting for the row lock; SQLite has
no row locks (one writer at a time), so there it waits a moment instead.
"""

import threading
import time
from datetime import timedelta

import pytest

from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from elearning.intervision import services
from elearning.intervision.models import IntervisionSession, SignUp, SignUpStatus
from tests.waiting import eventually

from .conftest import person_make
from .test_admin import edit_data, nl, session_run_by, signup_add, trainer_make

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
]


def wait_until_another_connection_waits_for_a_lock(message, timeout=30):
    """Return once another connection of this database waits for a lock; fail after `timeout` s."""
    if connection.vendor != "postgresql":
        time.sleep(2)
        return
    eventually(_connections_waiting_for_a_lock, timeout=timeout, interval=0.05, message=message)


def _connections_waiting_for_a_lock():
    with connection.cursor() as cursor:
        # Inside a transaction PostgreSQL shows the activity as first read, unless cleared.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def test_sign_ups_that_commit_while_the_maximum_is_lowered_keep_it_honest():
    trainer = trainer_make("trainer@example.org")
    session = session_run_by(trainer, max_places=12, offer_hours=0)
    for minutes_ago in range(9):
        signup_add(session, person_make(), SignUpStatus.CONFIRMED, 60 - minutes_ago)
    latecomers = [person_make(), person_make()]
    editor = Client()
    editor.force_login(trainer)
    edit_url = reverse("intervision_sessions:edit", args=[session.pk])
    assert editor.get(edit_url).status_code == 200  # the admin's first visit writes its rows
    lowered = edit_data(session, max_places="10", offer_hours="0")
    outcome = {}

    def lower_the_maximum():
        try:
            outcome["response"] = editor.post(edit_url, lowered)
        finally:
            connection.close()

    trainer_saves = threading.Thread(target=lower_the_maximum)
    with transaction.atomic():
        # Two people sign up and hold the session's lock until they commit; meanwhile the
        # trainer's form is checked (9 places taken) and its save waits for the lock.
        for person in latecomers:
            services.signup_create(session_id=session.pk, user=person)
        trainer_saves.start()
        wait_until_another_connection_waits_for_a_lock(
            "the trainer's save never waited for the session's lock"
        )
    trainer_saves.join(timeout=60)

    confirmed = SignUp.objects.filter(session=session, status=SignUpStatus.CONFIRMED).count()
    maximum = IntervisionSession.objects.get(pk=session.pk).max_places
    assert confirmed == 11
    assert maximum == 12  # the lower maximum was refused...
    page = outcome["response"].content.decode()
    assert outcome["response"].status_code == 200
    message = nl("Places already taken: %(taken)s. The maximum cannot be lower.")
    assert message % {"taken": 11} in page  # ...on the form, with the reason


def test_a_maximum_lowered_to_what_is_taken_is_saved(client):
    trainer = trainer_make("trainer@example.org")
    session = session_run_by(trainer, max_places=12, offer_hours=0, starts_in=timedelta(days=9))
    for minutes_ago in range(3):
        signup_add(session, person_make(), SignUpStatus.CONFIRMED, 60 - minutes_ago)
    client.force_login(trainer)

    response = client.post(
        reverse("intervision_sessions:edit", args=[session.pk]),
        edit_data(session, max_places="3", offer_hours="0"),
    )

    assert response.status_code == 302
    assert IntervisionSession.objects.get(pk=session.pk).max_places == 3
