"""Each completion rule, as a learner meets it through the page and the player's events."""

import pytest

from elearning.learners.models import Enrolment, ModuleProgress, QuizAttempt

from .helpers import answer, check_ids, open_module, post_events, watch_events


def progress_of(user, module):
    return ModuleProgress.objects.get(user=user, module_key=module.translation_key)


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


@pytest.mark.django_db
def test_opening_a_viewed_module_completes_it(signed_in, learner, course_tree):
    extra = course_tree["extra"]
    signed_in.get(extra.url)
    progress = progress_of(learner, extra)
    assert progress.status == "completed"
    assert "U hebt deze module voltooid." in signed_in.get(extra.url).content.decode()


@pytest.mark.django_db
def test_watching_nearly_all_of_the_video_completes_a_watch_module(signed_in, learner, course_tree):
    watch, video = course_tree["watch"], course_tree["video"]
    open_module(signed_in, watch)
    response = post_events(signed_in, watch_events(watch, video, 0, 300))
    assert response.status_code == 200
    assert progress_of(learner, watch).status == "in_progress"
    response = post_events(signed_in, watch_events(watch, video, 300, 545))
    assert response.json()["completed_modules"] == [watch.pk]
    progress = progress_of(learner, watch)
    assert progress.status == "completed"
    assert progress.watched == {str(video.pk): [[0.0, 545.0]]}
    assert progress.seconds_spent == 545


@pytest.mark.django_db
def test_seeking_to_the_end_does_not_count_as_watching(signed_in, learner, course_tree):
    watch, video = course_tree["watch"], course_tree["video"]
    open_module(signed_in, watch)
    post_events(signed_in, watch_events(watch, video, 0, 30))
    post_events(signed_in, watch_events(watch, video, 570, 600))  # jumped to the end
    progress = progress_of(learner, watch)
    assert progress.status == "in_progress"
    assert progress.watched == {str(video.pk): [[0.0, 30.0], [570.0, 600.0]]}


@pytest.mark.django_db
def test_watching_the_same_part_twice_counts_once(signed_in, learner, course_tree):
    watch, video = course_tree["watch"], course_tree["video"]
    open_module(signed_in, watch)
    for _round in range(2):
        post_events(signed_in, watch_events(watch, video, 0, 300))
    progress = progress_of(learner, watch)
    assert progress.status == "in_progress"
    assert progress.watched == {str(video.pk): [[0.0, 300.0]]}
    assert progress.seconds_spent == 600  # the time was spent, even if the content repeats


@pytest.mark.django_db
def test_a_check_module_needs_the_score_it_asks_for(signed_in, learner, course_tree):
    check = course_tree["check"]
    first, second = check_ids(check)
    signed_in.get(check.url)
    answer(signed_in, check, first, 0)
    answer(signed_in, check, second, 1)  # wrong
    progress = progress_of(learner, check)
    assert (progress.status, progress.best_score_percent) == ("in_progress", 50)
    answer(signed_in, check, second, 0)  # after reading the feedback, right
    progress = progress_of(learner, check)
    assert (progress.status, progress.best_score_percent) == ("completed", 100)
    assert QuizAttempt.objects.filter(progress=progress).count() == 3


@pytest.mark.django_db
def test_watched_and_check_needs_both(signed_in, learner, course_tree):
    both, video = course_tree["both"], course_tree["video"]
    open_module(signed_in, both)
    post_events(signed_in, watch_events(both, video, 0, 310))
    assert progress_of(learner, both).status == "in_progress"
    answer(signed_in, both, check_ids(both)[0], 0)
    assert progress_of(learner, both).status == "completed"


@pytest.mark.django_db
def test_the_check_alone_does_not_complete_watched_and_check(signed_in, learner, course_tree):
    both = course_tree["both"]
    signed_in.get(both.url)
    answer(signed_in, both, check_ids(both)[0], 0)
    progress = progress_of(learner, both)
    assert (progress.status, progress.best_score_percent) == ("in_progress", 100)


@pytest.mark.django_db
def test_the_course_completes_with_its_required_modules_only(signed_in, learner, course_tree):
    watch, check, both, video = (course_tree[k] for k in ("watch", "check", "both", "video"))
    open_module(signed_in, watch)
    post_events(signed_in, watch_events(watch, video, 0, 600))
    signed_in.get(check.url)
    for block_id in check_ids(check):
        answer(signed_in, check, block_id, 0)
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at is None
    open_module(signed_in, both)
    post_events(signed_in, watch_events(both, video, 0, 300))
    answer(signed_in, both, check_ids(both)[0], 0)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None  # the optional module was never opened
    assert enrolment.course_key == course_tree["course"].translation_key


@pytest.mark.django_db
def test_progress_made_in_french_counts_for_the_same_module(signed_in, learner, course_tree):
    from tests.factories import translate

    watch, video = course_tree["watch"], course_tree["video"]
    translate(course_tree["course"].get_parent().get_parent(), "fr")
    translate(course_tree["library"], "fr")
    translate(course_tree["course"], "fr")
    watch_fr = translate(watch, "fr")
    open_module(signed_in, watch)
    post_events(signed_in, watch_events(watch_fr, video, 0, 100))
    post_events(signed_in, watch_events(watch, video, 100, 550))
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.status == "completed"
    assert progress.watched == {str(video.pk): [[0.0, 550.0]]}


@pytest.mark.django_db
def test_a_rule_that_needs_a_video_is_refused_without_one(course_tree):
    from django.core.exceptions import ValidationError

    check = course_tree["check"]
    check.completion_rule = "watched"
    with pytest.raises(ValidationError) as error:
        check.full_clean()
    assert "vraagt een video- of audioblok" in str(error.value)
