"""A session's own page as each role sees it: full sessions say so, a cancellation asks first,
and facilitators appear by name, never by their login address (pages and calendar feeds)."""

import re

import pytest

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from elearning.intervision import calendar
from elearning.intervision.models import SignUp, SignUpStatus
from tests.factories import SignUpFactory, UserFactory

from .engine import professional, session_with_places

pytestmark = pytest.mark.django_db

ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
FULL_NOTICE = "Deze sessie is volzet. Als u zich inschrijft, komt u op de wachtlijst"


def detail(client, session):
    response = client.get(reverse("intervision:session_detail", args=[session.pk]))
    assert response.status_code == 200
    return response.content.decode()


def full_session(**fields):
    session = session_with_places(1, **fields)
    SignUpFactory(session=session, user=professional())
    return session


# --- A full session ------------------------------------------------------------------------


def test_a_learner_sees_that_signing_up_for_a_full_session_means_the_waiting_list(client):
    client.force_login(professional())

    html = detail(client, full_session())

    assert FULL_NOTICE in html
    assert ">Op de wachtlijst zetten</button>" in html
    assert ">Inschrijven</button>" not in html


def test_an_anonymous_visitor_also_reads_that_the_session_is_full(client):
    html = detail(client, full_session())

    assert FULL_NOTICE in html
    assert "Op de wachtlijst zetten" not in html  # signing in comes first


def test_a_session_with_places_left_says_nothing_of_a_waiting_list(client):
    client.force_login(professional())

    html = detail(client, session_with_places(2))

    assert FULL_NOTICE not in html
    assert ">Inschrijven</button>" in html


def test_who_holds_a_place_in_a_full_session_is_not_told_to_join_the_waiting_list(client):
    session = session_with_places(1)
    holder = professional()
    SignUpFactory(session=session, user=holder)
    client.force_login(holder)

    html = detail(client, session)

    assert FULL_NOTICE not in html and "Uw plaats is bevestigd." in html


def test_joining_a_full_session_puts_the_learner_on_the_waiting_list(client):
    session, learner = full_session(), professional()
    client.force_login(learner)

    client.post(reverse("intervision:signup_create", args=[session.pk]))

    assert SignUp.objects.get(user=learner).status == SignUpStatus.WAITLISTED


# --- Cancelling asks first -----------------------------------------------------------------


def cancel_url(signup):
    return reverse("intervision:signup_cancel", args=[signup.pk])


def test_cancelling_asks_for_confirmation_and_a_get_never_cancels(client):
    learner = professional()
    signup = SignUpFactory(session=session_with_places(), user=learner)
    client.force_login(learner)

    question = client.get(cancel_url(signup))

    html = question.content.decode()
    assert question.status_code == 200
    assert "Weet u zeker dat u uw plaats wilt annuleren?" in html
    assert f'<form method="post" action="{cancel_url(signup)}"' in html
    assert ">Ja, mijn plaats annuleren</button>" in html
    assert SignUp.objects.get(pk=signup.pk).status == SignUpStatus.CONFIRMED

    done = client.post(cancel_url(signup), {"next": "my_sessions"}, follow=True)

    assert "Uw inschrijving is geannuleerd" in done.content.decode()
    assert SignUp.objects.get(pk=signup.pk).status == SignUpStatus.CANCELLED


def test_leaving_the_waiting_list_asks_in_its_own_words(client):
    session, learner = full_session(), professional()
    signup = SignUpFactory(session=session, user=learner, status=SignUpStatus.WAITLISTED)
    client.force_login(learner)

    html = client.get(cancel_url(signup)).content.decode()

    assert "Weet u zeker dat u de wachtlijst wilt verlaten?" in html
    assert SignUp.objects.get(pk=signup.pk).status == SignUpStatus.WAITLISTED


def test_my_sessions_links_to_the_question_instead_of_cancelling_at_once(client):
    learner = professional()
    signup = SignUpFactory(session=session_with_places(), user=learner)
    client.force_login(learner)

    html = client.get(reverse("intervision:my_sessions")).content.decode()

    assert f'<a class="button button--secondary" href="{cancel_url(signup)}">' in html
    assert f'action="{cancel_url(signup)}"' not in html


def test_nobody_else_gets_the_question_or_changes_anything(client):
    owner = professional()
    signup = SignUpFactory(session=session_with_places(), user=owner)

    anonymous = client.get(cancel_url(signup))
    client.force_login(professional())
    other = client.get(cancel_url(signup), follow=True)
    unknown = client.get(reverse("intervision:signup_cancel", args=[999999]), follow=True)

    assert anonymous.status_code == 302 and "login" in anonymous.url
    assert "Deze inschrijving bestaat niet." in other.content.decode()
    assert "Deze inschrijving bestaat niet." in unknown.content.decode()
    assert SignUp.objects.get(pk=signup.pk).status == SignUpStatus.CONFIRMED


def test_an_already_cancelled_place_is_not_asked_about_again(client):
    learner = professional()
    signup = SignUpFactory(session=session_with_places(), user=learner)
    client.force_login(learner)
    client.post(cancel_url(signup))

    again = client.get(cancel_url(signup), follow=True)

    assert "Deze inschrijving bestaat niet." in again.content.decode()


# --- Facilitators by name ------------------------------------------------------------------


@pytest.fixture
def facilitator():
    return UserFactory(email="begeleider.staff@gent.be", first_name="Sara", last_name="Claes")


def anonymous_pages(client, session):
    cache.clear()
    client.logout()
    return [
        client.get(reverse("intervision:agenda")).content.decode(),
        detail(client, session),
    ]


def test_a_facilitator_is_shown_by_name_and_no_address_reaches_anonymous_pages(client, facilitator):
    session = session_with_places(facilitator=facilitator)
    SignUpFactory(session=session, user=professional())

    for html in anonymous_pages(client, session):
        assert facilitator.email not in html
        assert not ADDRESS.search(html), ADDRESS.search(html).group(0)
    assert "Sara Claes" in detail(client, session)


def test_a_facilitator_without_a_name_is_not_named_by_their_address(client):
    nameless = UserFactory(email="zonder.naam@gent.be", first_name="", last_name="")
    session = session_with_places(facilitator=nameless)

    html = detail(client, session)

    assert "zonder.naam" not in html
    assert not ADDRESS.search(html)


@pytest.mark.parametrize("role", ["learner", "facilitator of another session"])
def test_signed_in_people_see_the_name_not_the_address(client, facilitator, role):
    viewer = professional()
    if role == "facilitator of another session":
        session_with_places(facilitator=viewer, title="Een andere sessie")
    client.force_login(viewer)

    html = detail(client, session_with_places(facilitator=facilitator))

    assert "Sara Claes" in html and facilitator.email not in html


def test_the_calendar_feed_names_no_person_by_address(client, facilitator):
    learner = professional(email="deelnemer@gent.be")
    session = session_with_places(facilitator=facilitator)
    SignUpFactory(session=session, user=learner)
    client.force_login(learner)
    my_sessions = client.get(reverse("intervision:my_sessions")).content.decode()
    feed_path = re.search(r"/calendar/[\w-]+\.ics", my_sessions).group(0)
    client.logout()

    feed = client.get(feed_path)

    content = feed.content.decode().replace("\r\n ", "")  # unfolded
    assert feed.status_code == 200 and "BEGIN:VEVENT" in content
    assert facilitator.email not in content and learner.email not in content
    # Only the site's own sending address (the iCalendar ORGANIZER), no person's.
    assert set(re.findall(r"mailto:([^\s;:]+)", content)) == {settings.DEFAULT_FROM_EMAIL}
    assert b"ATTENDEE" not in calendar.personal_feed(learner)
