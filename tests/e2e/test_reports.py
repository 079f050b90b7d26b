"""Reports and evaluations in a browser, with a keyboard only: a SPOC reads a course's report
and downloads a table; a learner evaluates a module. axe checks what the feature adds."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from elearning.reports.models import Evaluation
from tests.factories import UserFactory
from tests.reports.conftest import courses, learners_add, municipality  # noqa: F401  (fixture)

from .test_accessibility import axe_report

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"  # UserFactory's
AXE = Axe()


def feature_violations(page):
    """axe's findings inside the report's own content (Wagtail's menu and header are Wagtail's)."""
    results = AXE.run(page, context={"include": [[".nice-padding"]]})
    return None if results.violations_count == 0 else results.generate_report()


def test_a_spoc_reads_a_course_report_and_downloads_it(page, courses):  # noqa: F811
    from elearning.reports.models import MunicipalCoordinator

    learners_add(
        courses.course, courses.modules, place="Eeklo", count=6, completed_modules=2, score=90
    )
    learners_add(courses.course, courses.modules, place="Gent", count=9, completed_modules=3)
    spoc = UserFactory(email="spoc@eeklo.be", password=PASSWORD)
    MunicipalCoordinator.objects.create(user=spoc, municipality=municipality("Eeklo"))
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(spoc.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.goto("/admin/reports/learning/")
    assert feature_violations(page) is None

    page.get_by_label("Opleiding", exact=True).focus()
    page.keyboard.press("ArrowDown")  # the first course by title: Kindermishandeling
    page.get_by_role("button", name="Tonen").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"course=\d+"))
    expect(page.get_by_role("heading", name="Voltooiingstrechter")).to_be_visible()
    expect(page.get_by_role("img", name="Voltooiingstrechter")).to_be_visible()
    funnel = page.locator("section", has=page.get_by_role("heading", name="Voltooiingstrechter"))
    expect(funnel.get_by_role("row", name=re.compile("Opleiding gestart"))).to_contain_text("6")
    assert "15" not in funnel.locator("table").inner_text()  # Gent's learners stay out
    assert feature_violations(page) is None
    with page.expect_download() as download:
        funnel.get_by_role("link", name=re.compile("als CSV")).click()
    assert re.fullmatch(
        r"course-\d+-funnel-\d{4}-\d\d-\d\d\.csv", download.value.suggested_filename
    )


def test_a_learner_evaluates_a_module_with_the_keyboard(page, courses):  # noqa: F811
    (learner,) = learners_add(
        courses.course, courses.modules, place="Gent", count=1, completed_modules=1
    )
    learner.set_password(PASSWORD)
    learner.save()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=learner, email=learner.email, verified=True, primary=True)
    page.goto("/nl/account/login/")
    page.get_by_label("E-mail").fill(learner.email)
    page.get_by_label("Wachtwoord", exact=False).first.fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    page.goto(courses.modules[0].url)
    page.get_by_role("link", name="Evalueer deze module").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Evalueer")
    assert axe_report(page) is None

    page.get_by_role("button", name="Mijn evaluatie versturen").focus()
    page.keyboard.press("Enter")  # nothing chosen: both statements explained
    expect(page.get_by_role("alert")).to_contain_text("Kies een score voor deze stelling.")
    assert axe_report(page) is None

    first = page.get_by_role("group", name="Ik kan dit gebruiken in mijn werk")
    first.get_by_role("radio").first.focus()
    page.keyboard.press("ArrowRight")  # 1 -> 2
    page.keyboard.press("ArrowRight")  # 2 -> 3
    second = page.get_by_role("group", name="De uitleg was duidelijk")
    second.get_by_role("radio").last.focus()
    page.keyboard.press("Space")
    page.get_by_label("Opmerking (niet verplicht)").fill("Helder.")
    page.get_by_role("button", name="Mijn evaluatie versturen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bedankt voor uw evaluatie.")).to_be_visible()
    evaluation = Evaluation.objects.get()
    assert sorted(evaluation.ratings.values_list("score", flat=True)) == [3, 5]
    assert evaluation.comment == "Helder."


def test_on_a_phone_a_wide_table_scrolls_from_the_keyboard(page, courses):  # noqa: F811
    learners_add(courses.course, courses.modules, place="Gent", count=9, completed_modules=3)
    admin = UserFactory(email="admin@gent.be", password=PASSWORD, is_superuser=True)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(admin.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.goto("/admin/reports/municipalities/")

    table = page.get_by_role("region", name="Per gemeente en sector")
    table.focus()
    assert table.evaluate("el => el.scrollWidth > el.clientWidth")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    # Arrow keys scroll smoothly: the table moves over a few frames, later on a loaded machine.
    page.wait_for_function("el => el.scrollLeft > 0", arg=table.element_handle())
    assert feature_violations(page) is None
