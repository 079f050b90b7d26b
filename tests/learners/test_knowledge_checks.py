"""Signed-in learners' answers are scored on the server and recorded; bad posts change nothing."""

import pytest

from django.urls import reverse

from elearning.learners.models import ModuleProgress, QuizAttempt

from .helpers import answer, check_ids


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


@pytest.mark.django_db
def test_the_page_holds_no_answer_key(signed_in, course_tree):
    html = signed_in.get(course_tree["check"].url).content.decode()
    assert 'method="post"' in html
    assert "Juist: eerst veiligheid." not in html
    assert "Dat kan gevaar geven." not in html
    assert "correct" not in html.replace("feedback--correct", "")


@pytest.mark.django_db
def test_an_answer_is_recorded_and_its_feedback_shown(signed_in, learner, course_tree):
    check = course_tree["check"]
    block_id = check_ids(check)[0]
    response = answer(signed_in, check, block_id, 1)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#check-{block_id}")
    html = signed_in.get(response["Location"]).content.decode()
    assert "Dat kan gevaar geven." in html
    assert "feedback--incorrect" in html
    attempt = QuizAttempt.objects.get(progress__user=learner)
    assert (attempt.block_id, attempt.choice, attempt.correct) == (block_id, 1, False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "posted",
    [
        {"answer": "7"},
        {"answer": "-1"},
        {"answer": "1 OR 1=1"},
        {"answer": "x" * 5000},
        {},
        {"answer": "0", "block": "unknown"},
    ],
)
def test_hostile_answers_are_refused_with_a_message(signed_in, course_tree, posted):
    check = course_tree["check"]
    block_id = posted.pop("block", None) or check_ids(check)[0]
    url = reverse("learners:knowledge_check", args=[check.pk, block_id])
    response = signed_in.post(url, posted, follow=True)
    assert response.status_code == 200
    assert "Kies een van de antwoorden en controleer het dan." in response.content.decode()
    assert QuizAttempt.objects.count() == 0
    assert not ModuleProgress.objects.exclude(check_answers={}).exists()


@pytest.mark.django_db
def test_answers_to_unpublished_or_unknown_modules_are_not_found(signed_in, course_tree):
    check = course_tree["check"]
    block_id = check_ids(check)[0]
    check.unpublish()
    for module_id in (check.pk, 987654, course_tree["course"].pk):
        url = reverse("learners:knowledge_check", args=[module_id, block_id])
        assert signed_in.post(url, {"answer": "0"}).status_code == 404
    assert QuizAttempt.objects.count() == 0


@pytest.mark.django_db
def test_visitors_answer_without_a_record(client, course_tree):
    check = course_tree["check"]
    block_id = check_ids(check)[0]
    html = client.get(check.url).content.decode()
    assert 'method="get"' in html
    response = answer(client, check, block_id, 0)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert QuizAttempt.objects.count() == 0


@pytest.mark.django_db
def test_answering_needs_the_csrf_token(learner, course_tree):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    check = course_tree["check"]
    url = reverse("learners:knowledge_check", args=[check.pk, check_ids(check)[0]])
    assert browser.post(url, {"answer": "0"}).status_code == 403
    assert QuizAttempt.objects.count() == 0
