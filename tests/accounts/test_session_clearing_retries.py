"""Deleting expired sessions is retried while the database is out of reach, and only then."""

from datetime import timedelta

import pytest

from django.db import OperationalError, ProgrammingError

from elearning.accounts import services, tasks
from tests.celery_retries import retries_recorded

from .test_sessions import engine, session_make

pytestmark = pytest.mark.django_db

# The database policy's schedule (elearning/core/retries.py), in seconds.
DATABASE_COUNTDOWNS = [10, 20, 40, 80, 160]


def failing(monkeypatch, *errors):
    """The service fails with `errors`, one per call, then does its work."""
    clear = services.sessions_expired_clear
    errors = list(errors)

    def clear_or_fail():
        if errors:
            raise errors.pop(0)
        return clear()

    monkeypatch.setattr(services, "sessions_expired_clear", clear_or_fail)


def expired_exists(session_key):
    return engine().get_model_class().objects.filter(session_key=session_key).exists()


def test_a_lost_database_connection_is_retried(monkeypatch):
    expired = session_make(expires_in=-timedelta(minutes=1))
    failing(monkeypatch, OperationalError("the database system is starting up"))

    with retries_recorded(tasks.sessions_expired_clear) as countdowns:
        tasks.sessions_expired_clear.apply().get()

    assert countdowns == [10]
    assert not expired_exists(expired)


def test_a_wrong_query_is_not_retried(monkeypatch):
    failing(monkeypatch, ProgrammingError('relation "django_session" does not exist'))

    with retries_recorded(tasks.sessions_expired_clear) as countdowns:
        result = tasks.sessions_expired_clear.apply()

    with pytest.raises(ProgrammingError):
        result.get()
    assert countdowns == []


def test_after_the_last_retry_the_next_hourly_run_deletes_them(monkeypatch):
    expired = session_make(expires_in=-timedelta(minutes=1))
    failing(monkeypatch, *[OperationalError("connection refused")] * 6)

    with retries_recorded(tasks.sessions_expired_clear) as countdowns:
        result = tasks.sessions_expired_clear.apply()

    with pytest.raises(OperationalError):
        result.get()
    assert countdowns == DATABASE_COUNTDOWNS
    assert expired_exists(expired)
    tasks.sessions_expired_clear.apply().get()  # the beat schedule's next run
    assert not expired_exists(expired)
