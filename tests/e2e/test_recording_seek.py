"""Seeking in a recording in Chromium, on the site as `make run` serves it (runserver, DEBUG):
the player asks for byte ranges of the recording's checked address, and a signed-in learner who
comes back continues where they left off."""

import uuid

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from django.core.cache import cache
from django.core.files.base import ContentFile

from media.models import MediaAsset
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    UserFactory,
    make_home,
    publish,
)
from tests.make_run import make_run_urls  # noqa: F401  (fixture)
from tests.media_assets.conftest import processing_settled

from .test_learning_journey import sign_in, webm_video

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SECONDS = 12  # the player resumes only when more than 5 s are left
PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def module(db, celery_worker_real):
    video = MediaAsset.objects.create(
        title="Signalen herkennen",
        file=ContentFile(webm_video(SECONDS), name="signalen.webm"),
        type="video",
    )
    processing_settled(video)
    library = publish(LibraryPageFactory(parent=make_home()))
    course = publish(CoursePageFactory(parent=library, title="Partnergeweld herkennen"))
    block = {"type": "video", "id": str(uuid.uuid4()), "value": {"video": video.pk}}
    page = publish(ModulePageFactory(parent=course, title="Signalen in beeld", body=[block]))
    cache.clear()
    return page


def position(page):
    return page.locator("video").evaluate("v => v.currentTime")


@pytest.mark.usefixtures("make_run_urls")
def test_a_learner_seeks_to_five_seconds_and_later_continues_there(page, module):
    learner = UserFactory(email="lies@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=learner, email=learner.email, verified=True, primary=True)
    partial = []
    page.on(
        "response",
        lambda response: partial.append(response.status) if "/files/" in response.url else None,
    )
    sign_in(page, learner.email, PASSWORD)
    page.goto(module.url)

    video = page.locator("video")
    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function("() => document.querySelector('video').currentTime > 0.3")
    video.evaluate(
        "v => new Promise(done => {"
        " v.addEventListener('seeked', done, {once: true}); v.currentTime = 5; })"
    )
    assert position(page) == pytest.approx(5, abs=0.5)
    with page.expect_response("**/api/progress/events") as sent:
        video.evaluate("v => v.pause()")
    assert sent.value.status == 200
    assert 206 in partial  # the recording came in byte ranges

    page.goto(module.url)
    expect(page.locator("[data-resume-note]")).to_be_visible()
    expect(page.locator("[data-resume-note]")).to_contain_text("0:05")
    page.wait_for_function("() => document.querySelector('video').readyState >= 1")
    assert position(page) == pytest.approx(5, abs=0.6)
    assert not page.browser_log.page_errors
    assert not page.browser_log.failures
