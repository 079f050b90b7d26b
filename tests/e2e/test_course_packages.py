"""Course packages in the admin, as an editor uses them with a keyboard: export a course and
follow its progress until the download appears, then refuse a broken upload with a message
that is announced. axe checks what this feature adds to the admin."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from courses.models import JobStatus, PackageExport
from elearning.accounts.roles import MODERATORS
from tests.courses.packaging.conftest import audio_bytes, course_full  # noqa: F401  (fixtures)
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"  # UserFactory's
AXE = Axe()


def feature_violations(page):
    """axe's findings inside the page's own content (Wagtail's menu and header are Wagtail's)."""
    results = AXE.run(page, context={"include": [[".nice-padding"]]})
    return None if results.violations_count == 0 else results.generate_report()


@pytest.fixture
def editor(page, course_full, celery_worker_real):  # noqa: F811
    moderator = UserFactory(email="redactie@example.org", password=PASSWORD)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(moderator.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("link", name="Opleidingspakketten")).to_be_visible()
    return page


def test_an_editor_exports_a_course_with_the_keyboard(editor, course_full):  # noqa: F811
    editor.goto("/admin/course-packages/")
    assert feature_violations(editor) is None

    export = editor.get_by_role("button", name=re.compile(f"^Exporteren.*{course_full.title}"))
    export.focus()
    editor.keyboard.press("Enter")

    expect(editor.get_by_role("link", name=re.compile("^Download"))).to_be_visible(timeout=60_000)
    assert PackageExport.objects.get().status == JobStatus.READY
    assert feature_violations(editor) is None
    with editor.expect_download() as download:
        editor.get_by_role("link", name=re.compile("^Download")).click()
    assert download.value.suggested_filename.endswith("-v1.zip")


def test_a_broken_upload_is_refused_with_an_announced_message(editor, tmp_path):
    broken = tmp_path / "cursus.zip"
    broken.write_bytes(b"%PDF-1.4 geen pakket")
    editor.goto("/admin/course-packages/import/")
    editor.get_by_label("Opleidingspakket (.zip)").set_input_files(str(broken))
    editor.get_by_role("button", name="Het pakket controleren").focus()
    editor.keyboard.press("Enter")

    alert = editor.get_by_role("alert")
    expect(alert).to_contain_text("geen ziparchief")
    expect(editor.get_by_label("Opleidingspakket (.zip)")).to_have_attribute("aria-invalid", "true")
    assert feature_violations(editor) is None


def test_on_a_phone_the_course_list_scrolls_sideways_from_the_keyboard(editor):
    editor.set_viewport_size({"width": 390, "height": 800})
    editor.goto("/admin/course-packages/")

    courses = editor.get_by_role("region", name="Opleidingen van deze site")
    courses.focus()
    assert courses.evaluate("el => el.scrollWidth > el.clientWidth")
    for _ in range(5):
        editor.keyboard.press("ArrowRight")
    # Arrow keys scroll smoothly: the list moves over a few frames, later on a loaded machine.
    editor.wait_for_function("el => el.scrollLeft > 0", arg=courses.element_handle())
    assert feature_violations(editor) is None
