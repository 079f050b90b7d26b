"""GDPR: the learning record is in the learner's download, and erasure leaves it anonymous."""

import json

import pytest

from elearning.accounts.services import account_erase
from elearning.core.models import Municipality
from elearning.learners.models import Enrolment, ModuleProgress, ProgressEvent, QuizAttempt

from .helpers import answer, check_ids, open_module, post_events, watch_events


@pytest.fixture
def active_learner(client, learner, course_tree):
    learner.municipality = Municipality.objects.get(name="Eeklo")
    learner.save()
    client.force_login(learner)
    watch, video, check = course_tree["watch"], course_tree["video"], course_tree["check"]
    open_module(client, watch)
    post_events(client, watch_events(watch, video, 0, 60))
    answer(client, check, check_ids(check)[0], 1)
    return learner


@pytest.mark.django_db
def test_the_download_holds_the_learning_record(client, active_learner, course_tree):
    data = json.loads(client.get("/nl/account/profile/download/").content)
    learning = data["learning"]
    assert learning["enrolments"][0]["course"] == str(course_tree["course"].translation_key)
    modules = {m["module"]: m for m in learning["modules"]}
    watch = modules[str(course_tree["watch"].translation_key)]
    assert watch["seconds_spent"] == 60
    assert watch["watched_segments"] == {str(course_tree["video"].pk): [[0.0, 60.0]]}
    check = modules[str(course_tree["check"].translation_key)]
    assert check["knowledge_check_attempts"][0]["correct"] is False


@pytest.mark.django_db
def test_erasure_keeps_only_anonymous_statistics(active_learner):
    account_erase(user=active_learner)
    assert ModuleProgress.objects.count() == 2
    assert not ModuleProgress.objects.filter(user__isnull=False).exists()
    assert all(
        not answers for answers in ModuleProgress.objects.values_list("check_answers", flat=True)
    )
    enrolment = Enrolment.objects.get()
    assert enrolment.user_id is None
    assert enrolment.municipality.name == "Eeklo"  # for the municipality's statistics
    assert QuizAttempt.objects.count() == 0
    assert ProgressEvent.objects.count() == 0
