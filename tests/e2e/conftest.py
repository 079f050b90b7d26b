"""Browser tier: Debian's headless Chromium driven by Playwright's sync API against live_server.

Playwright cannot download its own browser here, so the system Chromium is launched
(PLAYWRIGHT_CHROMIUM_EXECUTABLE, exported by the Makefile, or /usr/bin/chromium).

One browser per test module (launching costs about a second); a fresh context, and so fresh
cookies, storage and history, per test. Test modules are marked

    pytestmark = [
        pytest.mark.e2e,
        pytest.mark.django_db(transaction=True, serialized_rollback=True),
    ]

transaction=True because the live server runs in another thread and only sees committed data;
serialized_rollback=True because the flush after each transactional test also wipes what the
migrations put in (Wagtail's root page, the default "nl" Locale): without it every test after
the first fails in library_tree with Locale.DoesNotExist.
"""

import os
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

from django.core.cache import cache
from django.db import connections

from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    make_home,
    publish,
)

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Fail fast: every page here is local and small.
TIMEOUT_MS = 10_000
# How long a closing test waits for the site to answer what its pages sent on leaving.
SETTLE_S = 5

ROLES = ["home", "library", "course", "module", "webinar", "tool"]
LANGUAGES = ["nl", "fr", "en"]


def page_for(tree, role, language):
    """The page of `role` in `language` from the library_tree fixture."""
    if language == "nl":
        return tree["pages"][role]
    return tree["translations"][(role, language)]


@pytest.fixture(scope="module", autouse=True)
def _migrated_data_back(migrated_data_back_after_the_module):
    """Every browser test is transactional (see tests/conftest.py for why this is needed)."""


@pytest.fixture(scope="module")
def browser(django_db_setup):
    # Playwright's sync API leaves its asyncio loop marked as running in this thread while the
    # browser lives. Django then sees an "async context" in the tests and fixtures:
    # 1. its ORM refuses to run (SynchronousOnlyOperation) unless DJANGO_ALLOW_ASYNC_UNSAFE;
    # 2. asgiref hands out *other* connection objects (context-local instead of thread-local),
    #    so the test would no longer share the live server's in-memory SQLite connection and
    #    the serialized rollback (kept on the original connection) would silently not happen.
    # Both are undone here, for the lifetime of the browser only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    originals = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            for alias, connection in originals.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context(browser, live_server, settings):
    # The site's address is the live server's: links in mails and feeds lead back to it.
    settings.SITE_URL = live_server.url
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-BE",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    in_flight = InFlight(context)
    yield context
    in_flight.leave_and_settle()
    context.close()


class InFlight:
    """The context's requests that the site has not answered yet.

    Leaving a page sends its last word: the player's progress goes out on `pagehide` as a
    keepalive fetch. Closing the context does not wait for it, so the live server would answer
    it after the test has ended, against a database the test no longer holds (a 500 in the log,
    and on Python 3.11 a traceback formatted in two threads at once can crash the test worker).
    So a test ends by leaving its pages and waiting until the site has answered.
    """

    def __init__(self, context):
        self.context = context
        self.requests = set()
        context.on("request", self._sent)
        context.on("requestfinished", self._answered)
        context.on("requestfailed", self._answered)

    def _sent(self, request):
        self.requests.add(request)

    def _answered(self, request):
        self.requests.discard(request)

    def leave_and_settle(self):
        pages = [page for page in self.context.pages if not page.is_closed()]
        for page in pages:
            try:
                page.goto("about:blank")
            except PlaywrightError:
                continue  # the page crashed or was closed meanwhile: it sends nothing more
        deadline = time.monotonic() + SETTLE_S
        while self.requests and pages and time.monotonic() < deadline:
            pages[0].wait_for_timeout(50)  # lets Playwright deliver the network events


class BrowserLog:
    """What the page did: every request's URL, failed requests and responses, console errors
    and uncaught exceptions."""

    def __init__(self, page):
        self.requests = []
        self.failures = []
        self.console_errors = []
        self.page_errors = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _request_failed(self, request):
        # ERR_ABORTED: the browser dropped the request because the page navigated on (the
        # favicon, fetched after "load", often is). A missing file shows up in _response.
        if request.failure != "net::ERR_ABORTED":
            self.failures.append(f"{request.url}: {request.failure}")

    def _response(self, response):
        if response.status >= 400:
            self.failures.append(f"{response.url}: HTTP {response.status}")

    def _console(self, message):
        if message.type == "error":
            location = message.location or {}
            self.console_errors.append(f"{message.text} ({location.get('url', '?')})")

    def clear(self):
        for records in (self.requests, self.failures, self.console_errors, self.page_errors):
            records.clear()

    def foreign_requests(self, origin):
        """Requests that left `origin` (scheme://host:port); data: and blob: URLs stay local."""
        expected = urlsplit(origin)
        foreign = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob"):
                continue
            if (parts.scheme, parts.netloc) != (expected.scheme, expected.netloc):
                foreign.append(url)
        return foreign


@pytest.fixture
def page(context):
    page = context.new_page()
    page.browser_log = BrowserLog(page)
    return page  # closed with its context, once what it sends on leaving is answered


@pytest.fixture
def browser_log(page):
    return page.browser_log


@pytest.fixture
def small_tree(db):
    """Home, library, course and one module, Dutch only: a quarter of library_tree's cost,
    for tests that need a page to stand on but no translations."""
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = publish(CoursePageFactory(parent=library, title="Kindermishandeling herkennen"))
    module = publish(ModulePageFactory(parent=course, title="Signalen"))
    cache.clear()
    return {"home": home, "library": library, "course": course, "module": module}


def account_menu(page):
    """The signed-in account links, unfolded: on a wide screen they sit behind the header's
    "Account" button (waited for, so this also says the visitor is signed in)."""
    toggle = page.locator(".account-toggle")
    expect(toggle).to_be_visible()
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    return page.locator("#account-menu")
