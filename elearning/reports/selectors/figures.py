"""Every count one person's reports can show, gathered at once and hidden together.

A page shows one slice (a course, a municipality or all of them, a period), but a reader can
open every slice and download each: the pieces add up. So each report first counts, for the
person's whole scope, every figure of every course, municipality ("all" included), sector,
month and intervision session, hands them and their relations to disclosure.py, and then
reads its slice. A count is shown in one place exactly when it is shown in every other.

How people are counted: every figure is a number of different people. Within one course a
person has one enrolment (one progress row per module, one evaluation per item, one sign-up
per session), so rows are people there. Across courses (the municipalities report) accounts
are counted once each (COUNT DISTINCT). Erased learners' rows keep no account: within a
course each such row is one person; across courses they are counted as the most rows of one
course (an erased person may have left rows in several courses, and nobody can tell), so the
figure is never more than the people behind it.

Each figure runs a fixed number of grouped queries whatever the number of learners; rows are
bounded by content (courses, modules, municipalities, sectors, months, sessions).

This module gathers the scope and its content and offers the figures to the reports; the
counting is done per subject: course_figures.py (courses, modules, evaluations),
people_figures.py (people across courses), attendance_figures.py (intervision), with the
pieces they share in counting.py.
"""

import datetime
from collections import defaultdict

from django.db.models import Min
from django.utils import timezone

from courses.models import ModulePage, WebinarPage
from elearning.core.models import Sector
from elearning.intervision.models import IntervisionSession, Meeting, SignUp
from elearning.learners.models import Enrolment

from ..disclosure import Disclosure
from ..tables import SUPPRESSED
from .attendance_figures import count_attendance
from .counting import ALL, as_date
from .course_figures import count_courses
from .people_figures import count_people

LONGEST = 24  # months: the longest period a report offers
SESSIONS_SHOWN = 100


def month_starts(months):
    """The first day of each of the last `months` months, oldest first (this month included)."""
    today = timezone.localdate()
    year, month = today.year, today.month
    firsts = []
    for _step in range(months):
        firsts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


class ReportFigures:
    """The counts of one person's scope, with the privacy rule applied to all of them."""

    def __init__(self, *, scope, courses, municipality_ids):
        self.scope = scope
        self.courses = courses  # {translation key: page}
        self.chosen = list(municipality_ids)  # what the person may pick in the filter
        # Where learners in sight can be: the municipalities one may pick, and "not given"
        # when the scope is not limited to municipalities.
        self.places = self.chosen + ([None] if scope.all_municipalities else [])
        self.sectors = list(Sector.objects.values_list("pk", flat=True)) + [None]
        self.months = month_starts(LONGEST)
        self.since = timezone.make_aware(datetime.datetime.combine(self.months[0], datetime.time()))
        self.launch = self._launch()
        self.disclosure = Disclosure()
        self.seconds = {}  # {(module key, place): seconds spent}
        self._load_content()
        erased_per_month = count_courses(self)
        count_people(self, erased_per_month)
        self.noted = count_attendance(self)

    # --- Reading ---------------------------------------------------------------------------

    def shown(self, *key):
        """The count, or SUPPRESSED."""
        return SUPPRESSED if self.disclosure.is_hidden(key) else self.disclosure.value(key)

    def value(self, *key):
        return self.disclosure.value(key)

    def is_shown(self, *key):
        return not self.disclosure.is_hidden(key)

    def place(self, municipality_id):
        return ALL if municipality_id is None else municipality_id

    def _launch(self):
        """The first month anyone started a course or met in intervision, on the whole
        platform: a reader may know that nobody did anything before it (two queries)."""
        firsts = [
            Enrolment.objects.aggregate(first=Min("started_at"))["first"],
            Meeting.objects.aggregate(first=Min("starts_at"))["first"],
        ]
        firsts = [as_date(first) for first in firsts if first is not None]
        return min(firsts).replace(day=1) if firsts else self.months[-1]

    def before_launch(self, first):
        """Whether the month starting on `first` came before anyone did anything here."""
        return first < self.launch

    # --- Content ---------------------------------------------------------------------------

    def _load_content(self):
        """The live modules and webinars of every course in sight, in the tree's order, and the
        intervision sessions of the period (three queries)."""
        by_path = {page.path: key for key, page in self.courses.items()}
        self.modules = defaultdict(list)
        self.webinars = defaultdict(list)
        depths = {page.depth + 1 for page in self.courses.values()}
        for model, found in ((ModulePage, self.modules), (WebinarPage, self.webinars)):
            pages = model.objects.live().filter(depth__in=depths).order_by("path")
            for page in pages if by_path else ():
                key = by_path.get(page.path[: -model.steplen])
                if key is not None:
                    found[key].append(page)
        self.course_sessions = defaultdict(list)
        for key, uid, title in IntervisionSession.objects.filter(
            course__translation_key__in=self.courses
        ).values_list("course__translation_key", "uid", "title"):
            self.course_sessions[key].append((uid, title))
        self.module_course = {
            module.translation_key: key for key, found in self.modules.items() for module in found
        }
        cutoff = timezone.now() - datetime.timedelta(days=31 * LONGEST)
        self.sessions = list(
            IntervisionSession.objects.annotate(first_start=Min("meetings__starts_at"))
            .filter(
                first_start__gte=cutoff,
                first_start__lte=timezone.now(),
                pk__in=SignUp.objects.filter(self.scope.signups()).values("session_id"),
            )
            .order_by("-first_start", "-pk")
            .values_list("pk", "title", "first_start")[:SESSIONS_SHOWN]
        )
