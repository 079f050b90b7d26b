"""The contact, privacy, accessibility and cookie pages pass axe in every language, and the
footer links to them are reached and followed with the keyboard."""

import pytest
from playwright.sync_api import expect

from courses.models import InformationPage
from courses.site_pages import site_pages_seed

from .conftest import LANGUAGES
from .test_accessibility import axe_report

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_information_pages_pass_axe_in_every_language(page, library_tree):
    site_pages_seed()
    failures = {}
    for information_page in InformationPage.objects.live().order_by("path"):
        url = information_page.url
        response = page.goto(url)
        assert response.ok, f"{url}: HTTP {response.status}"
        report = axe_report(page)
        if report:
            failures[url] = report
    assert InformationPage.objects.live().count() == 4 * len(LANGUAGES)
    for url, report in failures.items():
        print(f"\n===== axe: {url} =====\n{report}")
    assert not failures, f"axe violations on {sorted(failures)} (reports printed above)"


def test_the_footer_link_to_the_cookie_statement_works_from_the_keyboard(
    page, live_server, library_tree
):
    site_pages_seed()
    cookies = InformationPage.objects.get(locale__language_code="fr", slug="declaration-cookies")
    page.goto(library_tree["translations"][("home", "fr")].url)

    link = page.get_by_role("navigation", name="À propos de ce site").get_by_role(
        "link", name=cookies.title
    )
    for _press in range(80):
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    expect(link).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(live_server.url + cookies.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(cookies.title)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
