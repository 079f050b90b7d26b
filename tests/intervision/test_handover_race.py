"""A colleague's place taken at the same moment from several sides: the colleague presses
"accept" in several tabs while the giver cancels. One place stays one place.

Transactional, like test_signup_burst.py: every thread has its own connection and sees only
committed rows, so the session lock is what decides.
"""

import threading

import pytest

from django.db import connection

from elearning.intervision import notifications, services
from elearning.intervision.models import PlaceHandover, SignUp, SignUpStatus

from .engine import professional, session_with_places

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
]

ACCEPTING_TABS = 4


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    """The race is about places; the messages are tested in test_handovers.py."""
    monkeypatch.setattr(notifications, "notify", lambda signup, notice: None)
    monkeypatch.setattr(notifications, "notify_handover", lambda handover: None)


def at_once(*calls):
    """Run every call in its own thread, released together; what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(number, call):
        try:
            barrier.wait(timeout=30)
            outcomes[number] = call()
        except Exception as error:  # noqa: BLE001 - every outcome is looked at
            outcomes[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@pytest.mark.parametrize("round_", range(3))
def test_accepting_in_several_tabs_while_the_giver_cancels_keeps_one_place(round_):
    session = session_with_places(1)
    giver = professional(organisation="CAW Oost-Vlaanderen")
    colleague = professional(organisation="CAW Oost-Vlaanderen")
    signup = services.signup_create(session_id=session.pk, user=giver)
    services.handover_offer(signup_id=signup.pk, user=giver, colleague_email=colleague.email)
    handover = PlaceHandover.objects.get()

    def accept():
        return services.handover_accept(handover_id=handover.pk, user=colleague)

    def cancel():
        return services.signup_cancel(signup_id=signup.pk, user=giver)

    outcomes = at_once(*[accept] * ACCEPTING_TABS, cancel)

    unexpected = [o for o in outcomes if isinstance(o, Exception)]
    assert all(isinstance(o, services.SignUpRefused) for o in unexpected), unexpected
    accepted = [o for o in outcomes[:ACCEPTING_TABS] if isinstance(o, SignUp)]
    assert len(accepted) <= 1
    holding = SignUp.objects.filter(
        session=session, status__in=[SignUpStatus.CONFIRMED, SignUpStatus.OFFERED]
    )
    assert holding.count() <= 1  # never more than the one place
    assert SignUp.objects.get(pk=signup.pk).status == SignUpStatus.CANCELLED
    if accepted:
        assert list(holding.values_list("user", flat=True)) == [colleague.pk]
        assert isinstance(outcomes[-1], services.SignUpRefused)  # the place was no longer his
    else:
        assert not SignUp.objects.filter(user=colleague).exists()
