"""The recording player in Chromium: captions chosen per language, speed, chapters, resuming;
and the progress bar of a large upload in the admin."""

import os
import re
import uuid

import pytest
from playwright.sync_api import expect

from django.core.cache import cache
from django.core.files.base import ContentFile

from media.models import MediaAsset, MediaCaption, ProcessingStatus
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    PodcastEpisodePageFactory,
    PodcastPageFactory,
    UserFactory,
    WebinarPageFactory,
    make_home,
    publish,
)
from tests.media_assets.conftest import processing_settled

from .test_accessibility import axe_report
from .test_learning_journey import sign_in, webm_video

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SECONDS = 12  # the player resumes only when more than 5 s are left
CAPTIONS = {
    "nl": "WEBVTT\n\n00:00:00.000 --> 00:00:12.000\nWelkom bij de module.\n",
    "fr": "WEBVTT\n\n00:00:00.000 --> 00:00:12.000\nBienvenue dans le module.\n",
}
PASSWORD = "een-lang-wachtwoord-2026"


def captioned_video():
    video = MediaAsset.objects.create(
        title="Signalen herkennen",
        file=ContentFile(webm_video(SECONDS), name="signalen.webm"),
        type="video",
    )
    for language, text in CAPTIONS.items():
        MediaCaption.objects.create(
            asset=video, language=language, file=ContentFile(text.encode(), name=f"{language}.vtt")
        )
    return processing_settled(video)


@pytest.fixture
def library(settings, db, celery_worker_real):
    settings.ROOT_URLCONF = "tests.e2e.urls"  # serves image renditions, as nginx would
    video = captioned_video()
    library = publish(LibraryPageFactory(parent=make_home()))
    course = publish(CoursePageFactory(parent=library, title="Partnergeweld herkennen"))
    block = {"type": "video", "id": str(uuid.uuid4()), "value": {"video": video.pk}}
    module = publish(ModulePageFactory(parent=course, title="Signalen in beeld", body=[block]))
    webinar = publish(
        WebinarPageFactory(
            parent=library,
            title="Babobox deel 1",
            recording=video,
            chapters=[
                {"type": "chapter", "value": {"start_seconds": 0, "title": "Welkom"}},
                {"type": "chapter", "value": {"start_seconds": 4, "title": "De kist"}},
            ],
        )
    )
    podcast = publish(PodcastPageFactory(parent=library))
    episode = publish(PodcastEpisodePageFactory(parent=podcast, title="Over de Babobox"))
    cache.clear()
    return {
        "video": video,
        "module": module,
        "webinar": webinar,
        "podcast": podcast,
        "episode": episode,
    }


def track_modes(page):
    return page.locator("video").evaluate(
        "v => Object.fromEntries(Array.from(v.textTracks).map(t => [t.language, t.mode]))"
    )


def test_a_learner_switches_captions_and_speed_then_resumes(page, library):
    assert library["video"].processing_status == ProcessingStatus.READY  # the web version plays
    learner = UserFactory(email="lies@example.org", password=PASSWORD)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=learner, email=learner.email, verified=True, primary=True)
    sign_in(page, learner.email, PASSWORD)
    page.goto(library["module"].url)

    captions = page.get_by_label("Ondertitels")
    expect(captions).to_be_visible()
    expect(captions).to_have_value("nl")  # the page's language first
    assert track_modes(page) == {"nl": "showing", "fr": "disabled"}

    captions.focus()
    captions.select_option("fr")
    assert track_modes(page) == {"nl": "disabled", "fr": "showing"}
    page.get_by_label("Snelheid").select_option("1.5")
    video = page.locator("video")
    assert video.evaluate("v => v.playbackRate") == 1.5

    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function("() => document.querySelector('video').currentTime >= 3")
    shown = video.evaluate(
        "v => Array.from(v.textTracks).filter(t => t.mode === 'showing')"
        ".map(t => Array.from(t.activeCues || []).map(c => c.text).join(' '))"
    )
    assert shown == ["Bienvenue dans le module."]
    with page.expect_response("**/api/progress/events") as sent:
        video.evaluate("v => v.pause()")
    assert sent.value.status == 200

    page.goto(library["module"].url)
    expect(page.locator("[data-resume-note]")).to_be_visible()
    assert page.locator("video").evaluate("v => v.currentTime") >= 2.5
    assert not page.browser_log.page_errors
    assert not page.browser_log.failures


def test_chapters_jump_in_the_recording_with_the_keyboard(page, library):
    page.goto(library["webinar"].url)

    chapter = page.get_by_role("button", name="0:04 De kist")
    chapter.focus()
    page.keyboard.press("Enter")

    page.wait_for_function("() => document.querySelector('video').currentTime >= 4")
    page.locator("video").evaluate("v => v.pause()")
    assert not page.browser_log.page_errors


def test_without_javascript_chapters_read_as_text_and_no_dead_controls_show(
    browser, live_server, library
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(library["webinar"].url)

    expect(page.locator("[data-seek-text]", has_text="0:04 De kist")).to_be_visible()
    expect(page.get_by_role("button", name="0:04 De kist")).to_be_hidden()
    expect(page.locator("[data-player-controls]")).to_be_hidden()
    context.close()


def test_a_large_upload_shows_its_progress_in_the_admin(page, library, tmp_path):
    UserFactory(email="redactie@example.org", password=PASSWORD, is_staff=True, is_superuser=True)
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill("redactie@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    recording = tmp_path / "webinar-opname.mp4"
    recording.write_bytes(os.urandom(12 * 1024 * 1024))

    page.goto("/admin/media/video/add/")
    page.locator("input[name=title]").fill("Webinar-opname")
    page.locator("input[name=file]").set_input_files(str(recording))
    page.route("**/admin/media/video/add/", lambda route: route.continue_())  # see the XHR
    with page.expect_request("**/admin/media/video/add/") as sent:
        page.locator("form[action*='/media/'] button[type=submit]").first.click()
        expect(page.locator("progress#upload-progress-bar")).to_be_attached()
    assert sent.value.resource_type == "xhr"

    page.wait_for_url(re.compile(r"/admin/media/(\?.*)?$"), timeout=30_000)
    asset = MediaAsset.objects.get(title="Webinar-opname")
    assert asset.file.size == recording.stat().st_size


def test_the_player_chapters_and_podcast_pages_pass_axe(page, library):
    failures = {}
    for role in ("module", "webinar", "podcast", "episode"):
        url = library[role].url
        assert page.goto(url).ok
        if role in ("module", "webinar"):
            expect(page.locator("[data-player-controls]")).to_be_visible()  # as a learner sees it
        report = axe_report(page)
        if report:
            failures[url] = report
    for url, report in failures.items():
        print(f"\n===== axe: {url} =====\n{report}")
    assert not failures, f"axe violations on {sorted(failures)} (reports printed above)"
