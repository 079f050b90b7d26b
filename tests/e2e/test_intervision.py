"""Acceptance of intervision in Chromium: a learner signs up, gets the invite and cancels, and
the first person on the waiting list has the place at once, by mail; signing up works with the
keyboard alone; a place offered to a colleague is accepted with the keyboard alone; the agenda,
a session and "My sessions" pass axe in Dutch and French.

Messages leave through Celery: eagerly in the SQLite run, from a real worker in the integration
run, so the outbox is polled rather than read once.
"""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from icalendar import Calendar
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from elearning.intervision.models import PlaceHandover, SignUp, SignUpStatus
from tests.intervision.conftest import TELLING_WORDS, person_make, session_make
from tests.waiting import eventually

from .conftest import TIMEOUT_MS, BrowserLog, account_menu
from .test_accessibility import axe_report
from .test_learning_journey import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"  # UserFactory's
AGREEMENT = "Wat in de groep over cliënten gezegd wordt, blijft in de groep."
# The invite link's text ends in "(.ics)" in every language.
INVITE_LINK = re.compile(r"\(\.ics\)")


def learner_make(first_name, email):
    """A professional who can sign in: allauth asks for a verified address."""
    learner = person_make(first_name=first_name, email=email)
    EmailAddress.objects.create(user=learner, email=learner.email, verified=True, primary=True)
    return learner


def one_place_session(**fields):
    """One place, and a freed place goes to the first person waiting at once (offer_hours 0)."""
    return session_make(max_places=1, offer_hours=0, confidentiality_text=AGREEMENT, **fields)


def invite_events(content):
    return Calendar.from_ical(content).walk("VEVENT")


def confirming_mails_to(person):
    """Messages to `person` whose invite puts a confirmed place in their calendar."""
    found = []
    for message in mail.outbox:
        if message.to != [person.email] or not message.attachments:  # an offer has no invite
            continue
        [(_name, content, _mimetype)] = message.attachments
        if all(str(event["status"]) == "CONFIRMED" for event in invite_events(content)):
            found.append(message)
    return found


def sign_up(page, agreement="Ik aanvaard deze afspraak", button="Inschrijven"):
    page.get_by_label(agreement).check()
    page.get_by_role("button", name=button).click()


def assert_no_browser_errors(*pages):
    for each in pages:
        assert not each.browser_log.page_errors
        assert not each.browser_log.failures


@pytest.fixture
def colleague_page(browser, live_server):
    """A second browser, with cookies of its own, for a second learner."""
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.browser_log = BrowserLog(page)
    yield page
    context.close()


def test_a_cancelled_place_goes_to_the_first_learner_waiting(
    page, colleague_page, small_tree, celery_worker_real
):
    session = one_place_session()
    meeting = session.meetings.get()
    first = learner_make("An", "an.declercq@example.org")
    waiting = learner_make("Bram", "bram.willems@example.org")

    # An finds the session in the agenda and takes its only place.
    sign_in(page, first.email, PASSWORD)
    page.get_by_role("link", name="Intervisie", exact=True).click()
    page.get_by_role("link", name=session.title).click()
    sign_up(page)
    expect(page.locator(".messages")).to_contain_text(
        "U bent ingeschreven. Een bevestiging met een agenda-uitnodiging is onderweg."
    )
    expect(page.get_by_text("U bent ingeschreven. Uw plaats is bevestigd.")).to_be_visible()

    # The invite on the page is the one the calendar gets: this date, confirmed.
    invite_link = page.get_by_role("link", name=INVITE_LINK)
    expect(invite_link).to_be_visible()
    invite_url = invite_link.evaluate("link => link.href")
    response = page.request.get(invite_url)
    assert response.ok, f"{invite_url}: HTTP {response.status}"
    assert response.headers["content-type"].startswith("text/calendar")
    [event] = invite_events(response.body())
    assert event.decoded("dtstart") == meeting.starts_at
    assert str(event["status"]) == "CONFIRMED"

    # Bram comes second: the waiting list.
    sign_in(colleague_page, waiting.email, PASSWORD)
    colleague_page.goto(f"/nl/intervision/{session.pk}/")
    expect(colleague_page.get_by_text("Deze sessie is volzet.")).to_be_visible()
    sign_up(colleague_page, button="Op de wachtlijst zetten")
    expect(colleague_page.locator(".messages")).to_contain_text(
        "De sessie is volzet: u staat op de wachtlijst (nummer 1)."
    )

    # An cancels under "My sessions", confirms; the place is Bram's at once.
    account_menu(page).get_by_role("link", name="Mijn sessies", exact=True).click()
    page.get_by_role("link", name="Annuleer mijn plaats").click()
    expect(page.get_by_text("Weet u zeker dat u uw plaats wilt annuleren?")).to_be_visible()
    assert SignUp.objects.get(session=session, user=first).status == SignUpStatus.CONFIRMED
    page.get_by_role("button", name="Ja, mijn plaats annuleren").click()
    expect(page.locator(".messages")).to_contain_text("Uw inschrijving is geannuleerd.")
    assert SignUp.objects.get(session=session, user=waiting).status == SignUpStatus.CONFIRMED
    assert SignUp.objects.get(session=session, user=first).status == SignUpStatus.CANCELLED

    # Bram is told by mail, with an invite that confirms the place, under a discreet subject.
    [promoted] = eventually(
        lambda: confirming_mails_to(waiting), timeout=30, message="no confirmation to Bram"
    )
    [(_name, content, _mimetype)] = promoted.attachments
    [event] = invite_events(content)
    assert event.decoded("dtstart") == meeting.starts_at
    subject = promoted.subject.lower()
    assert session.title.lower() not in subject
    assert not [word for word in TELLING_WORDS if word in subject], promoted.subject
    assert_no_browser_errors(page, colleague_page)


def test_signing_up_works_with_the_keyboard_alone(page, small_tree, celery_worker_real):
    session = one_place_session()
    learner = learner_make("Lotte", "lotte.maes@example.org")
    sign_in(page, learner.email, PASSWORD)
    page.goto(f"/nl/intervision/{session.pk}/")

    agreement = page.get_by_label("Ik aanvaard deze afspraak")
    for _press in range(60):  # through the skip link, quick exit and menus to the form
        page.keyboard.press("Tab")
        if agreement.evaluate("box => box === document.activeElement"):
            break
    expect(agreement).to_be_focused()
    page.keyboard.press("Space")
    expect(agreement).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Inschrijven")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator(".messages")).to_contain_text("U bent ingeschreven.")
    assert SignUp.objects.get(session=session, user=learner).status == SignUpStatus.CONFIRMED
    # Let the confirmation leave before the test ends (a worker sends it in the integration run).
    eventually(lambda: confirming_mails_to(learner), timeout=30, message="no confirmation was sent")
    assert_no_browser_errors(page)


def signup_make(session, user, status):
    """A sign-up as the engine leaves it, without its messages (this test is about pages)."""
    now = timezone.now()
    confirmed = status == SignUpStatus.CONFIRMED
    return SignUp.objects.create(
        session=session,
        user=user,
        status=status,
        queued_at=now,
        confirmed_at=now if confirmed else None,
        confidentiality_accepted_at=now,
    )


def test_agenda_session_and_my_sessions_pass_axe(page, small_tree):
    learner = learner_make("Sara", "sara.janssens@example.org")
    colleague = learner_make("Tom", "tom.peeters@example.org")
    confirmed = one_place_session(title="Intervisie in Gent")
    full = one_place_session(title="Intervisie in Eeklo")
    open_session = one_place_session(title="Intervisie in Wetteren")
    place = signup_make(confirmed, learner, SignUpStatus.CONFIRMED)
    signup_make(full, colleague, SignUpStatus.CONFIRMED)
    signup_make(full, learner, SignUpStatus.WAITLISTED)
    failures = {}

    def check(url, shows, count=1):
        """Open `url`, see `count` elements `shows` (the state meant), then run axe."""
        response = page.goto(url)
        assert response.ok, f"{url}: HTTP {response.status}"
        expect(page.locator(shows)).to_have_count(count)
        report = axe_report(page)
        if report:
            failures[url] = report

    for language in ("nl", "fr"):
        check(f"/{language}/intervision/", "main .card", count=3)
        check(f"/{language}/intervision/{open_session.pk}/", ".signup a.button")  # sign in
        check(f"/{language}/intervision/{full.pk}/", "main .notice--warning")  # full
    sign_in(page, learner.email, PASSWORD)
    for language in ("nl", "fr"):
        check(f"/{language}/intervision/{open_session.pk}/", "#confidentiality")
        check(f"/{language}/intervision/{confirmed.pk}/", ".signup .notice--ok")
        check(f"/{language}/account/sessions/", "main .card", count=2)
        check(f"/{language}/account/sessions/{place.pk}/cancel/", "main form button")

    for url, report in failures.items():
        print(f"\n===== axe: {url} =====\n{report}")
    assert not failures, f"axe violations on {sorted(failures)} (reports printed above)"
    assert_no_browser_errors(page)


def tab_to(page, locator, presses=60):
    """Press Tab until `locator` has the focus (through the skip link, quick exit and menus)."""
    for _press in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            break
    expect(locator).to_be_focused()


def test_a_colleague_accepts_an_offered_place_with_the_keyboard_alone(
    page, colleague_page, small_tree, celery_worker_real
):
    session = one_place_session(title="Intervisie in Gent")
    giver = learner_make("Jan", "jan.claes@example.org")
    colleague = learner_make("Lies", "lies.peeters@example.org")
    signup_make(session, giver, SignUpStatus.CONFIRMED)
    failures = {}

    # Jan offers his place under "My sessions" (English pages: the texts are new).
    sign_in(page, giver.email, PASSWORD)
    page.goto("/en/account/sessions/")
    page.get_by_text("Hand my place to a colleague").click()
    page.get_by_label("Your colleague's email address (same organisation)").fill(colleague.email)
    page.get_by_role("button", name="Offer my place").click()
    expect(page.locator(".messages")).to_contain_text(
        "If this colleague can take your place, they have received an offer."
    )
    if report := axe_report(page):
        failures["giver"] = report
    assert SignUp.objects.get(session=session, user=giver).status == SignUpStatus.CONFIRMED
    eventually(
        lambda: [m for m in mail.outbox if m.to == [colleague.email]],
        timeout=30,
        message="the colleague was not offered the place",
    )

    # Lies finds the offer and takes it, with the keyboard alone.
    sign_in(colleague_page, colleague.email, PASSWORD)
    colleague_page.goto("/en/account/sessions/")
    expect(colleague_page.get_by_role("heading", name="Places offered to you")).to_be_visible()
    if report := axe_report(colleague_page):
        failures["colleague"] = report
    agreement = colleague_page.get_by_label("I accept this agreement")
    tab_to(colleague_page, agreement)
    colleague_page.keyboard.press("Space")
    expect(agreement).to_be_checked()
    colleague_page.keyboard.press("Tab")
    expect(colleague_page.get_by_role("button", name="Accept the place")).to_be_focused()
    colleague_page.keyboard.press("Enter")

    expect(colleague_page.locator(".messages")).to_contain_text("The place is yours.")
    expect(colleague_page.get_by_text("Places offered to you")).to_have_count(0)
    assert SignUp.objects.get(session=session, user=colleague).status == SignUpStatus.CONFIRMED
    assert SignUp.objects.get(session=session, user=giver).status == SignUpStatus.CANCELLED
    assert PlaceHandover.objects.get().status == "accepted"
    # The invite goes to whoever holds the place now.
    eventually(
        lambda: confirming_mails_to(colleague),
        timeout=30,
        message="no invite went to whoever holds the place now",
    )
    for name, report in failures.items():
        print(f"\n===== axe: {name} =====\n{report}")
    assert not failures, f"axe violations for {sorted(failures)} (reports printed above)"
    assert_no_browser_errors(page, colleague_page)


# The page and the admin's main area (Wagtail's own menu truncates long labels by design).
SIDEWAYS_SCROLLERS = """() => [
        document.documentElement, ...document.querySelectorAll("main, main *")]
    .filter((el) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1  // not sr-only
        && (el === document.documentElement || getComputedStyle(el).overflowX !== "visible"))
    .map((el) => `${el.tagName}.${el.className} ${el.scrollWidth}>${el.clientWidth}`)"""
TABLE_RIGHT_EDGES = """() => [...document.querySelectorAll("table")]
    .map((table) => table.getBoundingClientRect().right)"""


def test_the_participants_table_fits_1280_px_and_saves_everyones_attendance(page, small_tree):
    facilitator = person_make(
        first_name="Sara", email="sara.begeleider@example.org", is_staff=True, is_superuser=True
    )
    session = session_make(
        facilitator=facilitator,
        starts_in=-timedelta(hours=1),
        signup_opens_at=timezone.now() - timedelta(days=10),
        confidentiality_text=AGREEMENT,
    )
    names = ["Annelies", "Bartholomeus", "Charlotte", "Dieter"]
    for name in names:
        person = person_make(
            first_name=name,
            last_name="Vandenbroucke-Verstraeten",
            email=f"{name.lower()}.vandenbroucke-verstraeten@organisatie-met-een-lange-naam.be",
            organisation="Centrum Algemeen Welzijnswerk Oost-Vlaanderen",
        )
        signup_make(session, person, SignUpStatus.CONFIRMED)
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(facilitator.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"/admin/intervision/{session.pk}/participants/")

    # Nothing scrolls sideways: not the page, not a box around the tables (Wagtail's main
    # area scrolls on its own), and every table ends inside the window.
    scrollers = page.evaluate(SIDEWAYS_SCROLLERS)
    assert scrollers == [], scrollers
    assert max(page.evaluate(TABLE_RIGHT_EDGES)) <= 1280
    for name in names:
        page.get_by_label(f"Aanwezigheid van {name} Vandenbroucke-Verstraeten").select_option(
            "attended"
        )
    page.get_by_role("button", name="Aanwezigheid opslaan").click()

    expect(page.get_by_text("Aanwezigheid opgeslagen: 4 deelnemers gewijzigd.")).to_be_visible()
    marked = SignUp.objects.filter(session=session).values_list("attendance", flat=True)
    assert list(marked) == ["attended"] * 4
    assert_no_browser_errors(page)
