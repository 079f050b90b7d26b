"""Learners evaluate a module, a webinar or an intervision session of a course: once each."""

import html
import uuid
from datetime import timedelta

import pytest

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from elearning.accounts.services import account_data_export, account_erase
from elearning.intervision.models import Attendance, SignUpStatus
from elearning.learners.models import ModuleProgress
from elearning.reports.models import EvaluatedKind, Evaluation, EvaluationRating
from tests.factories import (
    EvaluationFactory,
    IntervisionSessionFactory,
    ModuleProgressFactory,
    SignUpFactory,
)
from tests.intervision.conftest import session_make

from .conftest import learners_add, municipality


def url(kind, key):
    return reverse("reports:evaluate", args=[kind, key])


@pytest.fixture
def evaluator(courses):
    """A Gent learner who completed the first module only (not the shared `learner`: this one
    has the course's progress the evaluations need)."""
    (user,) = learners_add(
        courses.course, courses.modules, place="Gent", count=1, completed_modules=1
    )
    return user


def answers(**extra):
    return {"score_0": "4", "score_1": "5", "comment": "Concreet en bruikbaar.", **extra}


def test_a_learner_evaluates_a_completed_module_once(client, courses, evaluator):
    client.force_login(evaluator)
    module = courses.modules[0]
    page = client.get(module.url)
    assert "Evalueer deze module" in page.content.decode()
    form = client.get(url("module", module.translation_key))
    text = form.content.decode()
    assert "Ik kan dit gebruiken in mijn werk" in text and "1 – niet akkoord" in text
    response = client.post(url("module", module.translation_key), answers())
    assert response.status_code == 302 and response["Location"] == module.url
    evaluation = Evaluation.objects.get()
    assert (evaluation.user, evaluation.kind, evaluation.comment) == (
        evaluator,
        "module",
        "Concreet en bruikbaar.",
    )
    assert evaluation.municipality == municipality("Gent")
    assert sorted(evaluation.ratings.values_list("score", flat=True)) == [4, 5]
    assert "U hebt deze module geëvalueerd. Bedankt!" in client.get(module.url).content.decode()
    again = client.post(url("module", module.translation_key), answers(score_0="1"))
    assert again.status_code == 400
    assert "U hebt dit al geëvalueerd" in again.content.decode()
    assert Evaluation.objects.count() == 1 and EvaluationRating.objects.count() == 2


def test_a_module_not_yet_completed_cannot_be_evaluated(client, courses, evaluator):
    client.force_login(evaluator)
    module = courses.modules[1]
    assert "Evalueer deze module" not in client.get(module.url).content.decode()
    response = client.post(url("module", module.translation_key), answers())
    assert response.status_code == 400
    assert "zodra u ze voltooid hebt" in response.content.decode()
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"score_0": "0"}, "Selecteer een geldige keuze"),
        ({"score_0": "6"}, "Selecteer een geldige keuze"),
        ({"score_1": "abc"}, "Selecteer een geldige keuze"),
        ({"score_1": ""}, "Kies een score voor deze stelling."),
        ({"score_0": "4'; DROP TABLE reports_evaluation;--"}, "Selecteer een geldige keuze"),
        ({"comment": "x" * 2001}, "niet meer dan 2000 tekens"),
    ],
)
def test_bad_answers_are_explained_and_nothing_is_stored(
    client, courses, evaluator, changes, message
):
    client.force_login(evaluator)
    response = client.post(url("module", courses.modules[0].translation_key), answers(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Evaluation.objects.exists() and not EvaluationRating.objects.exists()


def test_unknown_items_and_courses_without_questions_have_no_evaluation(client, courses, evaluator):
    client.force_login(evaluator)
    other = courses.other_module  # its course asks nothing
    ModuleProgress.objects.filter(user=evaluator).update(status="completed")
    assert client.get(url("module", other.translation_key)).status_code == 404
    assert client.get(url("elephant", courses.modules[0].translation_key)).status_code == 404
    assert client.get(url("module", "00000000-0000-0000-0000-000000000000")).status_code == 404
    assert client.get("/nl/evaluation/module/not-a-uuid/").status_code == 404
    # A module's key given as a webinar: no such webinar.
    assert client.get(url("webinar", courses.modules[0].translation_key)).status_code == 404


def test_signing_in_comes_first(client, courses):
    response = client.get(url("module", courses.modules[0].translation_key))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_webinar_of_the_course_can_be_evaluated(client, courses, evaluator):
    client.force_login(evaluator)
    webinar = courses.webinar
    assert "Evalueer dit webinar" in client.get(webinar.url).content.decode()
    response = client.post(url("webinar", webinar.translation_key), answers(comment=""))
    assert response.status_code == 302
    assert Evaluation.objects.get().kind == EvaluatedKind.WEBINAR


def test_a_session_is_evaluated_after_taking_part(client, courses, evaluator):
    session = session_make(
        starts_in=timedelta(days=-2),
        course=courses.course,
        signup_opens_at=timezone.now() - timedelta(days=10),
    )
    signup = SignUpFactory(session=session, user=evaluator, status=SignUpStatus.CONFIRMED)
    client.force_login(evaluator)
    assert "Evalueer deze sessie" in client.get(reverse("intervision:my_sessions")).content.decode()
    signup.attendance = Attendance.NO_SHOW
    signup.save()
    refused = client.post(url("session", session.uid), answers())
    assert refused.status_code == 400 and "zodra u eraan deelnam" in refused.content.decode()
    signup.attendance = Attendance.ATTENDED
    signup.save()
    assert client.post(url("session", session.uid), answers()).status_code == 302
    assert Evaluation.objects.get().kind == EvaluatedKind.SESSION


def test_the_database_holds_one_evaluation_per_learner_and_item(courses, evaluator):
    fields = {
        "user": evaluator,
        "kind": "module",
        "item_key": courses.modules[0].translation_key,
        "course_key": courses.course.translation_key,
    }
    Evaluation.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Evaluation.objects.create(**fields)
    # Erased learners' evaluations (no person) do not count against each other.
    Evaluation.objects.update(user=None)
    Evaluation.objects.create(**{**fields, "user": None})
    evaluation = Evaluation.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        EvaluationRating.objects.create(evaluation=evaluation, question="q", score=6)


def test_export_and_erasure_of_ones_evaluations(client, courses, evaluator):
    client.force_login(evaluator)
    client.post(url("module", courses.modules[0].translation_key), answers())
    exported = account_data_export(user=evaluator)["evaluations"]
    assert exported[0]["comment"] == "Concreet en bruikbaar." and sorted(
        exported[0]["scores"].values()
    ) == [4, 5]
    assert exported[0]["item"] == str(courses.modules[0].translation_key)
    assert (exported[0]["item_title"], exported[0]["course_title"]) == (
        "Signalen",
        "Kindermishandeling",
    )
    account_erase(user=evaluator)
    evaluation = Evaluation.objects.get()
    assert evaluation.user is None and evaluation.comment == ""  # scores stay, the words go
    assert evaluation.ratings.count() == 2


def test_the_export_names_every_kind_of_evaluated_item(courses, evaluator):
    session = IntervisionSessionFactory(title="Intervisie kinderen", course=courses.course)
    gone = uuid.uuid4()
    for kind, key in (
        (EvaluatedKind.WEBINAR, courses.webinar.translation_key),
        (EvaluatedKind.SESSION, session.uid),
        (EvaluatedKind.MODULE, gone),
    ):
        EvaluationFactory(
            user=evaluator, kind=kind, item_key=key, course_key=courses.course.translation_key
        )
    exported = account_data_export(user=evaluator)["evaluations"]
    assert [(e["about"], e["item_title"], e["course_title"]) for e in exported] == [
        ("webinar", "Babobox deel 1", "Kindermishandeling"),
        ("session", "Intervisie kinderen", "Kindermishandeling"),
        ("module", None, "Kindermishandeling"),  # a page removed since: its key alone
    ]


def test_the_form_is_in_french_for_a_french_learner(client, courses, evaluator):
    client.force_login(evaluator)
    response = client.get("/fr" + url("module", courses.modules[0].translation_key)[3:])
    text = html.unescape(response.content.decode())
    assert "Envoyer mon évaluation" in text and "1 – pas d'accord" in text


def test_my_learning_lists_what_is_waiting_for_an_evaluation(client, courses, evaluator):
    client.force_login(evaluator)
    dashboard = reverse("learners:dashboard")
    text = client.get(dashboard).content.decode()
    assert "Geef uw mening" in text
    assert (
        "Evalueer “Signalen”" in text
        and "Gesprek" not in text.split("Geef uw mening")[1].split("</section>")[0]
    )
    client.post(url("module", courses.modules[0].translation_key), answers())
    assert "Geef uw mening" not in client.get(dashboard).content.decode()


def test_my_learning_asks_once_per_course_not_once_per_module(client, courses, evaluator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ModulePageFactory, publish

    client.force_login(evaluator)
    dashboard = reverse("learners:dashboard")
    more = [publish(ModulePageFactory(parent=courses.other, title=f"Deel {n}")) for n in range(6)]
    enrolment = evaluator.enrolments.create(
        course_key=courses.other.translation_key, started_at=timezone.now()
    )

    def complete(modules):
        for module in modules:
            ModuleProgressFactory(
                enrolment=enrolment,
                module_key=module.translation_key,
                completed=True,
                first_activity_at=timezone.now(),
            )

    complete(more[:1])
    client.get(dashboard)
    with CaptureQueriesContext(connection) as one:
        client.get(dashboard)
    complete(more[1:])  # five more modules of a course that asks nothing
    with CaptureQueriesContext(connection) as six:
        text = client.get(dashboard).content.decode()
    assert "Evalueer “Signalen”" in text  # the course that asks still shows
    assert len(six) - len(one) <= 2  # the dashboard's own list of modules, not one per module
