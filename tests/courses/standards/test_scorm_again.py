"""Every SCO of an exported SCORM 1.2 package, played in scorm-again inside Debian's Chromium.

scorm-again is a SCORM runtime that learning platforms embed (npm, MIT; pinned in
runtime/package-lock.json and installed by `make test` with `npm ci`). It implements the SCORM 1.2
API and data model with their error codes, so a call the standard does not allow, a value of the
wrong format or an element set before LMSInitialize shows up as a runtime error here, where the
stand-in platform of test_scorm_completion.py would answer "true" to anything.

As a platform does, the runtime's window holds `window.API` and shows the SCO two frames down;
Playwright serves the package's files from the zip under one made-up origin.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from courses.packaging.standards import scorm_write

from .conftest import manifest_parse, package_open
from .test_scorm_completion import CHROMIUM, ORIGIN, leave, package_serve, sco

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

RUNTIME = Path(__file__).parent / "runtime" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
# Every API call with its result and the runtime's error code right after it.
HARNESS = """
window.runtimeLog = [];
window.runtimeErrors = [];
window.API = new Scorm12API({ autocommit: false, logLevel: 4 });
["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"].forEach(function (name) {
  var call = window.API[name];
  window.API[name] = function () {
    var result = call.apply(window.API, arguments);
    var error = window.API.LMSGetLastError();
    window.runtimeLog.push({ name: name, args: Array.prototype.slice.call(arguments),
                             result: String(result), error: String(error) });
    return result;
  };
});
"""
CMI_TIMESPAN = re.compile(r"^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$")  # HHHH:MM:SS.SS


def runtime_pages(launch):
    return {
        "runtime.html": (
            "<!DOCTYPE html><html lang='en'><head><title>Platform</title>"
            "<script src='scorm12.js'></script>"
            f"<script>{HARNESS}</script></head>"
            "<body><iframe title='course' src='frame.html'></iframe></body></html>"
        ),
        "frame.html": (
            "<!DOCTYPE html><html lang='en'><head><title>Player</title></head>"
            f"<body><iframe title='module' src='{launch}'></iframe></body></html>"
        ),
        "scorm12.js": RUNTIME.read_bytes(),
    }


@pytest.fixture
def scos(course_tree):
    """The package and the launch page of each of its SCOs (every module and the webinar)."""
    if not RUNTIME.is_file():
        pytest.fail(f"scorm-again is not installed: run `make test` (npm ci), missing {RUNTIME}")
    package = package_open(write=scorm_write, course=course_tree["course"])
    resources = manifest_parse(package).iterfind(".//{*}resource")
    launches = [
        resource.get("href")
        for resource in resources
        if resource.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
    ]
    return package, launches


def played(browser, package, launch):
    """Open the SCO in the runtime, stay a second, mark it completed, close it: what the runtime
    then holds, and the errors the page met."""
    page = browser.new_page()
    page.set_default_timeout(10_000)
    errors = []

    def console(message):
        if message.type == "error":
            errors.append(message.text)

    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", console)
    page.route(f"{ORIGIN}/**", package_serve(package, runtime_pages(launch)))
    page.goto(f"{ORIGIN}/runtime.html")
    expect(sco(page).locator("[data-scorm-complete]")).to_be_visible()
    page.wait_for_timeout(1_100)  # session_time counts whole seconds
    sco(page).locator("[data-scorm-complete]").click()
    expect(sco(page).locator("[data-scorm-status]")).to_contain_text("Aangeduid als voltooid")
    leave(page)
    held = page.evaluate(
        """() => ({
            log: window.runtimeLog,
            initialized: window.API.isInitialized(),
            terminated: window.API.isTerminated(),
            status: window.API.cmi.core.lesson_status,
        })"""
    )
    page.close()
    return held, errors


def test_every_sco_runs_in_scorm_again_from_start_to_finish(scos):
    package, launches = scos
    assert len(launches) >= 2  # the modules and the webinar

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox"], headless=True
        )
        runs = {launch: played(browser, package, launch) for launch in launches}
        browser.close()

    for launch, (held, errors) in runs.items():
        names = [call["name"] for call in held["log"]]
        assert names[0] == "LMSInitialize" and names[-1] == "LMSFinish", launch
        assert names.count("LMSInitialize") == names.count("LMSFinish") == 1, launch
        assert [c for c in held["log"] if c["error"] != "0" or c["result"] == "false"] == [], launch
        assert held["terminated"] and not held["initialized"], launch
        assert held["status"] in ("completed", "passed"), launch
        # cmi.core.session_time is write-only: what the SCO set, and the runtime took (error 0).
        spent = [
            call["args"][1]
            for call in held["log"]
            if call["name"] == "LMSSetValue" and call["args"][0] == "cmi.core.session_time"
        ]
        assert spent and all(CMI_TIMESPAN.match(value) for value in spent), launch
        assert spent[-1] not in ("00:00:00", "0000:00:00"), launch
        assert errors == [], launch


def test_a_call_the_standard_forbids_is_a_runtime_error_here(scos):
    """The runtime is strict: the check above can fail. Setting a read-only element is refused
    with error 403, which the stand-in platform would have accepted."""
    package, launches = scos
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox"], headless=True
        )
        page = browser.new_page()
        page.route(f"{ORIGIN}/**", package_serve(package, runtime_pages(launches[0])))
        page.goto(f"{ORIGIN}/runtime.html")
        expect(sco(page).locator("[data-scorm-complete]")).to_be_visible()
        refused = page.evaluate(
            "() => [window.API.LMSSetValue('cmi.core.student_id', 'x'),"
            " window.API.LMSGetLastError()]"
        )
        browser.close()

    assert refused == ["false", "403"]
