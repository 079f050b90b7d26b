"""A confirmed place handed to a colleague: an offer the colleague accepts or declines, while
the person who gives it learns nothing about the colleague."""

import json
from datetime import timedelta

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from elearning.accounts.services import account_erase
from elearning.core.models import Sector
from elearning.intervision import emails, services
from elearning.intervision.models import HandoverStatus, PlaceHandover, SignUp, SignUpStatus
from tests.factories import CoursePageFactory, LibraryPageFactory, ModulePageFactory, make_home

from .conftest import invite_of, mails_to
from .engine import professional, session_with_places, statuses

pytestmark = pytest.mark.django_db

C, W, X = SignUpStatus.CONFIRMED, SignUpStatus.WAITLISTED, SignUpStatus.CANCELLED
GIVER_ORGANISATION = "CAW Oost-Vlaanderen"


def english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def giver_with_place(session=None, **fields):
    """A confirmed professional of Gent at CAW Oost-Vlaanderen, and their sign-up."""
    session = session or session_with_places(2)
    giver = professional(first_name="Jan", last_name="Claes", **fields)
    signup = services.signup_create(
        session_id=session.pk, user=giver, confidentiality_accepted=True
    )
    return giver, signup


def colleague_make(**fields):
    """A colleague of the giver's organisation and municipality, reading English."""
    return professional(organisation="caw oost-vlaanderen ", preferred_language="en", **fields)


@pytest.fixture
def offer(client, django_capture_on_commit_callbacks):
    """The giver asks, on the English pages, to hand `signup` to `address`; what the commit
    sets off (the offer's mail) is sent."""

    def ask(signup, address):
        client.force_login(signup.user)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                english("intervision:signup_substitute", signup.pk),
                {"email": address, "next": "my_sessions"},
                follow=True,
            )

    return ask


def answer(response):
    """What the giver notices: where they land, the status, the messages shown."""
    return (
        response.status_code,
        response.redirect_chain,
        [(message.level, str(message)) for message in response.context["messages"]],
    )


def offered(committed, signup, colleague):
    """Offer `signup`'s place to `colleague` (the engine, its messages sent)."""
    committed(
        services.handover_offer,
        signup_id=signup.pk,
        user=signup.user,
        colleague_email=colleague.email,
    )
    return PlaceHandover.objects.get(signup=signup, colleague=colleague)


# --- What the giver learns: nothing ------------------------------------------------------------


def unknown(session, giver):
    return "niemand@example.org"


def other_organisation(session, giver):
    return professional(organisation="Politiezone Gent").email


def other_municipality(session, giver):
    return professional(municipality="Eeklo", organisation=GIVER_ORGANISATION).email


def not_eligible(session, giver):
    session.sectors.set([Sector.objects.get(code=Sector.Code.CARE)])
    return colleague_make(sector=Sector.Code.PREVENTION).email


def already_confirmed(session, giver):
    colleague = colleague_make()
    services.signup_create(session_id=session.pk, user=colleague)
    return colleague.email


def on_the_waiting_list(session, giver):
    services.signup_create(session_id=session.pk, user=professional())  # the last place
    colleague = colleague_make()
    services.signup_create(session_id=session.pk, user=colleague)
    return colleague.email


def can_take_it(session, giver):
    return colleague_make().email


ADDRESSES = {
    unknown: False,
    other_organisation: False,
    other_municipality: False,
    not_eligible: False,
    already_confirmed: False,
    on_the_waiting_list: True,
    can_take_it: True,
}


def test_the_giver_gets_one_answer_whoever_the_address_belongs_to(offer, client):
    answers = {}
    for address_of, gets_offer in ADDRESSES.items():
        session = session_with_places(2)
        giver, signup = giver_with_place(session)
        address = address_of(session, giver)
        mail.outbox.clear()

        response = offer(signup, address)

        answers[address_of.__name__] = answer(response)
        html = response.content.decode()
        assert "You asked to hand this place to a colleague. It stays yours" in html
        assert mails_to(giver) == []
        assert SignUp.objects.get(pk=signup.pk).status == C  # the place stays the giver's
        offers = PlaceHandover.objects.filter(signup=signup)
        assert offers.exists() is gets_offer, address_of.__name__
        assert len([m for m in mail.outbox if m.to == [address]]) == int(gets_offer)

    distinct = {
        (status, tuple(chain), tuple(messages)) for status, chain, messages in answers.values()
    }
    assert len(distinct) == 1, answers
    [(status, chain, messages)] = distinct
    assert status == 200 and chain == ((english("intervision:my_sessions"), 302),)
    assert messages == (
        (
            25,  # success
            "If this colleague can take your place, they have received an offer. The place "
            "stays yours until they accept it; if they do, you will get a message.",
        ),
    )


def test_an_unknown_address_changes_nothing_but_the_count_of_requests(offer, client):
    session = session_with_places(2)
    giver, signup = giver_with_place(session)
    before = list(SignUp.objects.filter(session=session).values().order_by("pk"))
    mail.outbox.clear()

    offer(signup, "niemand@example.org")

    after = list(SignUp.objects.filter(session=session).values().order_by("pk"))
    assert [row.pop("handover_requests") for row in after] == [1]
    for row in before:
        row.pop("handover_requests")
    assert after == before
    assert not PlaceHandover.objects.exists()
    assert mail.outbox == []


def test_requests_are_capped_whatever_the_addresses_and_a_new_offer_replaces_the_last(
    offer, client
):
    giver, signup = giver_with_place()
    first, second = colleague_make(), colleague_make()
    addresses = [first.email, "niemand@example.org", "ook.niemand@example.org", first.email]
    for address in [*addresses, second.email]:
        offer(signup, address)
    mail.outbox.clear()

    response = offer(signup, colleague_make().email)

    [(_status, _chain, [(level, message)])] = [answer(response)]
    assert level == 40 and message == (
        "You cannot hand this place over again: you already asked 5 times."
    )
    assert mail.outbox == []
    assert "Hand my place to a colleague" not in response.content.decode()
    [open_offer] = PlaceHandover.objects.filter(status=HandoverStatus.OPEN)
    assert open_offer.colleague == second  # the newest offer; the earlier ones lapsed
    assert set(PlaceHandover.objects.values_list("colleague", "status")) == {
        (first.pk, HandoverStatus.LAPSED),
        (second.pk, HandoverStatus.OPEN),
    }


@pytest.mark.parametrize("address", ["", "collega", "collega@"])
def test_an_address_that_is_not_one_gets_a_clear_error_and_changes_nothing(offer, client, address):
    giver, signup = giver_with_place()

    response = offer(signup, address)

    [(_status, _chain, [(level, message)])] = [answer(response)]
    assert level == 40
    assert message == "Enter your colleague's email address, for example name@example.org."
    assert SignUp.objects.get(pk=signup.pk).handover_requests == 0


def test_only_a_confirmed_place_of_ones_own_can_be_offered(offer, client):
    session = session_with_places(1)
    _giver, signup = giver_with_place(session)
    _waiting_giver, waiting = giver_with_place(session)
    colleague = colleague_make()

    refusals = [answer(offer(waiting, colleague.email))[2]]
    client.force_login(colleague)
    stranger = client.post(
        english("intervision:signup_substitute", signup.pk), {"email": colleague.email}
    )

    assert refusals == [[(40, "Only a confirmed place can be handed to a colleague.")]]
    assert stranger.status_code == 302
    assert not PlaceHandover.objects.exists()
    assert [row.handover_requests for row in SignUp.objects.order_by("pk")] == [0, 0]


# --- The colleague's offer ----------------------------------------------------------------------


def test_the_colleague_is_not_signed_up_until_they_accept(committed):
    session = session_with_places(2)
    _giver, signup = giver_with_place(session)
    colleague = colleague_make(first_name="Lies")

    handover = offered(committed, signup, colleague)

    assert statuses(session) == [(signup.user.email, C)]
    assert handover.status == HandoverStatus.OPEN
    [message] = mails_to(colleague)
    assert message.subject == "[Leerplatform] A place is available for you"
    assert message.extra_headers["Content-Language"] == "en"
    assert "Your colleague Jan Claes cannot come and offers you their place." in message.body
    assert "Intervisie" not in "".join(message.body.splitlines()[:3])  # inbox preview
    assert "Intervisie partnergeweld" in message.body
    assert message.attachments == []  # the invite comes with the place


def test_a_french_colleague_reads_the_offer_in_french(committed):
    _giver, signup = giver_with_place()
    colleague = colleague_make()
    colleague.preferred_language = "fr"
    colleague.save()

    offered(committed, signup, colleague)

    [message] = mails_to(colleague)
    with translation.override("fr"):
        subject = str(emails.HANDOVER_SUBJECT)
    assert message.subject == "[Leerplatform] " + subject
    assert message.extra_headers["Content-Language"] == "fr"


def test_my_sessions_shows_the_offer_to_the_colleague_only(client, committed):
    session = session_with_places(2, confidentiality_text="Wat gezegd wordt, blijft hier.")
    giver, signup = giver_with_place(session)
    colleague = colleague_make()
    handover = offered(committed, signup, colleague)

    client.force_login(colleague)
    html = client.get(english("intervision:my_sessions")).content.decode()
    detail = client.get(english("intervision:session_detail", session.pk)).content.decode()
    client.force_login(giver)
    givers = client.get(english("intervision:my_sessions")).content.decode()

    assert "Places offered to you" in html
    assert "Your colleague Jan Claes cannot come and offers you their place." in html
    assert english("intervision:handover_accept", handover.pk) in html
    assert english("intervision:handover_decline", handover.pk) in html
    assert "Wat gezegd wordt, blijft hier." in html  # the agreement, to accept with the place
    assert "A colleague offers you their place in this session." in detail
    assert "Places offered to you" not in givers
    assert colleague.email not in givers


def test_accepting_confirms_the_colleague_ends_the_giver_and_sends_the_invite_to_the_colleague(
    client, committed, django_capture_on_commit_callbacks
):
    session = session_with_places(2, confidentiality_text="Vertrouwelijk.")
    giver, signup = giver_with_place(session, preferred_language="en")
    colleague = colleague_make(first_name="Lies", last_name="Peeters")
    handover = offered(committed, signup, colleague)
    mail.outbox.clear()
    client.force_login(colleague)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            english("intervision:handover_accept", handover.pk),
            {"confidentiality": "accepted"},
            follow=True,
        )

    assert "The place is yours." in response.content.decode()
    taken = SignUp.objects.get(session=session, user=colleague)
    assert (taken.status, taken.substitute_for_id) == (C, signup.pk)
    assert taken.queued_at == signup.queued_at  # the colleague keeps the giver's turn
    assert taken.confidentiality_accepted_at is not None
    assert statuses(session) == [(giver.email, X), (colleague.email, C)]
    [to_colleague] = mails_to(colleague)
    calendar, _mimetype = invite_of(to_colleague)
    [event] = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "REQUEST" and str(event["STATUS"]) == "CONFIRMED"
    assert str(event["ATTENDEE"]) == f"mailto:{colleague.email}"
    assert "Your colleague Jan Claes has handed their place to you." in to_colleague.body
    [to_giver] = mails_to(giver)
    assert invite_of(to_giver)[0]["METHOD"] == "CANCEL"
    assert "Lies Peeters has accepted the place you offered" in to_giver.body
    assert PlaceHandover.objects.get().status == HandoverStatus.ACCEPTED


def test_the_colleague_accepts_the_confidentiality_agreement_themselves(client, committed):
    session = session_with_places(2, confidentiality_text="Vertrouwelijk.")
    _giver, signup = giver_with_place(session)
    colleague = colleague_make()
    handover = offered(committed, signup, colleague)
    client.force_login(colleague)

    response = client.post(english("intervision:handover_accept", handover.pk), follow=True)

    assert "Accept the confidentiality agreement to take the place." in response.content.decode()
    assert statuses(session) == [(signup.user.email, C)]
    assert PlaceHandover.objects.get().status == HandoverStatus.OPEN


def test_a_colleague_on_the_waiting_list_moves_into_the_place(committed):
    session = session_with_places(2)
    _giver, signup = giver_with_place(session)
    other = professional()
    services.signup_create(session_id=session.pk, user=other)
    colleague = colleague_make()
    waiting = services.signup_create(session_id=session.pk, user=colleague)
    behind = professional()
    services.signup_create(session_id=session.pk, user=behind)
    handover = offered(committed, signup, colleague)

    taken = committed(services.handover_accept, handover_id=handover.pk, user=colleague)

    assert taken.pk == waiting.pk and taken.status == C
    assert statuses(session) == [
        (signup.user.email, X),
        (other.email, C),
        (colleague.email, C),
        (behind.email, W),  # still waiting: the place went to the colleague, none was freed
    ]


def test_declining_leaves_the_place_with_the_giver_who_is_not_told(client, committed):
    session = session_with_places(2)
    giver, signup = giver_with_place(session)
    colleague = colleague_make()
    handover = offered(committed, signup, colleague)
    mail.outbox.clear()
    client.force_login(colleague)

    response = client.post(english("intervision:handover_decline", handover.pk), follow=True)

    assert "You declined the place. Your colleague keeps it." in response.content.decode()
    assert "Places offered to you" not in response.content.decode()
    assert statuses(session) == [(giver.email, C)]
    assert PlaceHandover.objects.get().status == HandoverStatus.DECLINED
    assert mail.outbox == []
    refused = client.post(english("intervision:handover_accept", handover.pk), follow=True)
    assert "This place is no longer offered to you." in refused.content.decode()
    assert statuses(session) == [(giver.email, C)]


def test_an_offer_not_accepted_in_time_lapses_and_the_giver_keeps_the_place(committed):
    session = session_with_places(2)
    giver, signup = giver_with_place(session)
    colleague = colleague_make()
    handover = offered(committed, signup, colleague)
    mail.outbox.clear()

    assert services.handovers_expire() == 0  # not yet
    assert services.handovers_expire(now=timezone.now() + timedelta(hours=49)) == 1

    with translation.override("en"), pytest.raises(services.SignUpRefused) as refusal:
        services.handover_accept(handover_id=handover.pk, user=colleague)
    assert refusal.value.message == "This place is no longer offered to you."
    assert statuses(session) == [(giver.email, C)]
    assert PlaceHandover.objects.get().status == HandoverStatus.LAPSED
    assert mail.outbox == []


def test_an_offer_lasts_until_the_first_date_at_most(committed):
    session = session_with_places(2, starts_in=timedelta(hours=5))
    _giver, signup = giver_with_place(session)

    handover = offered(committed, signup, colleague_make())

    assert handover.offered_until == session.meetings.get().starts_at


def test_a_place_the_giver_gave_up_can_no_longer_be_accepted(committed):
    session = session_with_places(1)
    giver, signup = giver_with_place(session)
    colleague = colleague_make()
    handover = offered(committed, signup, colleague)
    waiting = professional()
    services.signup_create(session_id=session.pk, user=waiting)

    services.signup_cancel(signup_id=signup.pk, user=giver)

    with translation.override("en"), pytest.raises(services.SignUpRefused) as refusal:
        services.handover_accept(handover_id=handover.pk, user=colleague)
    assert refusal.value.message == "This place is no longer offered to you."
    assert statuses(session) == [(giver.email, X), (waiting.email, C)]
    assert services.handovers_expire() == 1


def test_accepting_checks_again_that_the_colleague_may_take_the_place(committed):
    course = CoursePageFactory(parent=LibraryPageFactory(parent=make_home()))
    module = ModulePageFactory(parent=course, title="Signalen herkennen")
    session = session_with_places(2)
    _giver, signup = giver_with_place(session)
    colleague = colleague_make()
    handover = offered(committed, signup, colleague)
    session.prerequisite_modules.set([module])  # the rules changed since the offer

    with translation.override("en"), pytest.raises(services.SignUpRefused) as refusal:
        services.handover_accept(handover_id=handover.pk, user=colleague)

    assert "Signalen herkennen" in refusal.value.message
    assert statuses(session) == [(signup.user.email, C)]


def test_nobody_else_can_accept_or_decline_an_offer(client, committed):
    session = session_with_places(2)
    giver, signup = giver_with_place(session)
    colleague = colleague_make()
    handover = offered(committed, signup, colleague)

    for intruder in (giver, colleague_make()):
        client.force_login(intruder)
        for action in ("intervision:handover_accept", "intervision:handover_decline"):
            assert client.post(english(action, handover.pk)).status_code == 404
    client.force_login(colleague)
    assert client.post(english("intervision:handover_accept", 999999)).status_code == 404
    assert client.get(english("intervision:handover_accept", handover.pk)).status_code == 405
    client.logout()
    anonymous = client.post(english("intervision:handover_accept", handover.pk))
    assert anonymous.status_code == 302 and "login" in anonymous.url

    assert statuses(session) == [(giver.email, C)]
    assert PlaceHandover.objects.get().status == HandoverStatus.OPEN


def test_accepting_twice_gives_one_sign_up(client, committed):
    session = session_with_places(2)
    giver, signup = giver_with_place(session)
    colleague = colleague_make()
    handover = offered(committed, signup, colleague)
    client.force_login(colleague)

    client.post(english("intervision:handover_accept", handover.pk))
    again = client.post(english("intervision:handover_accept", handover.pk), follow=True)

    assert "This place is no longer offered to you." in again.content.decode()
    assert statuses(session) == [(giver.email, X), (colleague.email, C)]


# --- Data: download and erasure ------------------------------------------------------------------


def test_the_download_holds_the_offers_received_and_the_requests_made(client, committed):
    _giver, signup = giver_with_place()
    colleague = colleague_make()
    offered(committed, signup, colleague)

    client.force_login(colleague)
    received = json.loads(client.get("/en/account/profile/download/").content)
    client.force_login(signup.user)
    made = json.loads(client.get("/en/account/profile/download/").content)

    [entry] = received["intervision_place_offers"]
    assert entry["session"] == "Intervisie partnergeweld" and entry["status"] == "open"
    assert entry["offered_until"] and entry["decided_at"] is None
    [mine] = made["intervision"]
    assert mine["requests_to_hand_over_the_place"] == 1
    # The giver's download says nothing of whom the address reached.
    assert made["intervision_place_offers"] == []
    assert colleague.email not in json.dumps(made)


def test_erasing_the_colleague_erases_their_offers(committed):
    _giver, signup = giver_with_place()
    colleague = colleague_make()
    offered(committed, signup, colleague)

    account_erase(user=colleague)

    assert not PlaceHandover.objects.exists()
    assert SignUp.objects.get(pk=signup.pk).status == C


def test_erasing_the_giver_ends_the_offer(client, committed):
    session = session_with_places(2)
    giver, signup = giver_with_place(session)
    colleague = colleague_make()
    handover = offered(committed, signup, colleague)

    account_erase(user=giver)

    client.force_login(colleague)
    assert (
        "Places offered to you"
        not in client.get(english("intervision:my_sessions")).content.decode()
    )
    with translation.override("en"), pytest.raises(services.SignUpRefused):
        services.handover_accept(handover_id=handover.pk, user=colleague)
    assert not SignUp.objects.filter(user=colleague).exists()
