"""scorm_completion.js in Debian's Chromium, inside a stand-in learning platform.

The platform is a page that offers a fake SCORM 1.2 API (window.API) recording every call, and
shows the SCO two frames down, as platforms do. Playwright serves the package's files from the
zip itself, under one made-up origin, so frames may look up at each other as on a platform.
"""

import mimetypes
import os
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from courses.packaging.standards import scorm_write

from .conftest import manifest_parse, package_open

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
ORIGIN = "http://platform.test"
FAKE_API = """
window.scormCalls = [];
// What the platform remembers of an earlier visit: ?status=completed
window.scormStatus = new URLSearchParams(location.search).get("status") || "not attempted";
function scormCall(name, result) {
  return function () {
    window.scormCalls.push([name].concat(Array.prototype.slice.call(arguments)));
    return typeof result === "function" ? result.apply(null, arguments) : result;
  };
}
window.API = {
  LMSInitialize: scormCall("LMSInitialize", "true"),
  LMSFinish: scormCall("LMSFinish", "true"),
  LMSGetValue: scormCall("LMSGetValue", function () { return window.scormStatus; }),
  LMSSetValue: scormCall("LMSSetValue", "true"),
  LMSCommit: scormCall("LMSCommit", "true"),
  LMSGetLastError: scormCall("LMSGetLastError", "0"),
  LMSGetErrorString: scormCall("LMSGetErrorString", ""),
  LMSGetDiagnostic: scormCall("LMSGetDiagnostic", "")
};
"""


def platform_pages(launch):
    """The platform's window (with the API) and a frame in between, around the SCO."""
    return {
        "platform.html": (
            "<!DOCTYPE html><html lang='en'><head><title>Platform</title>"
            f"<script>{FAKE_API}</script></head>"
            "<body><iframe title='course' src='frame.html'></iframe></body></html>"
        ),
        "frame.html": (
            "<!DOCTYPE html><html lang='en'><head><title>Player</title></head>"
            f"<body><iframe title='module' src='{launch}'></iframe></body></html>"
        ),
    }


def package_serve(package, extra):
    """A Playwright route handler: the platform's own files (`extra`, by name), else the
    package's files from the zip."""

    def serve(route):
        path = urlsplit(route.request.url).path.lstrip("/")
        if path in extra:
            body = extra[path]
        elif path in package.namelist():
            body = package.read(path)
        else:
            return route.fulfill(status=404)
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return route.fulfill(body=body, content_type=kind)

    return serve


@pytest.fixture
def package(course_tree):
    return package_open(write=scorm_write, course=course_tree["course"])


@pytest.fixture
def platform(package):
    """A Chromium page on the stand-in platform; built after the package, since Playwright's
    event loop makes Django refuse database work for as long as the browser lives."""
    launch = manifest_parse(package).find(".//{*}resource").get("href")
    serve = package_serve(package, platform_pages(launch))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox"], headless=True
        )
        page = browser.new_page()
        page.set_default_timeout(10_000)
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.route(f"{ORIGIN}/**", serve)
        page.launch = f"{ORIGIN}/{launch}"
        yield page
        browser.close()


def calls(page, name):
    return [call[1:] for call in page.evaluate("window.scormCalls") if call[0] == name]


def sco(page):
    return page.frame_locator("iframe").frame_locator("iframe")


def leave(page):
    """The learner closes the SCO: the platform removes its frame."""
    page.evaluate("document.querySelector('iframe').remove()")


def test_marking_the_page_completed_tells_the_platform(platform):
    platform.goto(f"{ORIGIN}/platform.html")

    sco(platform).locator("[data-scorm-complete]").click()

    expect(sco(platform).locator("[data-scorm-status]")).to_contain_text("Aangeduid als voltooid")
    assert calls(platform, "LMSInitialize") == [[""]]
    assert set_values(platform, "cmi.core.lesson_status")[-1] == "completed"
    assert calls(platform, "LMSCommit")
    leave(platform)
    assert calls(platform, "LMSFinish") == [[""]]
    assert set_values(platform, "cmi.core.lesson_status")[-1] == "completed"
    assert platform.errors == []


CMI_TIMESPAN = re.compile(r"^\d{2,4}:[0-5]\d:[0-5]\d$")  # SCORM 1.2: HHHH:MM:SS


def set_values(page, element):
    return [value for name, value in calls(page, "LMSSetValue") if name == element]


def session_times(page):
    return set_values(page, "cmi.core.session_time")


def test_every_commit_carries_the_time_spent_on_the_page(platform):
    platform.goto(f"{ORIGIN}/platform.html")
    expect(sco(platform).locator("[data-scorm-complete]")).to_be_visible()
    platform.wait_for_timeout(1_100)

    sco(platform).locator("[data-scorm-complete]").click()

    expect(sco(platform).locator("[data-scorm-status]")).to_contain_text("Aangeduid als voltooid")
    spent = session_times(platform)
    assert len(spent) == len(calls(platform, "LMSCommit")) >= 2  # the start, the completion
    assert all(CMI_TIMESPAN.match(value) for value in spent)
    assert spent[-1] != "00:00:00"


def test_hiding_the_page_commits_before_any_closing(platform):
    """A platform's commit is a synchronous request, which the browser may refuse while the
    page closes: the state is committed when the page is hidden, before that."""
    platform.goto(f"{ORIGIN}/platform.html")
    expect(sco(platform).locator("[data-scorm-complete]")).to_be_visible()
    committed = len(calls(platform, "LMSCommit"))

    sco(platform).locator("body").evaluate(
        """() => {
            Object.defineProperty(document, "visibilityState", { value: "hidden" });
            document.dispatchEvent(new Event("visibilitychange"));
        }"""
    )

    assert len(calls(platform, "LMSCommit")) == committed + 1
    assert calls(platform, "LMSFinish") == []
    assert CMI_TIMESPAN.match(session_times(platform)[-1])
    assert platform.errors == []


def test_leaving_before_the_end_records_the_page_as_incomplete(platform):
    platform.goto(f"{ORIGIN}/platform.html")
    expect(sco(platform).locator("[data-scorm-complete]")).to_be_visible()

    leave(platform)

    assert set_values(platform, "cmi.core.lesson_status")[-1] == "incomplete"
    assert calls(platform, "LMSFinish") == [[""]]


def test_a_page_completed_before_says_so_and_is_not_reset(platform):
    platform.goto(f"{ORIGIN}/platform.html?status=completed")

    expect(sco(platform).locator("[data-scorm-complete]")).to_be_disabled()
    expect(sco(platform).locator("[data-scorm-status]")).to_contain_text("Aangeduid als voltooid")
    leave(platform)
    assert ["cmi.core.lesson_status", "incomplete"] not in calls(platform, "LMSSetValue")


def test_without_a_platform_the_page_reads_as_a_plain_page(platform):
    platform.goto(platform.launch)

    expect(platform.locator("h1")).to_have_text("Signalen")
    expect(platform.locator("[data-scorm-completion]")).to_be_hidden()
    assert platform.errors == []
