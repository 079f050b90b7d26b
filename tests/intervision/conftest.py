"""Sessions and people shared by the intervision tests."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from django.core import mail
from django.utils import timezone, translation

from elearning.core.models import Municipality, Sector
from elearning.intervision.models import IntervisionSession, Meeting
from tests.factories import UserFactory

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

    Cancellation cut-off 2 days before that date, 12 places; `overrides` replace any field.
    """
    now = timezone.now()
    starts = (now + starts_in).replace(second=0, microsecond=0)  # on the minute, like iCalendar
    fields = {
        # A telling title on purpose: it must never reach a subject line.
        "title": "Intervisie partnergeweld",
        "description": "Casusbespreking in kleine groep.",
        "address": "Stadhuis, Botermarkt 1, 9000 Gent",
        "signup_opens_at": now - timedelta(hours=1),
        "signup_closes_at": starts - timedelta(hours=1),
        "cancellation_cutoff_at": starts - timedelta(days=2),
        "max_places": 12,
        **overrides,
    }
    session = IntervisionSession.objects.create(**fields)
    Meeting.objects.create(
        session=session, starts_at=starts, ends_at=starts + timedelta(hours=hours)
    )
    return session


def person_make(**fields):
    """A professional of Gent (care sector, CAW); `fields` replace any of these."""
    defaults = {
        "municipality": Municipality.objects.get(name="Gent"),
        "sector": Sector.objects.get(code=Sector.Code.CARE),
        "organisation": "CAW Oost-Vlaanderen",
    }
    return UserFactory(**{**defaults, **fields})


@pytest.fixture
def learner(db):
    return person_make(first_name="Lies", last_name="Peeters")


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
