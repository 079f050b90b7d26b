"""The smoke test of tests/factories: every factory builds a valid row with its defaults."""

from datetime import timedelta

import factory
import pytest
import wagtail_factories
from allauth.account.models import EmailAddress

from django.utils import timezone

from elearning.intervision.models import SignUpStatus
from elearning.learners.models import ProgressStatus
from tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = sorted(
    (
        value
        for value in vars(factories).values()
        if isinstance(value, type) and issubclass(value, factory.Factory)
    ),
    key=lambda each: each.__name__,
)

OPTIONAL_IN_THE_DATABASE = {factories.IntervisionSessionFactory: ["facilitator"]}


def test_every_factory_is_listed():
    """A factory added to tests/factories but not imported there would escape this smoke test."""
    assert {each.__name__ for each in FACTORIES} == {
        name for name in factories.__all__ if name.endswith("Factory")
    }
    assert len(FACTORIES) >= 20


@pytest.mark.parametrize("each", FACTORIES, ids=lambda each: each.__name__)
def test_every_factory_builds_a_valid_row(each):
    if issubclass(each, wagtail_factories.PageFactory) and each is not factories.HomePageFactory:
        row = each(parent=factories.make_home())
    else:
        row = each()

    assert row.pk is not None
    # Fields, choices and the model's constraints hold, as a form would check them. A session
    # may lose its facilitator (the person's account is erased), so the default has none.
    row.full_clean(exclude=OPTIONAL_IN_THE_DATABASE.get(each, []))
    assert type(row).objects.filter(pk=row.pk).exists()


def test_twice_the_same_factory_gives_two_rows():
    for each in (
        factories.UserFactory,
        factories.SignUpFactory,
        factories.ModuleProgressFactory,
        factories.AttestFactory,
        factories.EvaluationRatingFactory,
    ):
        first, second = each(), each()
        assert first.pk != second.pk


def test_a_session_opens_for_sign_up_with_one_date_a_week_away():
    session = factories.IntervisionSessionFactory(starts_in=timedelta(days=3), hours=3)
    [meeting] = session.meetings.all()

    assert meeting.starts_at - timezone.now() == pytest.approx(
        timedelta(days=3), abs=timedelta(minutes=1)
    )
    assert meeting.ends_at - meeting.starts_at == timedelta(hours=3)
    assert session.signup_opens_at < timezone.now() < session.signup_closes_at < meeting.starts_at
    assert session.cancellation_cutoff_at == meeting.starts_at - timedelta(days=2)


def test_a_sign_up_is_left_as_the_engine_leaves_it():
    confirmed = factories.SignUpFactory()
    waiting = factories.SignUpFactory(status=SignUpStatus.WAITLISTED)

    assert confirmed.confirmed_at == confirmed.queued_at
    assert waiting.confirmed_at is None
    assert confirmed.municipality.name == "Gent"
    assert confirmed.sector == confirmed.user.sector


def test_progress_belongs_to_the_enrolments_learner():
    progress = factories.ModuleProgressFactory(completed=True)

    assert progress.user == progress.enrolment.user
    assert progress.status == ProgressStatus.COMPLETED
    assert progress.completed_at == progress.last_activity_at


def test_a_verified_learner_can_sign_in_with_their_address():
    learner = factories.UserFactory(verified=True, email="lies@example.org")

    assert EmailAddress.objects.filter(
        user=learner, email="lies@example.org", verified=True, primary=True
    ).exists()
    assert learner.check_password("correct-horse-battery")
