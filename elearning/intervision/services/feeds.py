"""The personal calendar feed's secret address: made on first use, replaced on request."""

import secrets

from django.db import transaction

from ..models import CalendarFeed


def _new_token():
    return secrets.token_urlsafe(32)


@transaction.atomic
def feed_token_ensure(*, user):
    """The person's feed token, made on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user, defaults={"token": _new_token()})
    return feed.token


@transaction.atomic
def feed_token_reset(*, user):
    """A new token: the old address stops working (a leaked address is closed this way)."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": _new_token()}
    )
    return feed.token
