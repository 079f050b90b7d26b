"""Rules about courses that must hold whatever edits the editors make."""

from django.db import transaction
from django.db.models import Q, Sum

from wagtail.models import Page

from .models import CoursePackage, CoursePage, ModulePage, WebinarPage


@transaction.atomic
def course_duration_refresh(*, course_id):
    """Store a course's total study time: the sum of its live modules and webinars.

    Kept as a column (not computed per view) so listings and filters by duration cost no extra
    query. Written with an UPDATE so no revision is created and the editor's draft is untouched.
    """
    course = CoursePage.objects.filter(pk=course_id).only("path", "depth").first()
    if course is None:
        return 0
    total = 0
    for model in (ModulePage, WebinarPage):
        children = model.objects.child_of(course).live()
        total += children.aggregate(total=Sum("duration_minutes"))["total"] or 0
    CoursePage.objects.filter(pk=course_id).update(total_duration_minutes=total)
    return total


def course_duration_refresh_around(*, page_path):
    """Refresh the course at page_path or directly above it (after a page was changed there)."""
    candidate_paths = {page_path, page_path[: -Page.steplen]}
    for course_id in CoursePage.objects.filter(path__in=candidate_paths).values_list(
        "pk", flat=True
    ):
        course_duration_refresh(course_id=course_id)


def package_version_settle(*, page_path):
    """Record an imported version as the one visitors see once its drafts are all published.

    An import waiting for moderation leaves the course's pages with drafts; when a page of
    that course is published and none of its pages (in any language) has a draft left, its
    pending version becomes the installed one.
    """
    for package in CoursePackage.objects.filter(version_pending__isnull=False):
        paths = list(
            Page.objects.filter(translation_key=package.key).values_list("path", flat=True)
        )
        if not any(page_path.startswith(path) for path in paths):
            continue
        within = Q()
        for path in paths:
            within |= Q(path__startswith=path)
        if not Page.objects.filter(within, has_unpublished_changes=True).exists():
            CoursePackage.objects.filter(
                pk=package.pk, version_pending=package.version_pending
            ).update(version=package.version_pending, version_pending=None)
