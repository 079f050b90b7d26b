"""Editors translate a page with wagtail-localize; the translation is served under its language."""

import pytest

from django.urls import reverse

from wagtail.models import Locale

from courses.models import CoursePage
from tests.factories import CoursePageFactory, UserFactory, publish


@pytest.mark.django_db
def test_an_editor_translates_a_new_course_into_french(client, library_tree):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    course = publish(
        CoursePageFactory(parent=library_tree["pages"]["library"], title="Ouderenmishandeling")
    )
    french = Locale.objects.get(language_code="fr")

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
        {"locales": [french.pk]},
    )

    assert response.status_code == 302
    translation = CoursePage.objects.get(translation_key=course.translation_key, locale=french)
    assert translation.url.startswith("/fr/")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    assert edit.status_code == 200


@pytest.mark.django_db
def test_the_language_switcher_leads_to_the_translation_or_says_there_is_none(
    client, library_tree, django_capture_on_commit_callbacks
):
    module = library_tree["pages"]["module"]
    module_fr = library_tree["translations"][("module", "fr")]
    html = client.get(module.url).content.decode()
    assert f'href="{module_fr.url}" lang="fr"' in html

    with django_capture_on_commit_callbacks(execute=True):
        library_tree["translations"][("module", "en")].delete()
    html = client.get(module.url).content.decode()
    # The home page, saying so: never a silent landing (tests/courses/test_content_language.py).
    assert 'href="/en/" lang="en" hreflang="en">' in html
    assert 'English</span> <span class="language-switcher__note">' in html
