"""Issue 20 in Chromium: Start, come back and Continue, the outline beside a module on a desktop
and folded above it on a phone, each part's state in words; axe finds nothing to fix."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.core.cache import cache

from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    UserFactory,
    knowledge_check_block,
    make_home,
    publish,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"
# The hidden ": title" after "Verdergaan" is its own box: browsers may put a space before it.
CONTINUE_FIRST = re.compile(r"^Verdergaan\s*: Signalen$")


@pytest.fixture
def outline_course(db):
    """Three modules: the first completes on a passed check, the others on reading."""
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = publish(CoursePageFactory(parent=library, title="Partnergeweld herkennen"))
    first = publish(
        ModulePageFactory(
            parent=course,
            title="Signalen",
            body=[knowledge_check_block("Wat doet u eerst?")],
            completion_rule="check_passed",
        )
    )
    second = publish(ModulePageFactory(parent=course, title="Het gesprek"))
    third = publish(ModulePageFactory(parent=course, title="Verdieping", required=False))
    cache.clear()
    return {"course": course, "modules": [first, second, third]}


@pytest.fixture
def learner_signed_in(page):
    from allauth.account.models import EmailAddress

    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    page.goto("/nl/account/login/")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    # Signed in: the header holds the sign-out form (folded behind a menu button or not).
    expect(page.locator(".account-nav form button[type=submit]")).to_have_count(1)
    return user


def no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def no_horizontal_overflow(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_start_continue_and_the_outline_on_a_desktop_and_a_phone(
    page, outline_course, learner_signed_in
):
    course, (first, second, third) = outline_course["course"], outline_course["modules"]

    # Nothing started: Start leads to the first module.
    page.goto(course.url)
    expect(page.get_by_text("0 van 2 modules voltooid (0%)")).to_be_visible()
    no_axe_violations(page)
    page.get_by_role("link", name="Begin aan de opleiding").click()
    page.wait_for_url(f"**{first.url}")

    # Back on the course page the first module is under way: Continue leads back to it.
    page.goto(course.url)
    expect(page.locator(".part").first).to_contain_text("Bezig")
    continue_link = page.get_by_role("link", name=CONTINUE_FIRST)
    expect(continue_link).to_be_visible()
    continue_link.click()
    page.wait_for_url(f"**{first.url}")

    # The second module only asks to be read; opening it completes it.
    page.get_by_role("link", name="Volgende: Het gesprek").click()
    page.wait_for_url(f"**{second.url}")

    # Desktop: the outline stands beside the text, with each part's state in words.
    outline = page.get_by_role("navigation", name="Inhoud van de opleiding")
    expect(outline).to_be_visible()
    items = outline.locator("li")
    expect(items.nth(0)).to_contain_text("Bezig")
    expect(items.nth(1)).to_contain_text("Voltooid")
    expect(items.nth(2)).to_contain_text("Niet gestart")
    expect(items.nth(2)).to_contain_text("optioneel")
    expect(outline.locator('[aria-current="page"]')).to_have_text("Het gesprek")
    expect(page.locator("details.outline-fold")).to_be_hidden()
    text_box = page.locator("h1").bounding_box()
    outline_box = outline.bounding_box()
    assert outline_box["x"] >= text_box["x"] + text_box["width"]  # to the right of the text
    assert outline_box["y"] < text_box["y"] + 200  # level with it, not below the content
    no_horizontal_overflow(page)
    no_axe_violations(page)

    # Phone: the outline is folded above the content and opens on demand.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    fold = page.locator("details.outline-fold")
    expect(fold).to_be_visible()
    assert not fold.evaluate("details => details.open")
    expect(fold.locator("summary")).to_have_text("Inhoud van de opleiding (1 van 2 voltooid)")
    expect(page.locator("nav.outline-aside")).to_be_hidden()
    expect(fold.locator("li").first).to_be_hidden()
    fold.locator("summary").click()
    expect(fold.locator("li").nth(1)).to_contain_text("Voltooid")
    no_horizontal_overflow(page)
    no_axe_violations(page)

    # Back on the course page: Continue leads to the module under way, not the one done.
    page.goto(course.url)
    expect(page.get_by_text("1 van 2 modules voltooid (50%)")).to_be_visible()
    page.get_by_role("link", name=CONTINUE_FIRST).click()
    page.wait_for_url(f"**{first.url}")
    assert third.url not in page.url
    assert not page.browser_log.page_errors
    assert not page.browser_log.failures
