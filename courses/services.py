"""Rules about courses that must hold whatever edits the editors make."""

from django.db import transaction
from django.db.models import Sum

from wagtail.models import Page

from .models import CoursePage, ModulePage, WebinarPage


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
