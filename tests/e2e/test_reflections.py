"""A learner writes a private note under a reflection question (saved in place, no reload),
finds it again, and prints "My reflections"; axe finds nothing on either page."""

import re

import pytest
from playwright.sync_api import expect

from .test_accessibility import axe_report

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NOTE = "Ik vraag eerst hoe het thuis gaat.\nDan bel ik 1712."


def sign_in(page, email, password):
    page.goto("/nl/account/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    # Signed in: the header holds the sign-out form (folded behind a menu button or not).
    expect(page.locator(".account-nav form button[type=submit]")).to_have_count(1)


def test_a_note_is_saved_in_place_kept_and_printed(page, small_tree, learner):
    module = small_tree["module"]
    page.goto(module.url)
    expect(page.get_by_text("Meld u aan om privénotities bij te houden")).to_be_visible()
    assert axe_report(page) is None

    sign_in(page, learner.email, "correct-horse-battery")
    page.goto("/nl/learning/reflections/")
    expect(page.get_by_text("U hebt nog geen notities.")).to_be_visible()
    assert axe_report(page) is None

    page.goto(module.url)
    reflection = page.locator(".reflection")
    note = reflection.get_by_label("Uw privénotitie")
    note.fill(NOTE)
    page.route("**/reflections/**", lambda route: route.abort())  # the connection drops
    reflection.get_by_role("button", name="Notitie opslaan").click()
    expect(reflection.get_by_role("status")).to_contain_text("kon niet worden opgeslagen")
    expect(note).to_have_value(NOTE)
    page.unroute("**/reflections/**")
    reflection.get_by_role("button", name="Notitie opslaan").click()
    expect(reflection.get_by_role("status")).to_have_text("Opgeslagen.")
    assert "note=" not in page.url  # saved without leaving the page
    expect(
        reflection.get_by_role("link", name="Al mijn reflecties, om af te drukken")
    ).to_be_visible()
    assert axe_report(page) is None

    page.reload()
    expect(page.locator(".reflection").get_by_label("Uw privénotitie")).to_have_value(NOTE)

    page.locator(".reflection").get_by_role("link", name="Al mijn reflecties").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn reflecties")
    expect(page.get_by_text("Dan bel ik 1712.")).to_be_visible()
    expect(page.get_by_text("Wat herkent u?")).to_be_visible()
    expect(page.locator(".quick-exit__button")).to_be_visible()
    assert axe_report(page) is None

    page.evaluate("window.print = function () { window.printAsked = true; }")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("window.printAsked") is True

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".help-box")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.get_by_role("button", name="Afdrukken")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("Dan bel ik 1712.")).to_be_visible()
    assert page.pdf()[:4] == b"%PDF"

    assert not page.browser_log.page_errors


def test_without_javascript_the_form_posts_and_the_print_button_stays_hidden(
    browser, live_server, settings, small_tree, learner
):
    settings.SITE_URL = live_server.url
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, learner.email, "correct-horse-battery")
        page.goto(small_tree["module"].url)
        reflection = page.locator(".reflection")
        reflection.get_by_label("Uw privénotitie").fill("Zonder script")
        reflection.get_by_role("button", name="Notitie opslaan").click()
        expect(page).to_have_url(re.compile(r"\?note="))
        reflection = page.locator(".reflection")
        expect(reflection.get_by_role("status")).to_have_text("Opgeslagen.")
        expect(reflection.get_by_label("Uw privénotitie")).to_have_value("Zonder script")

        page.goto("/nl/learning/reflections/")
        expect(page.get_by_text("Zonder script")).to_be_visible()
        expect(page.get_by_text("of gebruik de afdrukopdracht van uw browser.")).to_be_visible()
        expect(page.get_by_role("button", name="Afdrukken")).to_be_hidden()
    finally:
        context.close()
