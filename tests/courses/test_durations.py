"""A module lasts at most twenty minutes; a course's duration is the sum of its live parts."""

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from courses.models import CoursePage, ModulePage
from tests.factories import ModulePageFactory, WebinarPageFactory, publish


@pytest.mark.django_db
@pytest.mark.parametrize("minutes", [0, 21, 90])
def test_a_module_outside_one_to_twenty_minutes_is_invalid(library_tree, minutes):
    module = library_tree["pages"]["module"]
    module.duration_minutes = minutes
    with pytest.raises(ValidationError) as error:
        module.full_clean()
    assert "duration_minutes" in error.value.message_dict


@pytest.mark.django_db
def test_the_database_refuses_a_module_over_twenty_minutes_too(library_tree):
    module = library_tree["pages"]["module"]
    with pytest.raises(IntegrityError), transaction.atomic():
        ModulePage.objects.filter(pk=module.pk).update(duration_minutes=25)


@pytest.mark.django_db
def test_course_duration_follows_publish_unpublish_and_delete(library_tree):
    course = library_tree["pages"]["course"]
    assert CoursePage.objects.get(pk=course.pk).total_duration_minutes == 25

    extra = publish(ModulePageFactory(parent=course, duration_minutes=20))
    publish(WebinarPageFactory(parent=course, duration_minutes=20))
    assert CoursePage.objects.get(pk=course.pk).total_duration_minutes == 65

    extra.unpublish()
    assert CoursePage.objects.get(pk=course.pk).total_duration_minutes == 45

    library_tree["pages"]["module2"].delete()
    assert CoursePage.objects.get(pk=course.pk).total_duration_minutes == 35


@pytest.mark.django_db
def test_a_draft_module_does_not_count_until_published(library_tree):
    course = library_tree["pages"]["course"]
    draft = ModulePageFactory(parent=course, duration_minutes=20, live=False)
    draft.save_revision()
    assert CoursePage.objects.get(pk=course.pk).total_duration_minutes == 25


@pytest.mark.django_db
def test_republishing_the_course_keeps_the_duration_right(library_tree):
    course = CoursePage.objects.get(pk=library_tree["pages"]["course"].pk)
    stale_revision = course.save_revision()
    publish(ModulePageFactory(parent=course, duration_minutes=5))
    stale_revision.publish()
    assert CoursePage.objects.get(pk=course.pk).total_duration_minutes == 30


@pytest.mark.django_db
def test_the_course_page_shows_its_total_study_time(client, library_tree):
    html = client.get(library_tree["pages"]["course"].url).content.decode()
    assert "25 minuten" in html or "25 minutes" in html
