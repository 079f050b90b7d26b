"""Sessions: erasing an account ends it on every device, and expired sessions are swept."""

import importlib
from datetime import timedelta

import pytest

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session as DjangoSession
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from elearning.celery import app as celery_app

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def worker_tasks():
    """The tasks a Celery worker finds (it imports every app's tasks module at start)."""
    celery_app.loader.import_default_modules()
    return celery_app.tasks


def engine():
    return importlib.import_module(settings.SESSION_ENGINE).SessionStore


def sessions_naming(email):
    """Every stored session whose data carries this address (allauth records the sign-in)."""
    rows = engine().get_model_class().objects.all()
    return [row.session_key for row in rows if email in str(row.get_decoded())]


def signed_in_browser(user):
    browser = Client()
    response = browser.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return browser


def test_erasing_an_account_ends_its_sessions_on_every_device(
    learner, make_learner, django_capture_on_commit_callbacks
):
    laptop, phone = signed_in_browser(learner), signed_in_browser(learner)
    colleague = signed_in_browser(make_learner(email="collega@example.org"))
    phone_key = phone.session.session_key
    assert phone_key in sessions_naming(learner.email)

    with django_capture_on_commit_callbacks(execute=True):
        laptop.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert sessions_naming(learner.email) == []
    assert not engine()().exists(phone_key)  # neither a row nor the cached copy
    assert engine()(phone_key).load() == {}
    profile = phone.get(reverse("accounts:profile"))
    assert profile.status_code == 302 and reverse("account_login") in profile.url
    assert colleague.get(reverse("accounts:profile")).status_code == 200


def session_make(*, expires_in, **data):
    session = engine()()
    session.update(data)
    session.set_expiry(timezone.now() + expires_in)
    session.create()
    return session.session_key


def test_the_sweep_deletes_expired_sessions_and_keeps_live_ones():
    expired = session_make(expires_in=-timedelta(minutes=1), seen="gisteren")
    live = session_make(expires_in=timedelta(days=1), seen="vandaag")
    rows = engine().get_model_class().objects

    # Run here, in this test's transaction (a worker would not see its rows); the beat entry
    # below names the same task.
    worker_tasks()["accounts.sessions_expired_clear"].apply().get()

    assert not rows.filter(session_key=expired).exists()
    assert rows.filter(session_key=live).exists()
    assert engine()(live).load()["seen"] == "vandaag"


def test_the_sweep_runs_on_the_beat_schedule():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "accounts.sessions_expired_clear" in tasks
    assert "accounts.sessions_expired_clear" in worker_tasks()


def test_the_upgrade_carries_live_sessions_over_and_drops_an_erased_accounts(make_learner):
    """Migration accounts 0003: nobody is signed out by the upgrade; nothing erased survives."""
    learner = make_learner()

    def old_session(expires_in, **data):
        encoded = DjangoSessionStore().encode(data)
        expires = timezone.now() + expires_in
        return DjangoSession.objects.create(
            session_key=f"oud{DjangoSession.objects.count():037d}",
            session_data=encoded,
            expire_date=expires,
        ).session_key

    signed_in = old_session(timedelta(days=1), _auth_user_id=str(learner.pk))
    anonymous = old_session(timedelta(days=1), taal="nl")
    erased = old_session(timedelta(days=1), _auth_user_id="999999", email="weg@example.org")
    expired = old_session(-timedelta(days=1), _auth_user_id=str(learner.pk))
    migration = importlib.import_module("elearning.accounts.migrations.0003_account_session")

    migration.sessions_carry_over(apps, None)

    assert not DjangoSession.objects.exists()
    carried = engine().get_model_class().objects
    assert set(carried.values_list("session_key", flat=True)) == {signed_in, anonymous}
    assert engine()(signed_in).load()["_auth_user_id"] == str(learner.pk)
    assert {erased, expired}.isdisjoint(carried.values_list("session_key", flat=True))
