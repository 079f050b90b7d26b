"""A visitor finds their way by mouse and by keyboard alone."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def heading(page, text):
    return page.get_by_role("heading", level=1, name=text, exact=True)


def test_visitor_browses_from_home_to_a_french_module(page, live_server, library_tree):
    pages, translations = library_tree["pages"], library_tree["translations"]
    page.goto("/nl/")
    expect(heading(page, pages["home"].title)).to_be_visible()

    page.locator(".hero").get_by_role("link").click()
    expect(page).to_have_url(live_server.url + pages["library"].url)
    expect(heading(page, pages["library"].title)).to_be_visible()

    page.locator(".language-switcher a[hreflang='fr']").click()
    library_fr = translations[("library", "fr")]
    expect(page).to_have_url(live_server.url + library_fr.url)
    assert page.url.startswith(f"{live_server.url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(heading(page, library_fr.title)).to_be_visible()

    course_fr = translations[("course", "fr")]
    page.get_by_role("link", name=course_fr.title, exact=True).click()
    expect(page).to_have_url(live_server.url + course_fr.url)
    expect(heading(page, course_fr.title)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    module_fr = translations[("module", "fr")]
    page.locator(".parts").get_by_role("link", name=module_fr.title, exact=True).click()
    expect(page).to_have_url(live_server.url + module_fr.url)
    expect(heading(page, module_fr.title)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert page.url.startswith(f"{live_server.url}/fr/")


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, small_tree):
    page.goto(small_tree["module"].url)

    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    # Hidden until focused, then on screen for sighted keyboard users.
    box = skip_link.bounding_box()
    assert box is not None and box["y"] >= 0

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    assert page.url.endswith("#main")

    # The next Tab continues inside the content, not back at the top of the page.
    page.keyboard.press("Tab")
    in_main = page.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert in_main


def test_quick_exit_is_reachable_and_usable_by_keyboard(page, live_server, small_tree):
    page.goto(small_tree["course"].url)

    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    expect(page.locator("[data-quick-exit]")).to_be_focused()

    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/healthz/live?neutral")


def overlap(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_answering_a_check_on_a_phone_keeps_question_and_feedback_clear_of_the_quick_exit(
    page, small_tree
):
    """The answer reloads the page at the check's anchor; the fixed quick-exit button must not
    cover the question or the feedback there."""
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(small_tree["module"].url)
    check = page.locator(".knowledge-check").first
    check.get_by_label("De pleger confronteren").click()
    check.get_by_role("button").click()
    page.wait_for_url("**check=*#check-*")
    feedback = check.locator(".feedback[role=status]")
    expect(feedback).to_be_visible()
    expect(check.get_by_label("De pleger confronteren")).to_be_checked()

    quick_exit = page.locator(".quick-exit").bounding_box()
    for part in (check.locator("h2"), check.locator("legend"), feedback):
        box = part.bounding_box()
        assert box["y"] >= 0, "scrolled out of view"
        assert not overlap(quick_exit, box), f"{part} is under the quick exit"
