"""Editors' side of the search: the report of what visitors search for, and who may see it."""

import csv
import io

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from elearning.accounts.roles import MODERATORS, TRAINERS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
REPORT = "site_search_report"


def signed_in(client, group_name):
    user = UserFactory(email=f"{group_name.lower()}@example.org")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


def report_rows(response):
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    return rows[0], rows[1:]


@pytest.fixture
def searched(counted_search, catalogue):
    for words in ["signalen", "signalen", "signalen", "zonnepanelen", "zonnepanelen", "babobox"]:
        counted_search(words)
    return catalogue


def test_editors_see_the_most_searched_words_first_with_those_that_found_nothing(client, searched):
    editor = signed_in(client, MODERATORS)
    page = editor.get(reverse(REPORT))
    assert page.status_code == 200
    headings, rows = report_rows(editor.get(reverse(REPORT), {"export": "csv"}))
    assert headings == ["Zoekwoorden", "Zoekopdrachten", "Zonder resultaten"]
    assert rows == [["signalen", "3", "0"], ["zonnepanelen", "2", "2"], ["babobox", "1", "0"]]
    _headings, unanswered = report_rows(
        editor.get(reverse(REPORT), {"export": "csv", "unanswered": "true"})
    )
    assert unanswered == [["zonnepanelen", "2", "2"]]


def test_the_report_offers_the_period_and_survives_odd_filters(client, searched):
    editor = signed_in(client, MODERATORS)
    for params in ({"period": "7"}, {"period": "x"}, {"unanswered": "maybe"}, {"q": "'--"}):
        assert editor.get(reverse(REPORT), params).status_code == 200


def test_trainers_and_learners_do_not_see_what_visitors_search_for(client, searched):
    trainer = signed_in(client, TRAINERS)
    response = trainer.get(reverse(REPORT))
    assert response.status_code in (302, 403)
    assert "zonnepanelen" not in response.content.decode()
    assert reverse(REPORT) not in trainer.get(reverse("wagtailadmin_home")).content.decode()
    client.logout()
    client.force_login(UserFactory(email="leerder@example.org"))
    assert client.get(reverse(REPORT)).status_code in (302, 403)


def test_editors_manage_promoted_results_and_trainers_do_not(client, catalogue):
    editor = signed_in(client, MODERATORS)
    assert editor.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert editor.get(reverse("wagtailsearchpromotions:add")).status_code == 200
    client.logout()
    trainer = signed_in(client, TRAINERS)
    assert trainer.get(reverse("wagtailsearchpromotions:add")).status_code in (302, 403)
