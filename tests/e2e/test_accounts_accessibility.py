"""axe-core finds no violations on the account pages: sign in, sign up, profile, delete."""

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from tests.factories import UserFactory

from .test_accessibility import axe_report

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_sign_in_sign_up_and_profile_pass_axe(page, small_tree):
    learner = UserFactory(email="an@example.org")
    EmailAddress.objects.create(user=learner, email=learner.email, verified=True, primary=True)
    failures = {}

    def check(name):
        report = axe_report(page)
        if report:
            failures[name] = report

    page.goto("/nl/account/signup/")
    check("signup")
    page.get_by_role("button", name="Registreren").click()  # empty: every field in error
    check("signup with errors")

    page.goto("/nl/account/login/")
    check("login")
    page.get_by_label("E-mail").fill(learner.email)
    page.get_by_label("Wachtwoord", exact=False).first.fill("correct-horse-battery")
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/nl/account/profile/")
    check("profile")

    page.get_by_role("button", name="Profiel bewaren").click()
    expect(page.get_by_role("status")).to_contain_text("Uw profiel is bewaard.")
    check("profile saved")

    page.get_by_role("link", name="Mijn account verwijderen").click()
    page.get_by_label("Huidig wachtwoord").fill("wrong-password")
    page.get_by_role("button", name="Mijn account definitief verwijderen").click()
    expect(page.locator("#id_password_errors")).to_be_visible()
    check("delete with a wrong password")

    for name, report in failures.items():
        print(f"\n===== axe: {name} =====\n{report}")
    assert not failures, f"axe violations on {sorted(failures)} (reports printed above)"
