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
"""

import datetime
from collections import defaultdict

from django.db.models import Count, DateTimeField, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from courses.models import ModulePage, WebinarPage
from elearning.core.models import Sector
from elearning.intervision.models import Attendance, IntervisionSession, Meeting, SignUp
from elearning.learners.models import Enrolment, ModuleProgress, ProgressStatus

from ..disclosure import Disclosure
from ..models import EvaluatedKind, Evaluation
from ..tables import SUPPRESSED

ALL = "all"  # the figure over every municipality in sight
LONGEST = 24  # months: the longest period a report offers
SESSIONS_SHOWN = 100
MODULE_MEASURES = ("started", "completed", "checked", "passed")
CAME = (Attendance.ATTENDED, Attendance.PARTLY)


def month_starts(months):
    """The first day of each of the last `months` months, oldest first (this month included)."""
    today = timezone.localdate()
    year, month = today.year, today.month
    firsts = []
    for _step in range(months):
        firsts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


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
        self._count_courses()
        self._count_people()
        self._count_attendance()

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
        firsts = [_as_date(first) for first in firsts if first is not None]
        return min(firsts).replace(day=1) if firsts else self.months[-1]

    def _before_launch(self, first):
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

    # --- Courses ---------------------------------------------------------------------------

    def _count_courses(self):
        in_sight = Enrolment.objects.filter(self.scope.learners(), course_key__in=self.courses)
        totals = _grouped(
            in_sight,
            ("course_key", "municipality_id"),
            started=Count("id"),
            completed=Count("id", filter=Q(completed_at__isnull=False)),
        )
        per_month = {
            field: _grouped(
                in_sight.filter(**{f"{field}_at__gte": self.since}).annotate(
                    month=TruncMonth(f"{field}_at")
                ),
                ("course_key", "municipality_id", "month"),
                number=Count("id"),
                erased=Count("id", filter=Q(user__isnull=True)),
            )
            for field in ("started", "completed")
        }
        self.erased_per_month = per_month
        modules = self._module_rows()
        evaluations = _grouped(
            Evaluation.objects.filter(self.scope.evaluations(), course_key__in=self.courses),
            ("kind", "item_key", "municipality_id"),
            number=Count("id"),
        )
        for course_key in self.courses:
            for field in ("started", "completed"):
                self._per_place(
                    (field, course_key),
                    lambda p, f=field, c=course_key: totals.get((c, p), {}).get(f, 0),
                )
                for first in self.months:
                    self._per_place(
                        (f"{field}_in", course_key, first),
                        lambda p, f=field, c=course_key, m=first: (
                            per_month[f].get((c, p, m), {}).get("number", 0)
                        ),
                    )
                for where in [*self.places, ALL]:
                    self.disclosure.equal(
                        (field, course_key, where),
                        [(f"{field}_in", course_key, first, where) for first in self.months],
                        known=self.disclosure.value((field, course_key, where))
                        - sum(
                            self.disclosure.value((f"{field}_in", course_key, first, where))
                            for first in self.months
                        ),
                    )
            self._count_modules(course_key, modules)
            self._tie_modules_to_course(course_key)
            self._count_evaluations(course_key, evaluations)

    def _module_rows(self):
        passed = Q(pk__in=[])
        for found in self.modules.values():
            for module in found:
                passed |= Q(
                    module_key=module.translation_key,
                    best_score_percent__gte=module.min_score_percent,
                )
        rows = ModuleProgress.objects.filter(
            self.scope.learners("enrolment__"),
            enrolment__course_key__in=self.courses,
            module_key__in=self.module_course,
        )
        return _grouped(
            rows,
            ("module_key", "enrolment__municipality_id"),
            started=Count("id"),
            completed=Count("id", filter=Q(status=ProgressStatus.COMPLETED)),
            checked=Count("id", filter=Q(best_score_percent__isnull=False)),
            passed=Count("id", filter=passed),
            seconds=Sum("seconds_spent"),
        )

    def _count_modules(self, course_key, rows):
        for module in self.modules[course_key]:
            key = module.translation_key
            for measure in MODULE_MEASURES:
                self._per_place(
                    ("module", key, measure),
                    lambda p, m=measure, k=key: rows.get((k, p), {}).get(m, 0),
                )
            for where in [*self.places, ALL]:
                part = [rows.get((key, p), {}) for p in (self.places if where == ALL else [where])]
                self.seconds[(key, where)] = sum(row.get("seconds") or 0 for row in part)
                m = ("module", key)
                self.disclosure.at_most((*m, "started", where), [("started", course_key, where)])
                self.disclosure.at_most((*m, "completed", where), [(*m, "started", where)])
                self.disclosure.at_most((*m, "checked", where), [(*m, "started", where)])
                self.disclosure.at_most((*m, "passed", where), [(*m, "checked", where)])

    def _tie_modules_to_course(self, course_key):
        """Every learner of a course has progress in one of its modules (the enrolment is made
        on the first activity), and completing the course takes completing each module."""
        keys = [module.translation_key for module in self.modules[course_key]]
        if not keys:
            return
        for where in [*self.places, ALL]:
            started = [("module", key, "started", where) for key in keys]
            self.disclosure.at_most(("started", course_key, where), started)
            for key in keys:
                self.disclosure.at_most(
                    ("completed", course_key, where), [("module", key, "completed", where)]
                )

    def _count_evaluations(self, course_key, rows):
        items = [(EvaluatedKind.MODULE, m.translation_key) for m in self.modules[course_key]]
        items += [(EvaluatedKind.WEBINAR, w.translation_key) for w in self.webinars[course_key]]
        items += [(EvaluatedKind.SESSION, uid) for uid, _title in self.course_sessions[course_key]]
        for kind, item in items:
            self._per_place(
                ("evaluations", kind, item),
                lambda p, k=kind, i=item: rows.get((k, i, p), {}).get("number", 0),
            )
            if kind == EvaluatedKind.MODULE:
                for where in [*self.places, ALL]:
                    self.disclosure.at_most(
                        ("evaluations", kind, item, where), [("module", item, "completed", where)]
                    )

    def _per_place(self, key, value_of, *, known=False):
        """One count per place (the municipalities in sight and "not given") and their sum;
        "not given" is shown by no filter, but taken as known (a reader may know that nobody
        is without a municipality)."""
        parts = []
        for where in self.places:
            self.disclosure.count(
                (*key, where),
                value_of(where),
                published=where is not None,
                known=known or where is None,
            )
            parts.append((*key, where))
        total = sum(self.disclosure.value(part) for part in parts)
        self.disclosure.count((*key, ALL), total, known=known)
        self.disclosure.equal((*key, ALL), parts)

    # --- People across courses (municipalities report) ------------------------------------

    def _count_people(self):
        in_sight = Enrolment.objects.filter(self.scope.learners())
        accounts = _grouped(
            in_sight.filter(user__isnull=False),
            ("municipality_id", "sector_id"),
            learners=Count("user", distinct=True),
            completers=Count("user", distinct=True, filter=Q(completed_at__isnull=False)),
        )
        erased = _grouped(
            in_sight.filter(user__isnull=True),
            ("municipality_id", "sector_id", "course_key"),
            learners=Count("id"),
            completers=Count("id", filter=Q(completed_at__isnull=False)),
        )
        for measure, per_course in (("learners", "started"), ("completers", "completed")):
            most = _most_per_group(erased, measure)
            for where in self.places:
                cells = []
                for sector in self.sectors:
                    group = (where, sector)
                    value = accounts.get(group, {}).get(measure, 0) + most.get(group, 0)
                    self.disclosure.count((measure, where, sector), value)
                    cells.append((measure, where, sector))
                everyone = (measure, where)
                self.disclosure.count(
                    everyone, sum(self.disclosure.value(c) for c in cells), published=False
                )
                self.disclosure.equal(everyone, cells)
                per_course_cells = [(per_course, c, where) for c in self.courses]
                for cell in per_course_cells:
                    self.disclosure.at_most(cell, [everyone])
                self.disclosure.at_most(everyone, per_course_cells)
            self._count_people_per_month(in_sight, measure, per_course)
        for where in self.places:
            for sector in self.sectors:
                self.disclosure.at_most(
                    ("completers", where, sector), [("learners", where, sector)]
                )
            self.disclosure.at_most(("completers", where), [("learners", where)])

    def _count_people_per_month(self, in_sight, measure, per_course):
        field = f"{per_course}_at"
        rows = in_sight.filter(user__isnull=False, **{f"{field}__gte": self.since}).annotate(
            month=TruncMonth(field)
        )
        by_place = _grouped(rows, ("municipality_id", "month"), number=Count("user", distinct=True))
        overall = _grouped(rows, ("month",), number=Count("user", distinct=True))
        erased = self.erased_per_month[per_course]
        for first in self.months:
            key = (f"people_{per_course}", first)
            parts = []
            for where in self.places:
                most = max(
                    (erased.get((c, where, first), {}).get("erased", 0) for c in self.courses),
                    default=0,
                )
                value = by_place.get((where, first), {}).get("number", 0) + most
                self.disclosure.count(
                    (*key, where),
                    value,
                    published=where is not None,
                    known=where is None or self._before_launch(first),
                )
                parts.append((*key, where))
            most = max(
                (
                    sum(erased.get((c, p, first), {}).get("erased", 0) for p in self.places)
                    for c in self.courses
                ),
                default=0,
            )
            self.disclosure.count(
                (*key, ALL),
                overall.get((first,), {}).get("number", 0) + most,
                known=self._before_launch(first),
            )
            for where in [*self.places, ALL]:
                cells = [(f"{per_course}_in", c, first, where) for c in self.courses]
                for cell in cells:
                    self.disclosure.at_most(cell, [(*key, where)])
                self.disclosure.at_most((*key, where), cells)
                if where != ALL:
                    self.disclosure.at_most((*key, where), [(*key, ALL)])
            self._everyone_once(key, parts)

    def _everyone_once(self, key, parts):
        """People of "all municipalities" are at most those of each municipality together
        (someone who moved counts in both); when nobody did, exactly: a reader may assume so."""
        self.disclosure.at_most((*key, ALL), parts)
        self.disclosure.equal((*key, ALL), parts)

    # --- Intervision attendance -----------------------------------------------------------

    def _count_attendance(self):
        signups = SignUp.objects.filter(self.scope.signups())
        noted = {
            "attended": Q(attendance__in=CAME),
            "no_show": Q(attendance=Attendance.NO_SHOW),
            "noted": ~Q(attendance=""),
        }
        accounts = _grouped(
            signups.filter(user__isnull=False),
            ("municipality_id", "sector_id"),
            **{name: Count("user", distinct=True, filter=q) for name, q in noted.items()},
        )
        erased = _grouped(
            signups.filter(user__isnull=True),
            ("municipality_id", "sector_id", "session_id"),
            **{name: Count("id", filter=q) for name, q in noted.items()},
        )
        session_ids = [pk for pk, *_rest in self.sessions]
        per_session = _grouped(
            signups.filter(session_id__in=session_ids),
            ("session_id", "municipality_id"),
            **{name: Count("id", filter=q) for name, q in noted.items() if name != "noted"},
            **{
                f"erased_{name}": Count("id", filter=q & Q(user__isnull=True))
                for name, q in noted.items()
                if name != "noted"
            },
        )
        self.noted = {}
        for measure in ("attended", "no_show"):
            most = _most_per_group(erased, measure)
            for session in session_ids:
                self._per_place(
                    ("session", session, measure),
                    lambda p, s=session, m=measure: per_session.get((s, p), {}).get(m, 0),
                )
            for where in self.places:
                cells = []
                for sector in self.sectors:
                    group = (where, sector)
                    value = accounts.get(group, {}).get(measure, 0) + most.get(group, 0)
                    self.disclosure.count((measure, where, sector), value)
                    cells.append((measure, where, sector))
                everyone = (measure, where)
                total = sum(self.disclosure.value(c) for c in cells)
                self.disclosure.count(everyone, total, published=False)
                self.disclosure.equal(everyone, cells)
                session_cells = [("session", s, measure, where) for s in session_ids]
                for cell in session_cells:
                    self.disclosure.at_most(cell, [everyone])
                seen = sum(self.disclosure.value(c) for c in session_cells)
                self.disclosure.at_most(everyone, session_cells, known=max(0, total - seen))
        most_noted = _most_per_group(erased, "noted")
        for where in self.places:
            for sector in self.sectors:
                group = (where, sector)
                self.noted[group] = accounts.get(group, {}).get("noted", 0) + most_noted.get(
                    group, 0
                )
        self._count_attendance_per_month(signups, per_session)

    def _count_attendance_per_month(self, signups, per_session):
        first_date = (
            Meeting.objects.filter(session=OuterRef("session_id"))
            .order_by("starts_at")
            .values("starts_at")[:1]
        )
        rows = (
            signups.filter(user__isnull=False)
            .annotate(first_date=Subquery(first_date, output_field=DateTimeField()))
            .filter(first_date__gte=self.since, first_date__lte=timezone.now())
            .annotate(month=TruncMonth("first_date"))
        )
        counts = {
            "attended": Count("user", distinct=True, filter=Q(attendance__in=CAME)),
            "no_show": Count("user", distinct=True, filter=Q(attendance=Attendance.NO_SHOW)),
        }
        by_place = _grouped(rows, ("municipality_id", "month"), **counts)
        overall = _grouped(rows, ("month",), **counts)
        month_of = {
            pk: datetime.date(_as_date(start).year, _as_date(start).month, 1)
            for pk, _title, start in self.sessions
        }
        for measure in ("attended", "no_show"):
            for first in self.months:
                key = (f"people_{measure}", first)
                sessions = [pk for pk, month in month_of.items() if month == first]
                parts = []
                for where in self.places:
                    most = max(
                        (
                            per_session.get((s, where), {}).get(f"erased_{measure}", 0)
                            for s in sessions
                        ),
                        default=0,
                    )
                    value = by_place.get((where, first), {}).get(measure, 0) + most
                    self.disclosure.count(
                        (*key, where),
                        value,
                        published=where is not None,
                        known=where is None or self._before_launch(first),
                    )
                    parts.append((*key, where))
                most = max(
                    (
                        sum(
                            per_session.get((s, p), {}).get(f"erased_{measure}", 0)
                            for p in self.places
                        )
                        for s in sessions
                    ),
                    default=0,
                )
                self.disclosure.count((*key, ALL), overall.get((first,), {}).get(measure, 0) + most)
                for where in [*self.places, ALL]:
                    cells = [("session", s, measure, where) for s in sessions]
                    for cell in cells:
                        self.disclosure.at_most(cell, [(*key, where)])
                    if where != ALL:
                        self.disclosure.at_most((*key, where), [(*key, ALL)])
                self._everyone_once(key, parts)


def _grouped(queryset, fields, **aggregates):
    """{(field values): {aggregate: value}} of one grouped query (dates as local dates)."""
    rows = queryset.values(*fields).annotate(**aggregates)
    return {tuple(_as_date(row[f]) for f in fields): row for row in rows}


def _most_per_group(rows, measure):
    """{group: the most `measure` of one course or session in it} from rows keyed
    (group..., course or session)."""
    most = {}
    for key, row in rows.items():
        group = key[:-1]
        most[group] = max(most.get(group, 0), row[measure])
    return most
