"""In Chromium, the learner's whole journey: start a course, continue it, complete it, get the
certificate, erase the account; the code still verifies the certificate, without the name, and
a verifier who knows the name can have it confirmed."""

import io
import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from django.core.cache import cache

from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    make_home,
    publish,
)

from .test_learning_journey import sign_up_and_verify

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "an.verstraete@example.org"
PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def reading_course(db):
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = publish(CoursePageFactory(parent=library, title="Ouderenmishandeling herkennen"))
    first = publish(ModulePageFactory(parent=course, title="Signalen bij ouderen"))
    second = publish(ModulePageFactory(parent=course, title="Het gesprek met de oudere"))
    cache.clear()
    return {"course": course, "modules": [first, second]}


def certificate_code(page):
    page.goto("/nl/account/learning/")
    download_link = page.locator("a[href$='.pdf']")
    for _attempt in range(30):  # made by a Celery task (a real worker on Redis)
        if download_link.count():
            break
        time.sleep(1)
        page.reload()
    with page.expect_download() as download:
        download_link.click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Ouderenmishandeling herkennen" in text
    assert "Signalen bij ouderen" in text and "Het gesprek met de oudere" in text
    return re.search(r"\b[A-HJ-NP-Z2-9]{12}\b", text).group(0)


def test_a_certificate_verifies_after_the_account_is_deleted(
    page, reading_course, celery_worker_real
):
    first, second = reading_course["modules"]
    sign_up_and_verify(page, EMAIL, PASSWORD)

    # Start: the course page leads to the first module, which opening completes.
    page.goto(reading_course["course"].url)
    page.get_by_role("link", name="Begin aan de opleiding").click()
    page.wait_for_url(f"**{first.url}")
    expect(page.locator(".progress-status--completed")).to_be_visible()

    # Continue: back on the course page, one of two is done and the button leads on.
    page.goto(reading_course["course"].url)
    expect(page.locator(".course-progress")).to_contain_text("1 van 2 modules voltooid")
    page.locator(".course-progress a.button--start").click()
    page.wait_for_url(f"**{second.url}")
    expect(page.locator(".progress-status--completed")).to_be_visible()

    # Complete: the course says so and offers the certificate.
    page.goto(reading_course["course"].url)
    expect(page.locator(".course-progress")).to_contain_text("Opleiding voltooid")
    code = certificate_code(page)

    # The delete page says what becomes of certificates, then the account goes.
    page.goto("/en/account/profile/delete/")
    expect(page.locator("main")).to_contain_text("Certificates you earned stay verifiable")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/account/deleted/")

    verifier = page.context.browser.new_context(base_url=page.url.split("/en/")[0])
    check = verifier.new_page()
    check.goto("/en/attest/")
    check.locator("input[name=code]").fill(code.lower())
    check.get_by_role("button", name="Check", exact=True).click()
    result = check.locator(".attest-check")
    expect(result).to_contain_text("This certificate is valid")
    expect(result).to_contain_text(
        "A valid certificate for the course “Ouderenmishandeling herkennen”"
    )
    expect(check.locator("main")).not_to_contain_text(EMAIL)
    assert Axe().run(check).violations_count == 0

    expect(check.get_by_role("heading", name="Check the holder's name")).to_be_visible()
    check.get_by_label("Full name of the holder").fill("Jan Janssens")
    check.get_by_role("button", name="Check the name").click()
    expect(check.locator("main")).to_contain_text("is not the name on this certificate")
    check.get_by_label("Full name of the holder").fill(EMAIL.upper())
    check.get_by_role("button", name="Check the name").click()
    expect(check.locator("main")).to_contain_text("is the name of the holder of this certificate")
    assert Axe().run(check).violations_count == 0
    verifier.close()
    assert not page.browser_log.page_errors
