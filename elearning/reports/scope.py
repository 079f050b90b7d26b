"""Who sees which numbers. Every report view and export starts here.

- editors and administrators (reports.view_all_reports, superusers): everything;
- trainers (reports.view_course_reports): the learners of the courses that list them as trainer
  or that they own, and the sessions they facilitate or that belong to those courses;
- SPOCs (reports.view_municipal_reports + a MunicipalCoordinator row): the learners of the
  municipalities they coordinate, in every course.

A person can be more than one of these; they then see the union. The narrowing is applied in
the database (one Q per table), so a tampered URL can only narrow it further.
"""

from dataclasses import dataclass

from django.db.models import Q

from courses.models import CoursePage
from elearning.intervision.models import IntervisionSession

from .models import EvaluatedKind, MunicipalCoordinator


@dataclass(frozen=True)
class ReportScope:
    everything: bool = False
    course_keys: frozenset = frozenset()
    session_ids: frozenset = frozenset()
    municipality_ids: frozenset = frozenset()

    @property
    def is_empty(self):
        return not (
            self.everything or self.course_keys or self.session_ids or self.municipality_ids
        )

    @property
    def all_municipalities(self):
        """Whether any municipality may be chosen (a trainer sees their courses everywhere)."""
        return self.everything or bool(self.course_keys or self.session_ids)

    def learners(self, prefix=""):
        """Enrolment-shaped rows in sight (`prefix` reaches them from another table)."""
        if self.everything:
            return Q()
        return Q(**{f"{prefix}course_key__in": self.course_keys}) | Q(
            **{f"{prefix}municipality_id__in": self.municipality_ids}
        )

    def signups(self):
        if self.everything:
            return Q()
        return Q(session_id__in=self.session_ids) | Q(municipality_id__in=self.municipality_ids)

    def evaluations(self):
        if self.everything:
            return Q()
        sessions = IntervisionSession.objects.filter(pk__in=self.session_ids).values("uid")
        return (
            Q(course_key__in=self.course_keys)
            | Q(kind=EvaluatedKind.SESSION, item_key__in=sessions)
            | Q(municipality_id__in=self.municipality_ids)
        )

    def courses(self):
        """The courses whose numbers this person may open (a SPOC: every course, narrowed to
        their municipality's learners)."""
        if self.everything or self.municipality_ids:
            return Q()
        return Q(translation_key__in=self.course_keys)


def scope_for(user):
    """The ReportScope of a signed-in person (empty when they may see no report)."""
    if not user.is_active:
        return ReportScope()
    if user.is_superuser or user.has_perm("reports.view_all_reports"):
        return ReportScope(everything=True)
    course_keys, session_ids, municipality_ids = frozenset(), frozenset(), frozenset()
    if user.has_perm("reports.view_course_reports"):
        course_keys = frozenset(
            CoursePage.objects.filter(Q(owner=user) | Q(trainers__user=user)).values_list(
                "translation_key", flat=True
            )
        )
        session_ids = frozenset(
            IntervisionSession.objects.filter(
                Q(facilitator=user) | Q(course__translation_key__in=course_keys)
            ).values_list("pk", flat=True)
        )
    if user.has_perm("reports.view_municipal_reports"):
        municipality_ids = frozenset(
            MunicipalCoordinator.objects.filter(user=user).values_list("municipality_id", flat=True)
        )
    return ReportScope(
        course_keys=course_keys, session_ids=session_ids, municipality_ids=municipality_ids
    )
