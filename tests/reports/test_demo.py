"""`make run` seeds reports a visitor can try at once: statements in every language, a SPOC of
Gent who sees Gent's numbers only, and enough made-up learners for numbers to show."""

import pytest

from django.urls import reverse

from courses.models import CoursePage
from elearning.accounts.models import User
from elearning.demo.seeding import demo_seed

from .conftest import tables_of


@pytest.fixture
def seeded(db):
    demo_seed()


def test_statements_are_translated_with_the_same_ids(seeded):
    course = CoursePage.objects.filter(locale__language_code="nl").order_by("path").first()
    nl = [(block.id, block.value) for block in course.evaluation_questions]
    fr = CoursePage.objects.get(translation_key=course.translation_key, locale__language_code="fr")
    assert [block.id for block in fr.evaluation_questions] == [block_id for block_id, _text in nl]
    assert fr.evaluation_questions[0].value.startswith("Je peux")


def test_the_demo_spoc_sees_gent_and_the_rule(client, seeded):
    client.force_login(User.objects.get(email="spoc@example.org"))
    municipal = tables_of(client.get(reverse("reports_municipalities")))["Per gemeente en sector"]
    assert {row[0] for row in municipal[1:]} == {"Gent"}
    overview = tables_of(client.get(reverse("reports_learning")))["Opleidingen"]
    started = [row[1] for row in overview[1:]]
    assert "minder dan 5" in started and any(cell.isdigit() for cell in started)
