"""Sessions and people for the sign-up engine's tests."""

from datetime import timedelta

from django.utils import timezone

from elearning.core.models import Municipality, Sector
from elearning.intervision.models import IntervisionSession, Meeting, SignUp
from tests.factories import UserFactory


def session_with_places(places=12, *, starts_in=timedelta(days=7), **fields):
    """A session signing up now, one meeting `starts_in` from now, cut-off a day before."""
    now = timezone.now()
    starts = now + starts_in
    defaults = {
        "title": "Intervisie partnergeweld",
        "signup_opens_at": now - timedelta(days=1),
        "signup_closes_at": starts - timedelta(hours=1),
        "cancellation_cutoff_at": starts - timedelta(days=1),
        "max_places": places,
        "offer_hours": 0,
        "address": "Stadhuis, Botermarkt 1, 9000 Gent",
    }
    session = IntervisionSession.objects.create(**{**defaults, **fields})
    Meeting.objects.create(session=session, starts_at=starts, ends_at=starts + timedelta(hours=2))
    return session


def professional(municipality="Gent", sector="care", organisation="CAW Oost-Vlaanderen", **kw):
    return UserFactory(
        municipality=Municipality.objects.get(name=municipality),
        sector=Sector.objects.get(code=sector),
        organisation=organisation,
        **kw,
    )


def statuses(session):
    """[(email, status)] in waiting-list order: what the facilitator's list shows."""
    return [
        (signup.user.email if signup.user else None, signup.status)
        for signup in SignUp.objects.filter(session=session).select_related("user")
    ]
