"""Quick exit: one click or three presses of Shift leave for a neutral page, and Back does not
bring the visitor (or whoever picks up the device next) to the page that was left.

The test settings point QUICK_EXIT_URL at /healthz/live?neutral, a plain "ok" on the live server.
"""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EXIT_PATH = "/healthz/live?neutral"


def test_clicking_the_button_leaves_for_the_neutral_page(page, live_server, small_tree):
    page.goto(small_tree["module"].url)
    page.locator("[data-quick-exit]").click()

    expect(page).to_have_url(live_server.url + EXIT_PATH)
    assert page.locator("body").inner_text().strip() == "ok"


def test_pressing_shift_three_times_leaves_for_the_neutral_page(page, live_server, small_tree):
    page.goto(small_tree["module"].url)
    for _ in range(3):
        page.keyboard.press("Shift")

    expect(page).to_have_url(live_server.url + EXIT_PATH)


def test_shift_used_as_a_modifier_does_not_leave(page, live_server, small_tree):
    """Moving back with Shift+Tab, or typing capitals, is no request to leave."""
    module_url = live_server.url + small_tree["module"].url
    page.goto(module_url)
    for _ in range(4):
        page.keyboard.press("Tab")
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    page.locator("main").click(position={"x": 5, "y": 5})
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift+B")
    page.keyboard.press("Shift+C")
    # Give a (wrongly) scheduled exit the time to happen before looking.
    page.wait_for_timeout(300)

    assert page.url == module_url


def test_back_does_not_return_to_the_page_that_was_left(page, live_server, small_tree):
    home_url = live_server.url + small_tree["home"].url
    module_url = live_server.url + small_tree["module"].url
    page.goto(home_url)
    page.goto(module_url)

    page.locator("[data-quick-exit]").click()
    expect(page).to_have_url(live_server.url + EXIT_PATH)

    page.go_back()
    page.wait_for_load_state()
    assert page.url != module_url
    assert page.url == home_url


def test_back_after_quick_exit_does_not_land_on_the_site(page, live_server, small_tree):
    """As GOV.UK's "Exit this page": opened from elsewhere, the site leaves no entry in the tab's
    history, so Back returns to where the visitor came from, not to the site."""
    page.goto("about:blank")
    page.goto(live_server.url + small_tree["module"].url)

    page.locator("[data-quick-exit]").click()
    expect(page).to_have_url(live_server.url + EXIT_PATH)

    page.go_back()
    page.wait_for_load_state()
    assert not page.url.startswith(live_server.url)
