"""The sign-up engine's rules, each refusal leaving everything as it was."""

from datetime import timedelta

import pytest

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from elearning.core.models import Municipality, Sector
from elearning.intervision import services
from elearning.intervision.models import SignUp, SignUpStatus
from elearning.intervision.services import SignUpRefused
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    ModuleProgressFactory,
    make_home,
)

from .engine import professional, session_with_places, statuses

pytestmark = pytest.mark.django_db

C, W, OFFERED, X = (
    SignUpStatus.CONFIRMED,
    SignUpStatus.WAITLISTED,
    SignUpStatus.OFFERED,
    SignUpStatus.CANCELLED,
)


def sign_up(session, person, **kwargs):
    return services.signup_create(session_id=session.pk, user=person, **kwargs)


def refused(call, expected_text):
    """Run `call` in Dutch; it must be refused with a message containing `expected_text`."""
    with translation.override("nl"), pytest.raises(SignUpRefused) as refusal:
        call()
        pytest.fail("not refused")
    assert expected_text in refusal.value.message, refusal.value.message


def snapshot(session):
    session.refresh_from_db()
    rows = list(SignUp.objects.filter(session=session).values().order_by("pk"))
    return rows, session.sequence, session.cancelled_at


def test_places_are_confirmed_until_full_then_people_wait_in_order():
    session = session_with_places(2)
    people = [professional() for _ in range(4)]

    for person in people:
        sign_up(session, person)

    assert [status for _email, status in statuses(session)] == [C, C, W, W]
    waiting = SignUp.objects.filter(session=session, status=W)
    from elearning.intervision.selectors import waiting_position

    assert [waiting_position(signup) for signup in waiting] == [1, 2]


def test_a_session_without_a_limit_confirms_everyone():
    session = session_with_places(None)
    for _ in range(30):
        sign_up(session, professional())
    assert {status for _email, status in statuses(session)} == {C}


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (
            lambda s, p: s.__class__.objects.filter(pk=s.pk).update(cancelled_at=timezone.now()),
            "geannuleerd",
        ),
        (
            lambda s, p: s.meetings.update(starts_at=timezone.now() - timedelta(hours=1)),
            "al begonnen",
        ),
        (
            lambda s, p: s.__class__.objects.filter(pk=s.pk).update(
                signup_opens_at=timezone.now() + timedelta(days=1)
            ),
            "Inschrijven kan vanaf",
        ),
        (
            lambda s, p: s.__class__.objects.filter(pk=s.pk).update(
                signup_closes_at=timezone.now() - timedelta(minutes=1)
            ),
            "gesloten",
        ),
        (lambda s, p: s.municipalities.set([Municipality.objects.get(name="Eeklo")]), "Eeklo"),
        (lambda s, p: s.sectors.set([Sector.objects.get(code="police_justice")]), "Politie"),
    ],
    ids=["cancelled", "started", "not open yet", "closed", "other municipality", "other sector"],
)
def test_a_sign_up_that_breaks_a_rule_is_refused_and_changes_nothing(setup, message):
    session = session_with_places(12)
    person = professional()
    setup(session, person)
    before = snapshot(session)

    refused(lambda: sign_up(session, person), message)

    assert snapshot(session) == before


def test_prerequisite_modules_must_be_completed_first():
    course = CoursePageFactory(parent=LibraryPageFactory(parent=make_home()))
    module = ModulePageFactory(parent=course, title="Signalen herkennen")
    session = session_with_places(12)
    session.prerequisite_modules.set([module])
    person = professional()

    refused(lambda: sign_up(session, person), "Signalen herkennen")
    assert not SignUp.objects.exists()

    ModuleProgressFactory(
        enrolment__user=person,
        enrolment__course_key=course.translation_key,
        module_key=module.translation_key,
        completed=True,
    )
    assert sign_up(session, person).status == C


def test_the_confidentiality_agreement_must_be_accepted():
    session = session_with_places(12, confidentiality_text="Wat hier gezegd wordt, blijft hier.")
    person = professional()

    refused(lambda: sign_up(session, person), "vertrouwelijkheid")
    signup = sign_up(session, person, confidentiality_accepted=True)

    assert signup.confidentiality_accepted_at is not None


def test_signing_up_twice_is_refused_and_the_database_refuses_it_too():
    session = session_with_places(12)
    person = professional()
    sign_up(session, person)
    before = snapshot(session)

    refused(lambda: sign_up(session, person), "al ingeschreven")

    assert snapshot(session) == before
    with pytest.raises(IntegrityError), transaction.atomic():
        SignUp.objects.create(session=session, user=person, status=W, queued_at=timezone.now())


def test_a_cancelled_person_may_sign_up_again_at_the_back():
    session = session_with_places(1)
    first, second = professional(), professional()
    signup = sign_up(session, first)
    sign_up(session, second)
    services.signup_cancel(signup_id=signup.pk, user=first)

    again = sign_up(session, first)

    assert again.status == W  # the place went to the one who waited


def test_before_the_cut_off_a_freed_place_goes_to_the_first_in_line_at_once():
    session = session_with_places(1, offer_hours=0)
    holder, first_waiting, second_waiting = professional(), professional(), professional()
    held = sign_up(session, holder)
    sign_up(session, first_waiting)
    sign_up(session, second_waiting)

    services.signup_cancel(signup_id=held.pk, user=holder)

    assert statuses(session) == [
        (holder.email, X),
        (first_waiting.email, C),
        (second_waiting.email, W),
    ]


def test_an_offered_place_is_held_then_passed_on_when_not_taken():
    session = session_with_places(1, offer_hours=24)
    holder, first_waiting, second_waiting = professional(), professional(), professional()
    held = sign_up(session, holder)
    offered = sign_up(session, first_waiting)
    sign_up(session, second_waiting)

    services.signup_cancel(signup_id=held.pk, user=holder)
    offered.refresh_from_db()
    assert offered.status == OFFERED
    assert offered.offered_until - timezone.now() == pytest.approx(
        timedelta(hours=24), abs=timedelta(minutes=1)
    )
    assert services.offers_expire() == 0  # not yet

    lapsed = services.offers_expire(now=offered.offered_until + timedelta(seconds=1))

    assert lapsed == 1
    assert [status for _email, status in statuses(session)] == [X, X, OFFERED]


def test_an_offer_accepted_in_time_confirms_the_place():
    session = session_with_places(1, offer_hours=24)
    holder, waiting = professional(), professional()
    held = sign_up(session, holder)
    offered = sign_up(session, waiting)
    services.signup_cancel(signup_id=held.pk, user=holder)

    services.signup_offer_accept(signup_id=offered.pk, user=waiting)

    assert statuses(session)[1] == (waiting.email, C)
    refused(lambda: services.signup_offer_accept(signup_id=offered.pk, user=waiting), "niet meer")


def test_after_the_cut_off_the_facilitator_decides():
    facilitator = professional()
    session = session_with_places(1, facilitator=facilitator)
    holder, waiting = professional(), professional()
    held = sign_up(session, holder)
    sign_up(session, waiting)
    session.__class__.objects.filter(pk=session.pk).update(
        cancellation_cutoff_at=timezone.now() - timedelta(minutes=1)
    )

    services.signup_cancel(signup_id=held.pk, user=holder)
    assert statuses(session)[1] == (waiting.email, W)  # nobody moved up by themselves

    waiting_signup = SignUp.objects.get(user=waiting)
    services.signup_promote(signup_id=waiting_signup.pk, by=facilitator)
    assert statuses(session)[1] == (waiting.email, C)


def test_the_facilitator_cannot_overfill_and_others_cannot_promote():
    facilitator = professional()
    session = session_with_places(1, facilitator=facilitator)
    sign_up(session, professional())
    waiting = sign_up(session, professional())
    before = snapshot(session)

    refused(lambda: services.signup_promote(signup_id=waiting.pk, by=facilitator), "volzet")
    refused(
        lambda: services.signup_promote(signup_id=waiting.pk, by=professional()), "bestaat niet"
    )

    assert snapshot(session) == before


def test_nobody_can_cancel_someone_elses_sign_up_or_a_forged_one():
    session = session_with_places(12)
    owner, other = professional(), professional()
    signup = sign_up(session, owner)
    before = snapshot(session)

    refused(lambda: services.signup_cancel(signup_id=signup.pk, user=other), "bestaat niet")
    refused(lambda: services.signup_cancel(signup_id=999999, user=owner), "bestaat niet")
    services.signup_cancel(signup_id=signup.pk, user=owner)
    refused(lambda: services.signup_cancel(signup_id=signup.pk, user=owner), "al geannuleerd")

    assert snapshot(session)[0][0]["status"] == X
    assert before[0][0]["status"] == C


def test_attendance_is_marked_by_the_facilitator_once_the_session_started():
    facilitator = professional()
    session = session_with_places(12, facilitator=facilitator)
    signup = sign_up(session, professional())

    def mark(by, attendance):
        return services.attendance_mark_all(
            session_id=session.pk, by=by, marks={signup.pk: attendance}
        )

    refused(lambda: mark(facilitator, "attended"), "zodra de sessie begonnen")
    session.meetings.update(starts_at=timezone.now() - timedelta(minutes=5))
    refused(lambda: mark(professional(), "attended"), "bestaat niet")
    refused(lambda: mark(facilitator, "asleep"), "Kies")

    mark(facilitator, "partly")

    signup.refresh_from_db()
    assert signup.attendance == "partly"


def test_cancelling_the_session_cancels_every_sign_up_and_raises_the_sequence():
    facilitator = professional()
    session = session_with_places(1, facilitator=facilitator)
    sign_up(session, professional())
    sign_up(session, professional())

    services.session_cancel(session_id=session.pk, by=facilitator)

    session.refresh_from_db()
    assert session.is_cancelled and session.sequence == 1
    assert {status for _email, status in statuses(session)} == {X}
