"""The facilitator marks everyone's attendance in one save, all or nothing, per role."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from elearning.accounts.roles import MODERATORS
from elearning.intervision.models import Attendance, SignUp, SignUpStatus
from tests.factories import UserFactory

from .conftest import person_make
from .test_admin import refused, session_run_by, session_started, signup_add, trainer_make, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator():
    return trainer_make("begeleider@example.org")


@pytest.fixture
def started(facilitator):
    """A session that began an hour ago with three confirmed participants and one waiting."""
    session = session_started(facilitator, max_places=3)
    people = [
        signup_add(session, person_make(first_name=name), SignUpStatus.CONFIRMED, minutes)
        for name, minutes in (("Ann", 30), ("Bram", 20), ("Cas", 10))
    ]
    signup_add(session, person_make(first_name="Dirk"), SignUpStatus.WAITLISTED, 5)
    return session, people


def form(*pairs):
    return {f"attendance-{signup.pk}": value for signup, value in pairs}


def attendance(session):
    return dict(
        SignUp.objects.filter(session=session, status=SignUpStatus.CONFIRMED).values_list(
            "user__first_name", "attendance"
        )
    )


def everyone_marked(people):
    ann, bram, cas = people
    return form((ann, Attendance.ATTENDED), (bram, Attendance.PARTLY), (cas, Attendance.NO_SHOW))


def test_the_facilitator_marks_everyone_in_one_save(client, facilitator, started):
    session, people = started
    client.force_login(facilitator)

    page = client.get(url("participants", session)).content.decode()
    response = client.post(url("attendance_all", session), everyone_marked(people), follow=True)

    assert page.count('action="' + url("attendance_all", session) + '"') == 1
    assert page.count("<select") == 3 and page.count(">Aanwezigheid opslaan</button>") == 1
    assert "Aanwezigheid opgeslagen: 3 deelnemers gewijzigd." in response.content.decode()
    assert attendance(session) == {"Ann": "attended", "Bram": "partly", "Cas": "no_show"}


@pytest.mark.parametrize("staff", ["moderator", "administrator"])
def test_editors_and_administrators_may_mark_it_too(client, started, staff):
    session, people = started
    person = UserFactory(is_superuser=staff == "administrator", is_staff=True)
    if staff == "moderator":
        person.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(person)

    client.post(url("attendance_all", session), everyone_marked(people))

    assert attendance(session) == {"Ann": "attended", "Bram": "partly", "Cas": "no_show"}


def test_nobody_else_marks_anything(client, started):
    session, people = started
    target = url("attendance_all", session)

    anonymous = client.post(target, everyone_marked(people))
    client.force_login(person_make())
    learner = client.post(target, everyone_marked(people))
    client.force_login(trainer_make("collega@example.org"))
    session_run_by(UserFactory(email="x@example.org"))  # the colleague runs none of these
    colleague = client.post(target, everyone_marked(people))

    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("wagtailadmin_login"))
    assert learner.status_code == 302 and learner.url.startswith(reverse("wagtailadmin_login"))
    assert refused(colleague)
    assert set(attendance(session).values()) == {""}


def test_the_facilitator_of_another_session_marks_nothing_here(client, started):
    session, people = started
    other = trainer_make("andere@example.org")
    session_started(other)
    client.force_login(other)

    assert refused(client.post(url("attendance_all", session), everyone_marked(people)))
    assert set(attendance(session).values()) == {""}


def test_a_sign_up_of_another_session_refuses_the_whole_form(client, facilitator, started):
    session, (ann, bram, cas) = started
    elsewhere = signup_add(session_started(facilitator), person_make(), SignUpStatus.CONFIRMED, 5)
    client.force_login(facilitator)
    data = form((ann, Attendance.ATTENDED), (elsewhere, Attendance.NO_SHOW))

    response = client.post(url("attendance_all", session), data, follow=True)

    assert "geen bevestigde deelnemer van deze sessie is. Er is niets opgeslagen." in (
        response.content.decode()
    )
    assert set(attendance(session).values()) == {""}
    assert SignUp.objects.get(pk=elsewhere.pk).attendance == ""


@pytest.mark.parametrize(
    "hostile",
    [
        {"attendance-999999": "attended"},
        {"attendance-abc": "attended"},
        {"attendance-²": "attended"},
        {"attendance-99999999999999999999999": "attended"},
        {"attendance-": "attended"},
    ],
)
def test_forged_names_refuse_the_whole_form(client, facilitator, started, hostile):
    session, (ann, bram, cas) = started
    client.force_login(facilitator)

    response = client.post(
        url("attendance_all", session), {**form((ann, "attended")), **hostile}, follow=True
    )

    assert response.status_code == 200
    assert "Er is niets opgeslagen." in response.content.decode()
    assert set(attendance(session).values()) == {""}


def test_a_waiting_person_cannot_be_marked(client, facilitator, started):
    session, (ann, bram, cas) = started
    waiting = SignUp.objects.get(session=session, status=SignUpStatus.WAITLISTED)
    client.force_login(facilitator)

    client.post(url("attendance_all", session), form((ann, "attended"), (waiting, "attended")))

    assert SignUp.objects.get(pk=waiting.pk).attendance == ""
    assert attendance(session)["Ann"] == ""


def test_an_unknown_value_refuses_the_whole_form(client, facilitator, started):
    session, (ann, bram, cas) = started
    client.force_login(facilitator)

    response = client.post(
        url("attendance_all", session),
        form((ann, "attended"), (bram, "<script>alert(1)</script>")),
        follow=True,
    )

    assert "Kies aanwezig" in response.content.decode()
    assert set(attendance(session).values()) == {""}


def test_attendance_waits_for_the_session_to_start(client, facilitator):
    session = session_run_by(facilitator)
    signup = signup_add(session, person_make(), SignUpStatus.CONFIRMED, 5)
    client.force_login(facilitator)

    page = client.get(url("participants", session)).content.decode()
    client.post(url("attendance_all", session), form((signup, "attended")))

    assert "Aanwezigheid opslaan" not in page
    assert SignUp.objects.get(pk=signup.pk).attendance == ""


def test_a_get_changes_nothing(client, facilitator, started):
    session, people = started
    client.force_login(facilitator)

    response = client.get(url("attendance_all", session), everyone_marked(people))

    assert response.status_code == 405
    assert set(attendance(session).values()) == {""}
