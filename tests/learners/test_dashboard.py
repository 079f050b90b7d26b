"""'My learning' and resuming: what a learner sees when they come back."""

import pytest

from elearning.learners.models import Enrolment
from tests.factories import CoursePageFactory, ModulePageFactory, publish

from .helpers import answer, check_ids, open_module, post_events, watch_events


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


@pytest.mark.django_db
def test_an_empty_dashboard_points_to_the_library(signed_in, course_tree):
    html = signed_in.get("/nl/account/learning/").content.decode()
    assert "U bent nog niet aan een cursus begonnen." in html
    assert f'href="{course_tree["library"].url}"' in html


@pytest.mark.django_db
def test_the_dashboard_needs_an_account(client, course_tree):
    response = client.get("/nl/account/learning/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


@pytest.mark.django_db
def test_a_course_in_progress_continues_where_the_learner_left_off(signed_in, course_tree):
    watch, video = course_tree["watch"], course_tree["video"]
    signed_in.get(course_tree["check"].url)
    open_module(signed_in, watch)
    post_events(signed_in, watch_events(watch, video, 0, 125))
    html = signed_in.get("/nl/account/learning/").content.decode()
    assert "Partnergeweld herkennen" in html
    assert "0 van 3 modules voltooid" in html
    assert f'class="button" href="{watch.url}"' in html  # the module last worked in
    page = signed_in.get(watch.url).content.decode()
    assert 'data-resume="125.0"' in page
    assert "U gaat verder waar u gebleven was, op 2:05." in page


@pytest.mark.django_db
def test_a_finished_module_sends_the_learner_to_the_next_one(signed_in, course_tree):
    extra, check = course_tree["extra"], course_tree["check"]
    signed_in.get(extra.url)  # the optional reading module: completed on opening
    html = signed_in.get("/nl/account/learning/").content.decode()
    assert f'class="button" href="{course_tree["watch"].url}"' in html
    for block_id in check_ids(check):
        answer(signed_in, check, block_id, 0)
    html = signed_in.get("/nl/account/learning/").content.decode()
    assert "1 van 3 modules voltooid" in html


@pytest.mark.django_db
def test_completed_courses_are_listed_with_their_attest(signed_in, learner, course_tree):
    from django.utils import timezone

    signed_in.get(course_tree["extra"].url)
    Enrolment.objects.filter(user=learner).update(completed_at=timezone.now())
    html = signed_in.get("/nl/account/learning/").content.decode()
    completed = html.split('id="completed-heading"', 1)[1]
    assert "Partnergeweld herkennen" in completed
    assert "Uw attest wordt klaargemaakt" in completed


@pytest.mark.django_db
def test_the_dashboard_shows_only_the_learners_own_courses(
    client, learner, other_learner, course_tree
):
    client.force_login(other_learner)
    client.get(course_tree["extra"].url)
    client.force_login(learner)
    html = client.get("/nl/account/learning/").content.decode()
    assert "Partnergeweld herkennen" not in html


@pytest.mark.django_db
def test_after_finishing_its_only_course_the_learner_is_not_told_to_start_one(
    signed_in, learner, course_tree
):
    from django.utils import timezone

    signed_in.get(course_tree["extra"].url)
    Enrolment.objects.filter(user=learner).update(completed_at=timezone.now())
    html = signed_in.get("/nl/account/learning/").content.decode()
    assert "U bent nog niet aan een cursus begonnen." not in html
    in_progress = html.split('id="in-progress-heading"', 1)[1].split("</section>", 1)[0]
    assert "U hebt geen cursus in uitvoering." in in_progress
    assert f'href="{course_tree["library"].url}"' in in_progress


@pytest.mark.django_db
def test_a_course_in_progress_and_a_completed_one_each_have_their_section(
    signed_in, learner, course_tree
):
    done = publish(CoursePageFactory(parent=course_tree["library"], title="Ouderenmis"))
    done_module = publish(ModulePageFactory(parent=done, title="Signalen bij ouderen"))
    signed_in.get(done_module.url)  # "viewed": the course's only module, so it is completed
    assert Enrolment.objects.get(user=learner).completed_at is not None
    signed_in.get(course_tree["check"].url)  # started, not completed

    html = signed_in.get("/nl/account/learning/").content.decode()

    in_progress, rest = html.split('id="in-progress-heading"', 1)[1].split('id="completed-heading"')
    assert "Partnergeweld herkennen" in in_progress and "Ouderenmis" not in in_progress
    assert f'class="button" href="{course_tree["check"].url}"' in in_progress
    assert "Ouderenmis" in rest and "Partnergeweld herkennen" not in rest
    assert "nog niet aan een cursus begonnen" not in html
    assert "geen cursus in uitvoering" not in html
