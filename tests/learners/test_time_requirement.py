"""The time requirement: a module asks for some of its duration spent on it, on its own or on top
of its rule, and a learner reads on the module page what is still needed."""

import re
from datetime import timedelta

import pytest

from django.core.cache import cache
from django.utils import timezone

from elearning.learners.models import ModuleProgress
from tests.factories import ModulePageFactory, knowledge_check_block, publish

from .helpers import answer, check_ids, event, open_module, post_events

pytestmark = pytest.mark.django_db

NEEDS_TITLE = "Nog nodig om deze module te voltooien:"


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def reading(course_tree):
    """Ten minutes of reading, completed after half of it: five minutes on the page."""
    module = publish(
        ModulePageFactory(
            parent=course_tree["course"],
            title="Lezen",
            duration_minutes=10,
            completion_rule="viewed",
            min_time_percent=50,
        )
    )
    cache.clear()
    return module


@pytest.fixture
def reading_and_check(course_tree):
    """Ten minutes with a check: the check passed and half the duration spent."""
    module = publish(
        ModulePageFactory(
            parent=course_tree["course"],
            title="Lezen en toetsen",
            duration_minutes=10,
            body=[knowledge_check_block("Vraag 1")],
            completion_rule="check_passed",
            min_score_percent=100,
            min_time_percent=50,
        )
    )
    cache.clear()
    return module


def progress_of(user, module):
    return ModuleProgress.objects.get(user=user, module_key=module.translation_key)


def spend(client, module, seconds, *, step=15):
    """Heartbeats of `step` seconds of time on the page, as the script sends them."""
    return post_events(client, [event(module, elapsed=step) for _ in range(seconds // step)])


def needs_box(client, module):
    """The text of the "still needed" box on the module page ("" when there is none)."""
    html = client.get(module.url).content.decode()
    if 'class="completion-needs">' not in html:
        return ""
    box = html.split('class="completion-needs">', 1)[1].split("</div>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", box).split())


def test_a_module_with_a_time_requirement_is_not_completed_by_opening_it(
    signed_in, learner, reading
):
    open_module(signed_in, reading)
    assert progress_of(learner, reading).status == "in_progress"
    assert needs_box(signed_in, reading) == (
        f"{NEEDS_TITLE} er nog ongeveer 5 minuten aan besteden"
    )


def test_time_below_the_requirement_leaves_the_module_open(signed_in, learner, reading):
    open_module(signed_in, reading)
    assert spend(signed_in, reading, 240).json()["completed_modules"] == []
    assert progress_of(learner, reading).status == "in_progress"
    assert "nog ongeveer 1 minuut aan besteden" in needs_box(signed_in, reading)


def test_the_heartbeat_that_reaches_the_requirement_completes_the_module(
    signed_in, learner, reading
):
    open_module(signed_in, reading)
    spend(signed_in, reading, 285)
    response = spend(signed_in, reading, 15)
    assert response.json()["completed_modules"] == [reading.pk]
    assert progress_of(learner, reading).status == "completed"
    assert needs_box(signed_in, reading) == "Voltooid: deze module vraagt niets meer."


def test_a_passed_check_without_the_time_does_not_complete_the_module(
    signed_in, learner, reading_and_check
):
    open_module(signed_in, reading_and_check)
    (check,) = check_ids(reading_and_check)
    answer(signed_in, reading_and_check, check, 0)
    assert progress_of(learner, reading_and_check).status == "in_progress"
    box = needs_box(signed_in, reading_and_check)
    assert "nog ongeveer 5 minuten aan besteden" in box
    assert "kennischeck" not in box  # passed: no longer listed
    assert spend(signed_in, reading_and_check, 300).json()["completed_modules"] == [
        reading_and_check.pk
    ]


def test_the_time_without_the_check_does_not_complete_the_module(
    signed_in, learner, reading_and_check
):
    open_module(signed_in, reading_and_check)
    spend(signed_in, reading_and_check, 300)
    assert progress_of(learner, reading_and_check).status == "in_progress"
    box = needs_box(signed_in, reading_and_check)
    assert "slagen voor de kennischeck (een score van minstens 100 %)" in box
    assert "minuten" not in box
    (check,) = check_ids(reading_and_check)
    answer(signed_in, reading_and_check, check, 0)
    assert progress_of(learner, reading_and_check).status == "completed"


def test_a_burst_of_heartbeats_claiming_half_an_hour_is_refused(signed_in, learner, reading):
    signed_in.get(reading.url)  # opened just now
    burst = [event(reading, elapsed=120) for _ in range(15)]  # 30 minutes, sent at once
    response = post_events(signed_in, burst)
    assert response.status_code == 400
    progress = progress_of(learner, reading)
    assert (progress.status, progress.seconds_spent) == ("in_progress", 0)


def test_time_claimed_faster_than_the_clock_completes_nothing_until_the_clock_agrees(
    signed_in, learner, reading
):
    """Within the leeway for browser clocks, a burst is recorded but counts no faster than
    the time that really passed since the learner opened the module."""
    signed_in.get(reading.url)  # opened just now
    burst = [event(reading, elapsed=100) for _ in range(3)]  # 5 minutes within a second
    response = post_events(signed_in, burst)
    assert response.status_code == 200
    assert response.json()["completed_modules"] == []
    assert progress_of(learner, reading).seconds_spent == 300
    assert progress_of(learner, reading).status == "in_progress"
    assert "nog ongeveer 5 minuten aan besteden" in needs_box(signed_in, reading)
    # Five minutes later by the server's clock, the next heartbeat completes the module.
    ModuleProgress.objects.filter(user=learner).update(
        first_activity_at=timezone.now() - timedelta(minutes=5, seconds=1)
    )
    assert spend(signed_in, reading, 15).json()["completed_modules"] == [reading.pk]


def test_opening_the_page_again_completes_a_module_whose_time_was_met_meanwhile(
    signed_in, learner, reading
):
    signed_in.get(reading.url)
    post_events(signed_in, [event(reading, elapsed=100) for _ in range(3)])
    ModuleProgress.objects.filter(user=learner).update(
        first_activity_at=timezone.now() - timedelta(minutes=6)
    )
    signed_in.get(reading.url)
    assert progress_of(learner, reading).status == "completed"


def test_a_module_without_a_time_requirement_completes_as_before(signed_in, learner, course_tree):
    extra = course_tree["extra"]  # "viewed", made with the field's default
    assert extra.min_time_percent == 0
    signed_in.get(extra.url)
    assert progress_of(learner, extra).status == "completed"
    assert "Voltooid: deze module vraagt niets meer." in needs_box(signed_in, extra)


def test_visitors_see_no_box(client, reading):
    assert client.get(reading.url).status_code == 200
    assert needs_box(client, reading) == ""
    assert "Nog nodig" not in client.get(reading.url).content.decode()
