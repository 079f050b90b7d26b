"""Who edits files in the media tests: members of the admin's groups, reading English."""

from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from tests.factories import UserFactory


def member_of(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def browser(user):
    """A client signed in as `user`, with the admin in English."""
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def in_english(message):
    with translation.override("en"):
        return str(message)
