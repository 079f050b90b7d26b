"""The recordings admin (wagtailmedia) speaks the trainer's language, not English.

wagtailmedia ships no Dutch catalogue and its French one lacks the dashboard summary; our
catalogue fills both (elearning/core/upstream_strings.py).
"""

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.users.models import UserProfile

from elearning.accounts.roles import TRAINERS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def trainer_reading(language):
    """A client signed in as a trainer whose admin language (their preferences) is `language`."""
    trainer = UserFactory()
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(trainer)
    return client


def page(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    return response.content.decode()


def test_a_dutch_trainer_sees_the_media_library_in_dutch():
    html = page(trainer_reading("nl"), "wagtailmedia:index")

    assert "Audio toevoegen" in html
    assert "Video toevoegen" in html
    assert "U hebt nog geen mediabestanden opgeladen." in html
    for english in ("Add audio", "Add video", "haven't uploaded", "Search media"):
        assert english not in html


def test_a_dutch_trainer_sees_the_dashboard_count_of_media_files_in_dutch():
    html = page(trainer_reading("nl"), "wagtailadmin_home")

    assert "<span>0</span> Mediabestanden" in html
    assert "aangemaakt in" in html
    assert "Media files" not in html


def test_a_french_trainer_sees_the_dashboard_count_of_media_files_in_french():
    html = page(trainer_reading("fr"), "wagtailadmin_home")

    assert "<span>0</span> Média " in html
    assert "créé dans" in html
    assert "Media files" not in html
