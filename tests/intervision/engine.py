"""Shorthands for the sign-up engine's tests, on top of conftest's session_make/person_make."""

from elearning.core.models import Municipality, Sector
from elearning.intervision.models import SignUp

from .conftest import person_make, session_make


def session_with_places(places=12, **fields):
    """A session signing up now, a week ahead; a freed place goes at once (offer_hours=0)."""
    return session_make(**{"max_places": places, "offer_hours": 0, **fields})


def professional(municipality="Gent", sector="care", **fields):
    return person_make(
        municipality=Municipality.objects.get(name=municipality),
        sector=Sector.objects.get(code=sector),
        **fields,
    )


def statuses(session):
    """[(email, status)] in waiting-list order: what the facilitator's list shows."""
    return [
        (signup.user.email if signup.user else None, signup.status)
        for signup in SignUp.objects.filter(session=session).select_related("user")
    ]
