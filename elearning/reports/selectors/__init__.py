"""The reports' numbers, counted in the database: each report runs a fixed number of queries
whatever the number of learners (grouped aggregates, never a loop over people). Rows are
bounded by content (courses, modules, municipalities, sectors, months), not by learners.
figures.py (with course_figures.py, people_figures.py and attendance_figures.py) counts
everything one person may see at once and applies the privacy rule to it as a whole; the
reports read their slice.
"""

from .common import DEFAULT_MONTHS, MONTH_CHOICES
from .courses import CourseChoices, course_report, courses_in_scope, courses_overview
from .evaluations import evaluations_export
from .figures import ReportFigures
from .municipalities import municipal_report

__all__ = [
    "DEFAULT_MONTHS",
    "MONTH_CHOICES",
    "CourseChoices",
    "ReportFigures",
    "course_report",
    "courses_in_scope",
    "courses_overview",
    "evaluations_export",
    "municipal_report",
]
