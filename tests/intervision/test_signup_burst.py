"""200 people sign up at the same moment for 12 places: exactly 12 are confirmed and 188 wait,
in the order they got their turn, with no errors. On PostgreSQL (integration run) the burst is
repeated 20 times; on SQLite, whose IMMEDIATE transactions let one writer in at a time, twice.

A file of its own because the test is transactional (every thread has its own connection and
sees only committed rows); see tests/learners/test_attests_worker.py for why that matters."""

import threading

import pytest

from django.db import connection

from elearning.intervision import notifications, services
from elearning.intervision.models import SignUp, SignUpStatus

from .engine import professional, session_with_places

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
]

PEOPLE, PLACES = 200, 12
# Each thread holds a database connection: PostgreSQL allows 100, and the suite uses some.
THREADS = 40


def repetitions():
    return 20 if connection.vendor == "postgresql" else 2


@pytest.fixture
def quiet(monkeypatch):
    """The burst is about places; the messages each sign-up sends are tested elsewhere."""
    sent = []
    monkeypatch.setattr(notifications, "notify", lambda signup, notice: sent.append(notice))
    return sent


def burst(session, people):
    """Every thread waits at the barrier, then signs its share of the people up at once."""
    barrier = threading.Barrier(THREADS)
    errors, lock = [], threading.Lock()

    def worker(share):
        try:
            barrier.wait(timeout=60)
            for person in share:
                try:
                    services.signup_create(session_id=session.pk, user=person)
                except Exception as error:  # noqa: BLE001 - every failure is counted
                    with lock:
                        errors.append(repr(error))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=worker, args=(people[number::THREADS],))
        for number in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


def test_a_burst_of_sign_ups_fills_exactly_the_places_and_queues_the_rest_in_order(quiet):
    people = [professional() for _ in range(PEOPLE)]
    for run in range(repetitions()):
        session = session_with_places(PLACES, title=f"Intervisie {run}")

        errors = burst(session, people)

        assert errors == [], f"run {run}: {errors[:3]}"
        signups = list(SignUp.objects.filter(session=session).order_by("queued_at", "pk"))
        statuses = [signup.status for signup in signups]
        assert statuses.count(SignUpStatus.CONFIRMED) == PLACES, f"run {run}"
        assert statuses.count(SignUpStatus.WAITLISTED) == PEOPLE - PLACES, f"run {run}"
        # In order: the first twelve to get their turn hold the places, the rest wait behind.
        assert statuses == [SignUpStatus.CONFIRMED] * PLACES + [SignUpStatus.WAITLISTED] * (
            PEOPLE - PLACES
        ), f"run {run}"
        assert [s.pk for s in signups] == sorted(s.pk for s in signups), f"run {run}"
        assert len({s.user_id for s in signups}) == PEOPLE
    assert len(quiet) == PEOPLE * repetitions()
