"""Intervision: sessions with their dates, and sign-ups as the engine leaves them."""

from datetime import timedelta

import factory

from django.utils import timezone

from elearning.intervision.models import IntervisionSession, Meeting, SignUp, SignUpStatus

from .people import UserFactory


def _on_the_minute(moment):
    return moment.replace(second=0, microsecond=0)  # like iCalendar


class IntervisionSessionFactory(factory.django.DjangoModelFactory):
    """An on-site session open for sign-up now, with one date `starts_in` from now (a week).

    Sign-up closes an hour before, cancellation 2 days before that date; 12 places.
    """

    class Meta:
        model = IntervisionSession
        skip_postgeneration_save = True

    class Params:
        starts_in = timedelta(days=7)
        hours = 2
        starts = factory.LazyAttribute(lambda o: _on_the_minute(timezone.now() + o.starts_in))

    # A telling title on purpose: it must never reach a subject line.
    title = "Intervisie partnergeweld"
    description = "Casusbespreking in kleine groep."
    address = "Stadhuis, Botermarkt 1, 9000 Gent"
    signup_opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    signup_closes_at = factory.LazyAttribute(lambda o: o.starts - timedelta(hours=1))
    cancellation_cutoff_at = factory.LazyAttribute(lambda o: o.starts - timedelta(days=2))
    max_places = 12
    meeting = factory.RelatedFactory(
        "tests.factories.intervision.MeetingFactory",
        factory_related_name="session",
        starts_at=factory.SelfAttribute("..starts"),
        ends_at=factory.LazyAttribute(
            lambda o: o.factory_parent.starts + timedelta(hours=o.factory_parent.hours)
        ),
    )


class MeetingFactory(factory.django.DjangoModelFactory):
    """One date of a session (a series has several)."""

    class Meta:
        model = Meeting

    session = factory.SubFactory(IntervisionSessionFactory, meeting=None)
    starts_at = factory.LazyFunction(lambda: _on_the_minute(timezone.now() + timedelta(days=7)))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))


class SignUpFactory(factory.django.DjangoModelFactory):
    """A sign-up row as the engine leaves it (the engine itself is tested through its services).

    A confirmed place is confirmed when it got its turn; the person's municipality and sector are
    kept on the row, as the engine does for the statistics that outlive an erasure.
    """

    class Meta:
        model = SignUp

    session = factory.SubFactory(IntervisionSessionFactory)
    user = factory.SubFactory(UserFactory, professional=True)
    status = SignUpStatus.CONFIRMED
    queued_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(
        lambda o: o.queued_at if o.status == SignUpStatus.CONFIRMED else None
    )
    municipality = factory.LazyAttribute(lambda o: o.user.municipality if o.user else None)
    sector = factory.LazyAttribute(lambda o: o.user.sector if o.user else None)
