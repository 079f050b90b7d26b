"""The learner's pages: the agenda, a session, signing up, "my sessions", the calendar invite,
and what an erased account leaves behind."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from django.urls import reverse
from django.utils import timezone, translation

from courses.models import Theme
from elearning.accounts.services import account_erase
from elearning.intervision import services
from elearning.intervision.models import SignUp, SignUpStatus
from tests.factories import SignUpFactory, ThemeFactory

from .engine import professional, session_with_places

pytestmark = pytest.mark.django_db


def page(client, name, *args, **params):
    return client.get(reverse(name, args=args), params)


def text(response):
    return response.content.decode()


def test_the_agenda_lists_sessions_to_come_with_their_places(client):
    soon = session_with_places(2, title="Intervisie ouderenmis")
    later = session_with_places(
        12, title="Intervisie kindermishandeling", starts_in=timedelta(days=30)
    )
    session_with_places(12, title="Afgelast", cancelled_at=timezone.now())
    over = session_with_places(12, title="Voorbij")
    over.meetings.update(starts_at=timezone.now() - timedelta(days=2))
    for _ in range(2):
        SignUpFactory(session=soon)

    html = text(page(client, "intervision:agenda"))

    assert html.index(soon.title) < html.index(later.title)
    assert "Afgelast" not in html and "Voorbij" not in html
    assert "Volzet: u kunt op de wachtlijst" in html
    assert "nog 12 plaatsen vrij" in html


def test_the_agenda_filters_by_theme_and_says_when_nothing_matches(client):
    theme = ThemeFactory(name="Ouderenmis", slug="ouderenmis")
    ThemeFactory(name="Leeg thema", slug="leeg")
    session_with_places(title="Over ouderen", theme=theme)
    session_with_places(title="Over iets anders")

    filtered = text(page(client, "intervision:agenda", theme="ouderenmis"))
    empty = text(page(client, "intervision:agenda", theme="leeg"))
    hostile = page(client, "intervision:agenda", theme="<script>", page="999999")

    assert "Over ouderen" in filtered and "Over iets anders" not in filtered
    assert "Geen komende sessies over dit thema." in empty
    assert hostile.status_code == 200 and "Over iets anders" in text(hostile)
    assert Theme.objects.count() == 2


def test_the_agenda_pages_through_many_sessions(client):
    for number in range(23):
        session_with_places(title=f"Sessie {number:02d}", starts_in=timedelta(days=2 + number))

    first, second = (
        text(page(client, "intervision:agenda")),
        text(page(client, "intervision:agenda", page=2)),
    )

    assert "Sessie 00" in first and "Sessie 20" not in first
    assert "Sessie 20" in second and 'rel="prev"' in second


def test_a_visitor_reads_the_session_and_is_asked_to_sign_in(client):
    session = session_with_places(address="Stadhuis Eeklo")

    html = text(page(client, "intervision:session_detail", session.pk))

    assert "Stadhuis Eeklo" in html and "Meld u aan om in te schrijven" in html
    assert reverse("intervision:signup_create", args=[session.pk]) not in html


def test_a_professional_signs_up_and_sees_the_confirmation_and_the_invite(client):
    session = session_with_places(confidentiality_text="Wat hier gezegd wordt, blijft hier.")
    person = professional()
    client.force_login(person)
    form = text(page(client, "intervision:session_detail", session.pk))
    assert 'name="confidentiality"' in form and "Wat hier gezegd wordt" in form

    response = client.post(
        reverse("intervision:signup_create", args=[session.pk]),
        {"confidentiality": "accepted"},
        follow=True,
    )

    assert "U bent ingeschreven" in text(response)
    signup = SignUp.objects.get(user=person)
    invite = client.get(reverse("intervision:signup_invite", args=[signup.pk]))
    assert invite["Content-Type"].startswith("text/calendar")
    [event] = Calendar.from_ical(invite.content).walk("VEVENT")
    assert event["STATUS"] == "CONFIRMED"


def test_a_dutch_session_read_in_french_is_marked_as_dutch(client):
    """A screen reader reads the session's own words with a Dutch voice (WCAG 3.1.2)."""
    session = session_with_places(title="Intervisie ouderenmis", description="Casusbespreking.")
    person = professional()
    SignUp.objects.create(
        session=session, user=person, status=SignUpStatus.CONFIRMED, queued_at=timezone.now()
    )
    client.force_login(person)

    with translation.override("fr"):
        pages = [
            page(client, "intervision:agenda"),
            page(client, "intervision:session_detail", session.pk),
            page(client, "intervision:my_sessions"),
        ]

    for response in pages:
        soup = BeautifulSoup(text(response), "html.parser")
        assert soup.html["lang"] == "fr"
        titles = soup.find_all(string="Intervisie ouderenmis")
        assert titles
        for title in titles:
            assert title.find_parent(attrs={"lang": True})["lang"] == "nl"
    detail = BeautifulSoup(text(pages[1]), "html.parser")
    assert detail.find(string="Casusbespreking.").find_parent(attrs={"lang": True})["lang"] == "nl"


def test_an_ineligible_professional_sees_why_and_gets_no_form(client):
    session = session_with_places()
    session.municipalities.set([professional(municipality="Eeklo").municipality])
    client.force_login(professional(municipality="Gent"))

    html = text(page(client, "intervision:session_detail", session.pk))

    assert "Deze sessie is voor professionals van Eeklo." in html
    assert reverse("intervision:signup_create", args=[session.pk]) not in html


def test_hostile_requests_change_nothing(client):
    session = session_with_places()
    owner, other = professional(), professional()
    signup = SignUpFactory(session=session, user=owner)
    client.force_login(other)

    assert client.get(reverse("intervision:signup_create", args=[session.pk])).status_code == 405
    forged = client.post(reverse("intervision:signup_create", args=[999999]), follow=True)
    cancel = client.post(reverse("intervision:signup_cancel", args=[signup.pk]), follow=True)
    invite = client.get(reverse("intervision:signup_invite", args=[signup.pk]))
    unknown = client.get(reverse("intervision:session_detail", args=[999999]))

    assert "Deze sessie bestaat niet." in text(forged)
    assert "Deze inschrijving bestaat niet." in text(cancel)
    assert invite.status_code == 404 and unknown.status_code == 404
    assert list(SignUp.objects.values_list("user", "status")) == [(owner.pk, "confirmed")]
    client.logout()
    anonymous = client.post(reverse("intervision:signup_create", args=[session.pk]))
    assert anonymous.status_code == 302 and "login" in anonymous.url
    assert SignUp.objects.count() == 1


def test_my_sessions_shows_the_waiting_position_and_cancels(client):
    session = session_with_places(1)
    holder, waiting = professional(), professional()
    SignUpFactory(session=session, user=holder)
    mine = SignUpFactory(session=session, user=waiting, status=SignUpStatus.WAITLISTED)
    client.force_login(waiting)

    html = text(page(client, "intervision:my_sessions"))
    assert "nummer 1 op de wachtlijst" in html and "Verlaat de wachtlijst" in html
    assert "/calendar/" in html  # the personal feed address

    response = client.post(
        reverse("intervision:signup_cancel", args=[mine.pk]), {"next": "my_sessions"}, follow=True
    )

    assert "Uw inschrijving is geannuleerd" in text(response)
    assert SignUp.objects.get(pk=mine.pk).status == SignUpStatus.CANCELLED


def test_the_join_link_shows_only_to_confirmed_participants(client):
    session = session_with_places(
        1, mode="online", address="", join_url="https://meet.example.org/abc"
    )
    confirmed, waiting = professional(), professional()
    for person, status in ((confirmed, SignUpStatus.CONFIRMED), (waiting, SignUpStatus.WAITLISTED)):
        SignUpFactory(session=session, user=person, status=status)

    def sees_link(person):
        client.force_login(person)
        return "meet.example.org/abc" in text(
            page(client, "intervision:session_detail", session.pk)
        )

    assert sees_link(confirmed)
    assert not sees_link(waiting)
    client.logout()
    assert "meet.example.org/abc" not in text(
        page(client, "intervision:session_detail", session.pk)
    )


def test_the_course_page_lists_its_sessions(client, library_tree):
    course = library_tree["pages"]["course"]
    session_with_places(title="Intervisie bij de opleiding", course=course)

    assert "Intervisie bij de opleiding" in text(client.get(course.url))


def test_the_download_holds_the_sign_ups(client):
    session = session_with_places(confidentiality_text="Vertrouwelijk.")
    person = professional()
    SignUpFactory(session=session, user=person, confidentiality_accepted_at=timezone.now())
    client.force_login(person)

    data = json.loads(client.get("/nl/account/profile/download/").content)

    [entry] = data["intervision"]
    assert entry["session"] == session.title and entry["status"] == "confirmed"
    assert entry["confidentiality_accepted_at"]


def test_erasing_an_account_frees_its_place_for_the_next_in_line():
    session = session_with_places(1)
    leaving, waiting = professional(), professional()
    services.signup_create(session_id=session.pk, user=leaving)
    services.signup_create(session_id=session.pk, user=waiting)

    account_erase(user=leaving)

    rows = list(
        SignUp.objects.filter(session=session).values_list("user", "status", "municipality")
    )
    assert rows[0][:2] == (None, "cancelled") and rows[0][2] is not None  # anonymous, counted
    assert rows[1][:2] == (waiting.pk, "confirmed")


def test_a_live_webinar_registers_through_the_engine_and_shows_its_link_to_registered_people(
    client, library_tree
):
    webinar = library_tree["pages"]["webinar"]
    french = library_tree["translations"][("webinar", "fr")]
    for version in (webinar, french):  # wagtail-localize copies the date on a sync
        version.starts_at = timezone.now() + timedelta(days=3)
        version.save_revision().publish()
    session = session_with_places(
        None, title="Live webinar", webinar=webinar, mode="online", address="",
        join_url="https://meet.example.org/live",
    )  # fmt: skip

    for page_html in (text(client.get(webinar.url)), text(client.get(french.url))):
        assert (
            reverse("intervision:session_detail", args=[session.pk]).split("/", 2)[2] in page_html
        )
    person = professional()
    client.force_login(person)
    client.post(reverse("intervision:signup_create", args=[session.pk]))

    assert SignUp.objects.get(user=person).status == SignUpStatus.CONFIRMED  # no place limit
    assert "meet.example.org/live" in text(page(client, "intervision:session_detail", session.pk))
