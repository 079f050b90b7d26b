"""Acceptance of issue 3 in Chromium: sign up, verify, watch and pass, resume, complete the course,
download the attest and have its code confirmed by the public verification page."""

import io
import re
import subprocess
import time
import uuid

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile

from media.models import MediaAsset
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    knowledge_check_block,
    make_home,
    publish,
)

from .conftest import account_menu

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIDEO_SECONDS = 10  # the player resumes only when more than 5 s are left


def webm_video(seconds):
    """A real, playable video made by ffmpeg (VP8 in WebM, which Chromium always plays)."""
    return subprocess.run(
        [
            "ffmpeg", "-hide_banner", "-loglevel", "error",
            "-f", "lavfi", "-i", f"testsrc=duration={seconds}:size=320x180:rate=15",
            "-c:v", "libvpx", "-b:v", "100k", "-f", "webm", "pipe:1",
        ],
        check=True,
        capture_output=True,
    ).stdout  # fmt: skip


@pytest.fixture
def video_course(settings, db):
    settings.ROOT_URLCONF = "tests.e2e.urls"  # serves image renditions, as nginx would
    video = MediaAsset.objects.create(
        title="Signalen herkennen",
        file=ContentFile(webm_video(VIDEO_SECONDS), name="signalen.webm"),
        type="video",
        duration=VIDEO_SECONDS,
    )
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = publish(CoursePageFactory(parent=library, title="Partnergeweld herkennen"))
    watch = publish(
        ModulePageFactory(
            parent=course,
            title="Signalen in beeld",
            body=[
                {"type": "video", "id": str(uuid.uuid4()), "value": {"video": video.pk}},
                knowledge_check_block("Wat doet u eerst?"),
            ],
            completion_rule="watched_and_check",
            min_watched_percent=90,
            min_score_percent=100,
        )
    )
    reading = publish(ModulePageFactory(parent=course, title="Doorverwijzen"))
    cache.clear()
    return {"course": course, "watch": watch, "reading": reading}


def sign_up_and_verify(page, email, password):
    page.goto("/nl/account/signup/")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill(password)
    page.locator("input[name=password2]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/account/confirm-email/")
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    if "/account/login/" in page.url:  # confirmed in another session: sign in
        page.locator("input[name=login]").fill(email)
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").click()
    expect(account_menu(page).get_by_role("link", name="Mijn leertraject")).to_be_visible()


def play(page, until_seconds):
    """Play the module's video until `until_seconds`, then pause (which sends the progress)."""
    video = page.locator("video[data-media-id]")
    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function(
        f"() => document.querySelector('video').currentTime >= {until_seconds}"
        " || document.querySelector('video').ended",
        timeout=(VIDEO_SECONDS + 10) * 1000,
    )
    with page.expect_response("**/api/progress/events") as sent:
        video.evaluate("v => v.ended ? v.dispatchEvent(new Event('pause')) : v.pause()")
    assert sent.value.status == 200, sent.value.text()


def test_a_learner_completes_a_course_and_gets_a_verified_attest(
    page, video_course, celery_worker_real
):
    watch, reading = video_course["watch"], video_course["reading"]
    sign_up_and_verify(page, "lies.peeters@example.org", "een-lang-wachtwoord-2026")

    # Watch part of the video, leave, and come back where the video stopped.
    page.goto(watch.url)
    play(page, 3)
    page.goto(video_course["course"].url)
    page.goto(watch.url)
    expect(page.locator("[data-resume-note]")).to_be_visible()
    resumed_at = page.locator("video").evaluate("v => v.currentTime")
    assert 2.5 <= resumed_at <= 4.5

    # Watch to the end and pass the knowledge check: the module is completed.
    play(page, VIDEO_SECONDS)
    page.get_by_label("Veiligheid inschatten").check()
    page.get_by_role("button", name="Controleer mijn antwoord").click()
    expect(page.locator(".feedback--correct")).to_be_visible()
    expect(page.locator(".progress-status--completed")).to_be_visible()

    # The last module only asks to be read; the course is then completed and the attest made.
    page.goto(reading.url)
    expect(page.locator(".progress-status--completed")).to_be_visible()
    page.goto("/nl/account/learning/")
    download_link = page.locator("a[href$='.pdf']")
    for _attempt in range(30):  # the attest is made by a Celery task (a real worker on Redis)
        if download_link.count():
            break
        time.sleep(1)
        page.reload()
    with page.expect_download() as download:
        download_link.click()
    pdf_text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages
    )
    code = re.search(r"\b[A-HJ-NP-Z2-9]{12}\b", pdf_text).group(0)
    assert "Partnergeweld herkennen" in pdf_text

    # Anyone can check the code on the public verification page.
    verifier = page.context.browser.new_context(base_url=page.url.split("/nl/")[0])
    check = verifier.new_page()
    check.goto("/nl/attest/")
    check.locator("input[name=code]").fill(code.lower())
    check.locator("main form button[type=submit]").click()
    result = check.get_by_role("status")
    expect(result).to_contain_text("Partnergeweld herkennen")
    expect(result).to_contain_text("lies.peeters@example.org")
    verifier.close()
    assert not page.browser_log.page_errors
    assert not page.browser_log.failures


def sign_in(page, email, password):
    page.goto("/nl/account/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(account_menu(page).get_by_role("link", name="Mijn leertraject")).to_be_visible()


def test_unsent_progress_stays_with_its_learner_on_a_shared_computer(page, video_course):
    from allauth.account.models import EmailAddress

    from elearning.learners.models import ModuleProgress
    from tests.factories import UserFactory

    watch = video_course["watch"]
    first, second = UserFactory(), UserFactory()
    for user in (first, second):
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    # The first learner watches while the network is down: the events wait in the browser.
    sign_in(page, first.email, "correct-horse-battery")
    page.goto(watch.url)
    page.route("**/api/progress/events", lambda route: route.abort())
    video = page.locator("video[data-media-id]")
    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function("() => document.querySelector('video').currentTime >= 4")
    video.evaluate("v => v.pause()")
    account_menu(page).get_by_role("button", name="Afmelden").click()  # still offline while leaving

    # The next learner on the same browser watches one second; only that is theirs.
    sign_in(page, second.email, "correct-horse-battery")
    page.unroute("**/api/progress/events")
    page.goto(watch.url)
    video = page.locator("video[data-media-id]")
    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function("() => document.querySelector('video').currentTime >= 1")
    with page.expect_response("**/api/progress/events") as sent:
        video.evaluate("v => v.pause()")
    assert sent.value.status == 200
    progress = ModuleProgress.objects.get(user=second)
    watched = sum(end - start for start, end in next(iter(progress.watched.values())))
    assert watched < 2.5  # their own second (and a bit), never the first learner's four
    assert not ModuleProgress.objects.get(user=first).watched  # waits for its own learner
