"""The page editor as a trainer meets it in Chromium: after a refused save, the header does
not say "Saved" (Wagtail's autosave indicator) to sighted users or to assistive technology."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile

from elearning.accounts.roles import TRAINERS
from tests.factories import ModulePageFactory, UserFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def trainer(db):
    user = UserFactory(email="trainer@example.org", password=PASSWORD)
    user.groups.add(Group.objects.get(name=TRAINERS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    return user


def admin_sign_in(page, email):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.locator("main")).to_be_visible()


def test_a_refused_save_is_not_announced_as_saved(page, small_tree, trainer):
    module = ModulePageFactory(parent=small_tree["course"], title="Verwaarlozing", owner=trainer)
    admin_sign_in(page, trainer.email)
    page.goto(f"/admin/pages/{module.pk}/edit/")
    indicator = page.locator("#w-autosave-indicator")
    title = page.locator("#id_title")

    # The indicator follows the form's autosave events (on the document); in the "saved"
    # state it says so, visibly and to assistive technology: this test can see "Opgeslagen".
    page.evaluate("document.dispatchEvent(new CustomEvent('w-autosave:success'))")
    expect(indicator.get_by_text("Opgeslagen")).to_be_visible()
    assert "Opgeslagen" in indicator.aria_snapshot()
    page.evaluate(
        "document.dispatchEvent(new CustomEvent('w-autosave:error', {detail: {text: 'x'}}))"
    )
    expect(indicator.get_by_text("Opgeslagen")).to_be_hidden()
    assert "Opgeslagen" not in indicator.aria_snapshot() + indicator.inner_text()

    title.fill("")
    page.get_by_role("button", name="Bewaar concept").click()

    expect(page.get_by_text("De pagina kon niet worden opgeslagen")).to_be_visible()
    header = page.locator("header").first
    assert "Opgeslagen" not in header.inner_text()
    assert "Opgeslagen" not in header.aria_snapshot()
    expect(indicator.get_by_text("Opgeslagen")).to_be_hidden()
