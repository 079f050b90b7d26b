"""The session form lists the theme and the modules to complete first in the session's language
first; the others follow, each labelled with its language."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale

from elearning.accounts.roles import MODERATORS, TRAINERS
from tests.factories import ThemeFactory, UserFactory

from .conftest import session_make

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["trainer", "moderator", "superuser"])
def admin_user(request):
    if request.param == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    user = UserFactory()
    user.groups.add(
        Group.objects.get(name={"trainer": TRAINERS, "moderator": MODERATORS}[request.param])
    )
    return user


def offered(response, field):
    return [str(label) for _value, label in response.context["form"].fields[field].choices]


def test_a_french_session_lists_french_modules_first_and_labels_the_others(
    library_tree, admin_user, client
):
    client.force_login(admin_user)
    session = session_make(facilitator=admin_user, language="fr")

    response = client.get(reverse("intervision_sessions:edit", args=(session.pk,)))

    modules = offered(response, "prerequisite_modules")
    assert modules[:2] == ["Signalen (fr)", "Het gesprek (fr)"]
    assert "Signalen (Nederlands)" in modules
    assert "Signalen (en) (English)" in modules
    assert all(label.endswith(("(Nederlands)", "(English)")) for label in modules[2:])


def test_a_new_session_lists_dutch_themes_first(library_tree, admin_user, client):
    client.force_login(admin_user)
    ThemeFactory(
        name="Maltraitance", slug="maltraitance", locale=Locale.objects.get(language_code="fr")
    )

    response = client.get(reverse("intervision_sessions:add"))

    themes = [label for label in offered(response, "theme") if label and not label.startswith("-")]
    assert themes == ["Kindermishandeling", "Maltraitance (Français)"]
