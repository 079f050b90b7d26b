"""Sessions and people shared by the intervision tests."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from django.core import mail
from django.utils import translation

from elearning.intervision.models import Meeting
from tests.factories import IntervisionSessionFactory, UserFactory

# SITE_URL's host in settings/test.py: event UIDs end in it, links in messages begin with it.
SITE_HOST = "leerplatform.test"
# Words a subject line must never carry: mail is read over shoulders and on shared screens
# (the list of tests/learners/test_attests.py, with the French and English forms).
TELLING_WORDS = [
    "geweld",
    "violence",
    "mishandeling",
    "maltraitance",
    "abuse",
    "misbruik",
    "vif",
    "huiselijk",
    "intrafamilia",
    "partner",
]


def session_make(*, starts_in=timedelta(days=7), hours=2, **overrides):
    """An on-site session open for sign-up now, with one date `starts_in` from now (a week).

    IntervisionSessionFactory under the name the intervision tests use; `overrides` replace any
    field (cancellation cut-off 2 days before that date, 12 places by default).
    """
    return IntervisionSessionFactory(starts_in=starts_in, hours=hours, **overrides)


def dates_add(session, *weeks, longer=timedelta(0)):
    """More dates for `session`: its first date `weeks` later each (lasting `longer` more);
    all its dates, in order."""
    first = session.meetings.order_by("starts_at").first()
    for week in weeks:
        Meeting.objects.create(
            session=session,
            starts_at=first.starts_at + timedelta(weeks=week),
            ends_at=first.ends_at + timedelta(weeks=week) + longer,
        )
    return list(session.meetings.order_by("starts_at"))


def person_make(**fields):
    """A professional of Gent (care sector, CAW: UserFactory's trait); `fields` replace any."""
    return UserFactory(professional=True, **fields)


@pytest.fixture(autouse=True)
def dutch():
    """Each test starts in Dutch, the default language, whatever an earlier test in the same
    worker left active: URLs reversed here then carry /nl/, as the person's messages do."""
    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def messages_sent_here(monkeypatch):
    """Message tasks run in the test's thread, also in the integration run.

    There `.delay` would hand them to a broker that no worker of these (non-transactional)
    tests reads. These tests are about the messages themselves; tests/e2e/test_intervision.py
    has a real worker send them.
    """
    from elearning.intervision.tasks import handover_message_send, signup_message_send

    for task in (signup_message_send, handover_message_send):
        monkeypatch.setattr(task, "delay", lambda *args, task=task: task.apply(args=args))


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a service, then what its commit sets off: the messages are sent.

    committed(services.signup_create, session_id=..., user=...) returns what the service does.
    """

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def mails_to(person):
    return [message for message in mail.outbox if message.to == [person.email]]


def invite_of(message):
    """The message's calendar invite, parsed, and the MIME type it was attached with."""
    [(filename, content, mimetype)] = message.attachments
    assert filename == "invite.ics"
    return Calendar.from_ical(content), mimetype
