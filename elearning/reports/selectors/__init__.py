"""The reports' numbers, counted in the database: each report runs a fixed number of queries
whatever the number of learners (grouped aggregates, never a loop over people). Rows are
bounded by content (courses, modules, municipalities, sectors, months), not by learners.
"""

from .common import DEFAULT_MONTHS, MONTH_CHOICES
from .courses import CourseChoices, course_report, courses_in_scope, courses_overview
from .evaluations import evaluations_export
from .municipalities import municipal_report

__all__ = [
    "DEFAULT_MONTHS",
    "MONTH_CHOICES",
    "CourseChoices",
    "course_report",
    "courses_in_scope",
    "courses_overview",
    "evaluations_export",
    "municipal_report",
]
