"""In the browser, every page loads nothing from other hosts, loads all of its own assets and
runs without JavaScript errors: no third party learns who reads about family violence."""

import pytest

from .conftest import LANGUAGES, ROLES, page_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def visit_and_check(page, browser_log, origin, url):
    """Problems seen while loading `url`, as a list of strings (empty: all well)."""
    browser_log.clear()
    response = page.goto(url)
    problems = []
    if not response.ok:
        problems.append(f"HTTP {response.status}")
    problems += [f"foreign request: {request}" for request in browser_log.foreign_requests(origin)]
    problems += [f"failed: {failure}" for failure in browser_log.failures]
    problems += [f"console error: {error}" for error in browser_log.console_errors]
    problems += [f"uncaught: {error}" for error in browser_log.page_errors]
    # The site's own stylesheet and script arrived and run (a 404 on them is silent otherwise).
    if page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") != (
        "absolute"
    ):
        problems.append("site.css is not applied")
    requested = " ".join(browser_log.requests)
    for asset in ("/static/elearning/css/site.css", "/static/elearning/js/site.js"):
        if asset not in requested:
            problems.append(f"{asset} was not requested")
    return problems


def test_pages_load_only_from_this_site_without_errors(
    page, browser_log, live_server, library_tree
):
    urls = [page_for(library_tree, role, language).url for language in LANGUAGES for role in ROLES]
    urls += [f"/{language}/search/?q=signalen" for language in LANGUAGES]
    problems = {}
    for url in urls:
        found = visit_and_check(page, browser_log, live_server.url, url)
        if found:
            problems[url] = found
    assert not problems, "\n".join(
        f"{url}:\n  " + "\n  ".join(found) for url, found in problems.items()
    )


def test_an_answered_knowledge_check_and_the_quick_exit_stay_on_this_site(
    page, browser_log, live_server, small_tree
):
    """The interactive parts too: the answer form and the exit never reach another host."""
    page.goto(small_tree["module"].url)
    check = page.locator(".knowledge-check").first
    check.get_by_label("Veiligheid inschatten").check()
    check.get_by_role("button").click()
    page.wait_for_url("**check=*")
    page.locator("[data-quick-exit]").click()
    page.wait_for_url("**/healthz/live?neutral")

    assert browser_log.foreign_requests(live_server.url) == []
    assert browser_log.console_errors == []
    assert browser_log.page_errors == []
    assert browser_log.failures == []
