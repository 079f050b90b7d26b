"""A learner's reflection notes are theirs alone: no trainer, editor or administrator sees them,
in the Wagtail admin, the Django admin, the reports or the reports' exports."""

import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from django.contrib import admin
from django.urls import reverse

from wagtail.snippets.models import get_snippet_models

from elearning.learners.models import ReflectionNote
from tests.factories import EnrolmentFactory, ModuleProgressFactory, UserFactory

SECRET = "Mijn twijfel over de melding bij Jan"

LEARNING = reverse("reports_learning")
MUNICIPAL = reverse("reports_municipalities")


@pytest.fixture
def noted(courses, people):
    """The Gent learner started the course, finished a module and wrote a note on it."""
    module = courses.modules[0]
    enrolment = EnrolmentFactory(user=people.learner, course_key=courses.course.translation_key)
    ModuleProgressFactory(
        enrolment=enrolment, module_key=module.translation_key, completed=True, seconds_spent=900
    )
    ReflectionNote.objects.create(
        user=people.learner, module_key=module.translation_key, block_id="b1", text=SECRET
    )
    return module


def _reports_with_exports(client, courses):
    """Every report page a person can open, and every CSV and XLSX export linked from them."""
    pages = [f"{LEARNING}?", f"{LEARNING}?course={courses.course.pk}", f"{MUNICIPAL}?"]
    found = []
    for url in pages:
        response = client.get(url)
        found.append((url, response))
        if response.status_code != 200:
            continue
        for link in BeautifulSoup(response.content, "html.parser").select("a[href*='export=']"):
            found.append((link["href"], client.get(link["href"])))
    return found


def _text(response):
    if response.get("Content-Type", "").startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    ):
        sheet = load_workbook(io.BytesIO(response.content)).active
        return " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row)
    return response.content.decode("utf-8-sig")


def _admin_pages(people, module):
    return [
        "/admin/",
        f"/admin/pages/{module.pk}/edit/",
        "/admin/pages/search/?q=twijfel",  # a word of the note, not the note itself
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:edit", args=[people.learner.pk]),
        reverse("admin:index"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["trainer", "editor", "superuser"])
def test_no_role_sees_a_learners_note(client, courses, people, noted, role):
    person = (
        UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
        if role == "superuser"
        else getattr(people, role)
    )
    client.force_login(person)
    seen = _reports_with_exports(client, courses)
    admin_pages = [(url, client.get(url, follow=True)) for url in _admin_pages(people, noted)]
    if role == "superuser":  # opens everything: the test reads the pages, not refusals
        assert all(response.status_code == 200 for _url, response in admin_pages)
        assert len(seen) > 3  # the reports and their exports
    seen += admin_pages
    for url, response in seen:
        assert response.status_code in (200, 302, 403, 404), url
        assert SECRET not in _text(response), url
    # The module page as they see it holds their own (empty) note field, not the learner's.
    assert SECRET not in client.get(noted.url).content.decode()


@pytest.mark.django_db
def test_the_notes_have_no_admin_screen(admin_client):
    assert ReflectionNote not in get_snippet_models()
    assert not admin.site.is_registered(ReflectionNote)
    index = reverse("admin:index")
    response = admin_client.get(f"{index}learners/reflectionnote/", follow=True)
    assert response.status_code == 404
    assert "reflecti" not in admin_client.get(index).content.decode().casefold()
