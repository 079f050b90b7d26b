"""The demo site at a phone's width (390x844) and a laptop's (1280x800): no page type scrolls
sideways, the header keeps to one row with the brand once on the laptop and to at most 15 % of
the phone's screen (menus folded behind "Menu"), and axe finds nothing on any of them."""

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from courses.models import (
    CoursePage,
    InformationPage,
    LibraryPage,
    ModulePage,
    PodcastEpisodePage,
    PodcastPage,
    ToolPage,
    WebinarPage,
)
from elearning.intervision.models import IntervisionSession
from tests.factories import UserFactory

from .test_accessibility import axe_report
from .test_demo_library import demo  # noqa: F401  (fixture: the seeded demo library)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
BRAND = "VIF-leerplatform"
PASSWORD = "correct-horse-battery"

HEADER = """() => {
    const header = document.querySelector('.site-header');
    const brand = Array.from(header.querySelectorAll('a, li, span, button'))
        .filter(el => el.offsetParent !== null && el.textContent.trim() === arguments_brand);
    return {
        height: header.getBoundingClientRect().height,
        brands: brand.length,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
}"""


def header_facts(page):
    return page.evaluate(HEADER.replace("arguments_brand", repr(BRAND)))


def first_url(model):
    return model.objects.live().filter(locale__language_code="nl").first().url


def anonymous_urls():
    session = IntervisionSession.objects.order_by("pk").first()
    return {
        "home": "/nl/",
        "library": first_url(LibraryPage),
        "course": first_url(CoursePage),
        "module": first_url(ModulePage),
        "webinar": first_url(WebinarPage),
        "tool": first_url(ToolPage),
        "podcast": first_url(PodcastPage),
        "episode": first_url(PodcastEpisodePage),
        "information page": first_url(InformationPage),
        "search": "/nl/search/?q=geweld",
        "intervision agenda": "/nl/intervision/",
        "intervision session": f"/nl/intervision/{session.pk}/",
        "sign in": "/nl/account/login/",
    }


SIGNED_IN_URLS = {"my learning": "/nl/account/learning/", "account": "/nl/account/profile/"}


def sign_in(page):
    learner = UserFactory(email="lies@example.org")
    EmailAddress.objects.create(user=learner, email=learner.email, verified=True, primary=True)
    page.goto("/nl/account/login/")
    page.get_by_label("E-mail").fill(learner.email)
    page.get_by_label("Wachtwoord", exact=False).first.fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/nl/account/profile/")


def problems_on(page, urls, within_header):
    """{name: [what is wrong]} for every page of `urls` at the page's viewport."""
    problems = {}
    for name, url in urls.items():
        response = page.goto(url)
        found = [] if response.ok else [f"HTTP {response.status}"]
        facts = header_facts(page)
        if facts["overflow"] > 0:
            found.append(f"scrolls sideways by {facts['overflow']} px")
        found += within_header(facts)
        report = axe_report(page)
        if report:
            found.append(report)
        if found:
            problems[f"{name} ({url})"] = found
    return problems


def laptop_header(facts):
    found = []
    if facts["height"] > 100:
        found.append(f"header {facts['height']} px tall: not one row")
    if facts["brands"] != 1:
        found.append(f"brand shown {facts['brands']} times")
    return found


def phone_header(facts):
    limit = 0.15 * PHONE["height"]
    return [f"header {facts['height']} px tall (limit {limit})"] if facts["height"] > limit else []


@pytest.mark.parametrize(
    ("viewport", "within_header"), [(LAPTOP, laptop_header), (PHONE, phone_header)]
)
def test_every_page_type_fits_the_screen(browser, live_server, demo, viewport, within_header):  # noqa: F811
    context = browser.new_context(base_url=live_server.url, viewport=viewport, locale="nl-BE")
    page = context.new_page()
    try:
        problems = problems_on(page, anonymous_urls(), within_header)
        sign_in(page)
        problems |= problems_on(page, SIGNED_IN_URLS, within_header)
    finally:
        context.close()
    for name, found in problems.items():
        print(f"\n===== {name} =====\n" + "\n".join(found))
    assert not problems, f"layout problems on {sorted(problems)} (printed above)"


def test_the_phone_menu_folds_and_unfolds(page, small_tree):
    page.set_viewport_size(PHONE)
    page.goto(small_tree["module"].url)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    toggle = page.get_by_role("button", name="Menu")
    expect(menu).to_be_hidden()
    expect(page.get_by_role("link", name="Snel weg")).to_be_visible()
    box = page.get_by_role("link", name="Snel weg").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    expect(page.get_by_role("link", name="Français", exact=False)).to_be_visible()
    # Escape closes it again and puts the focus back on the button.
    menu.get_by_role("link").first.focus()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()
    toggle.click()
    toggle.click()
    expect(menu).to_be_hidden()


def test_without_javascript_the_menus_show_on_a_phone(browser, live_server, small_tree):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(small_tree["module"].url)
        expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    finally:
        context.close()
