"""The personal calendar feed: a secret address a calendar app subscribes to, renewable."""

import pytest
from icalendar import Calendar

from django.urls import reverse
from django.utils import timezone

from elearning.intervision.calendar import series_uid
from elearning.intervision.models import CalendarFeed, IntervisionSession, SignUpStatus
from elearning.intervision.services import feed_token_ensure
from tests.factories import SignUpFactory

from .conftest import SITE_HOST, session_make

pytestmark = pytest.mark.django_db


def feed_url(token):
    return reverse("intervision_feed", args=[token])


def uids(session):
    return {series_uid(session, SITE_HOST)}


def test_the_feed_holds_the_persons_coming_sessions_and_nothing_else(client, learner):
    confirmed, waiting, left, called_off, others = (session_make() for _ in range(5))
    SignUpFactory(session=confirmed, user=learner)
    SignUpFactory(session=waiting, user=learner, status=SignUpStatus.WAITLISTED)
    SignUpFactory(session=left, user=learner, status=SignUpStatus.CANCELLED)
    SignUpFactory(session=called_off, user=learner)
    IntervisionSession.objects.filter(pk=called_off.pk).update(cancelled_at=timezone.now())
    SignUpFactory(session=others)

    response = client.get(
        feed_url(feed_token_ensure(user=learner))
    )  # no sign-in: apps have no cookies

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = Calendar.from_ical(response.content)
    assert parsed["METHOD"] == "PUBLISH"
    events = {str(event["UID"]): event for event in parsed.walk("VEVENT")}
    assert set(events) == uids(confirmed) | uids(waiting)
    [tentative] = uids(waiting)
    assert events[tentative]["STATUS"] == "TENTATIVE"


def test_the_token_stays_the_same_until_reset(learner):
    token = feed_token_ensure(user=learner)

    assert feed_token_ensure(user=learner) == token
    assert len(token) >= 40  # 32 random bytes


@pytest.mark.parametrize("token", ["not-a-token", "x" * 500, "%00"])
def test_an_unknown_token_is_not_found(client, learner, token):
    feed_token_ensure(user=learner)

    assert client.get(feed_url(token)).status_code == 404


def test_a_deactivated_account_has_no_feed(client, learner):
    token = feed_token_ensure(user=learner)
    learner.is_active = False
    learner.save()

    assert client.get(feed_url(token)).status_code == 404


def test_resetting_gives_a_new_address_and_closes_the_old_one(client, learner):
    old = feed_token_ensure(user=learner)
    client.force_login(learner)

    response = client.post(reverse("intervision_feed_reset"), {"next": "/nl/account/"})

    assert response.status_code == 302 and response["Location"] == "/nl/account/"
    new = CalendarFeed.objects.get(user=learner).token
    assert new != old
    client.logout()
    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200


@pytest.mark.parametrize("next_url", ["https://elders.example/", "//elders.example/", ""])
def test_the_reset_returns_only_to_this_site(client, learner, next_url):
    client.force_login(learner)

    response = client.post(reverse("intervision_feed_reset"), {"next": next_url})

    assert response.status_code == 302 and response["Location"] == "/"


def test_the_reset_is_post_only_and_needs_sign_in(client, learner):
    token = feed_token_ensure(user=learner)

    anonymous = client.post(reverse("intervision_feed_reset"))
    client.force_login(learner)
    by_get = client.get(reverse("intervision_feed_reset"))

    assert anonymous.status_code == 302 and "/account/login/" in anonymous["Location"]
    assert by_get.status_code == 405
    assert CalendarFeed.objects.get(user=learner).token == token
