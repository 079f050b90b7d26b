"""No count of 1 to 4 people can be worked out from everything one role can see.

Hypothesis makes random people: learners in three municipalities and two sectors, each in
none, one or both of two courses (started in one of two months, at one of four levels:
started, failed the knowledge check, completed the module, completed the course; some
completers evaluated the module), and people who attended or missed an intervision session.
Each role (editor, the course's trainer, the SPOC of two municipalities) then reads every page
it can reach: the courses overview, each course, the municipalities report, under "all" and
each municipality filter and period; a download is the same table (test_dashboards.py checks
that). The reader is a linear program over the people: how many people of each kind there
are (every kind this universe allows, whatever the data), such that every shown number,
and every shown percentage to its rounding, comes out. For every hidden count whose real
value is 1 to 4, it asks the least and the most that count can be: they must differ.
"""

import datetime
import itertools
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from elearning.accounts.models import User
from elearning.accounts.roles import MODERATORS, TRAINERS
from elearning.core.models import Municipality, Sector
from elearning.intervision.models import SignUp
from elearning.learners.models import Enrolment, ModuleProgress, ProgressStatus
from elearning.reports.disclosure import Disclosure
from elearning.reports.models import EvaluatedKind, Evaluation, MunicipalCoordinator
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    TrainerFactory,
    UserFactory,
    knowledge_check_block,
    make_home,
    publish,
)
from tests.intervision.conftest import session_make

from .conftest import question_blocks

PLACES = ["Aalter", "Eeklo", "Gent"]
SPOC_PLACES = ["Eeklo", "Gent"]
EMPTY_PLACE = "Maldegem"  # nobody lives there: its pages must show nothing at all
SECTORS = [Sector.Code.CARE, Sector.Code.PREVENTION]
STARTED, FAILED, MODULE_DONE, COURSE_DONE = 1, 2, 3, 4
LEVELS = (STARTED, FAILED, MODULE_DONE, COURSE_DONE)


@dataclass(frozen=True)
class Kind:
    """What the reports can tell about one person."""

    place: int
    sector: int
    courses: tuple  # per course: None, or (month index, level, evaluated the module)
    attendance: str | None = None  # "came" or "no_show" (people of the intervision session)


def course_states(evaluations):
    states = [None]
    for month, level in itertools.product((0, 1), LEVELS):
        states.append((month, level, False))
        if evaluations and level >= MODULE_DONE:
            states.append((month, level, True))
    return states


# Place 3 is "another municipality" and sector 2 "another sector" (or none): nobody is put
# there, but the reader cannot know that (their rows and pages show nothing but "fewer than
# 5"), so the program may.
KINDS = [
    Kind(p, s, (c1, c2))
    for p, s in itertools.product(range(4), range(3))
    for c1 in course_states(True)
    for c2 in course_states(False)
    if c1 or c2
] + [Kind(p, s, (None, None), a) for p in range(4) for s in range(3) for a in ("came", "no_show")]


def drawn(kind):
    return kind.place < 3 and kind.sector < 2


learner_kinds = st.sampled_from([k for k in KINDS if k.attendance is None and drawn(k)])
attendee_kinds = st.sampled_from([k for k in KINDS if k.attendance and drawn(k)])


# --- The rule on its own ---------------------------------------------------------------------


def municipalities_of(values, *, known_total=True):
    rule = Disclosure()
    for name, value in values.items():
        rule.count(name, value)
    rule.count("all", sum(values.values()), published=known_total)
    rule.equal("all", list(values))
    return rule


def test_the_issues_subtraction_no_longer_gives_a_hidden_count():
    rule = municipalities_of({"Gent": 20, "Eeklo": 36, "Aalter": 4})
    hidden = [name for name in ("Gent", "Eeklo", "Aalter", "all") if rule.is_hidden(name)]
    # 60 - 20 - 36 = 4 before; now the next smallest is hidden with Aalter.
    assert hidden == ["Gent", "Aalter"]


def test_a_hidden_zero_that_is_known_to_be_zero_protects_nothing():
    rule = Disclosure()
    for name, value in {"a": 3, "b": 0, "c": 9, "row": 12}.items():
        rule.count(name, value)
    rule.equal("row", ["a", "b", "c"])
    rule.count("b_part", 0, known=True)  # a reader knows b is made of nobody
    rule.equal("b", ["b_part"])
    assert rule.is_hidden("a") and rule.is_hidden("c")  # b alone would leave a = 12 - 9


def test_a_count_pinned_through_another_relation_gets_a_partner_there():
    """a + b = 10 (shown); b is also the sum of two shown months: hiding b alone does not
    protect a, so a month goes too."""
    rule = Disclosure()
    for name, value in {"a": 2, "b": 8, "total": 10, "may": 5, "june": 3}.items():
        rule.count(name, value)
    rule.equal("total", ["a", "b"])
    rule.equal("b", ["may", "june"])
    assert rule.is_hidden("a") and rule.is_hidden("b") and rule.is_hidden("june")
    assert not rule.is_hidden("total")


def test_relations_the_numbers_do_not_satisfy_are_not_trusted():
    rule = Disclosure()
    for name, value in {"part": 3, "whole": 2}.items():
        rule.count(name, value)
    rule.at_most("part", ["whole"])  # false here (an odd import): left out
    assert rule.is_hidden("part") and rule.is_hidden("whole")


# --- The world as the database holds it -------------------------------------------------------


@pytest.fixture
def world(db):
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    courses, modules = [], []
    for title, questions in (("Kindermishandeling", question_blocks()), ("Ouderenmis", [])):
        course = publish(
            CoursePageFactory(parent=library, title=title, evaluation_questions=questions)
        )
        module = publish(
            ModulePageFactory(
                parent=course,
                title=f"Module {title}",
                body=[knowledge_check_block()],
                completion_rule="check_passed",
                min_score_percent=80,
            )
        )
        courses.append(course)
        modules.append(module)
    editor = UserFactory(email="redacteur@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name=MODERATORS))
    trainer = UserFactory(email="trainer@example.org")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    courses[0].trainers.add(TrainerFactory(name="An Trainer", user=trainer))
    publish(courses[0])
    spoc = UserFactory(email="spoc@example.org")
    for name in SPOC_PLACES:
        MunicipalCoordinator.objects.create(
            user=spoc, municipality=Municipality.objects.get(name=name)
        )
    session = session_make(
        starts_in=timedelta(days=-2),
        facilitator=trainer,
        title="Intervisie",
        max_places=100,
        signup_opens_at=timezone.now() - timedelta(days=20),
    )
    now = timezone.now()
    this_month = timezone.localdate().replace(day=1)
    months = [(this_month - timedelta(days=1)).replace(day=1), this_month]
    start_times = [
        timezone.make_aware(datetime.datetime.combine(months[0], datetime.time(12))),
        now,
    ]
    first = timezone.localtime(session.meetings.get().starts_at).date().replace(day=1)
    return {
        "courses": courses,
        "modules": modules,
        "people": {"editor": editor, "trainer": trainer, "spoc": spoc},
        "session": session,
        "months": months,
        "start_times": start_times,
        "session_month": months.index(first) if first in months else None,
        "places": {name: Municipality.objects.get(name=name) for name in PLACES},
        "sectors": [Sector.objects.get(code=code) for code in SECTORS],
    }


def people_add(world, learners, attendees):
    """One account per person, with the enrolments, progress, evaluations and sign-ups of
    their kind."""
    users = User.objects.bulk_create(
        User(email=f"{uuid.uuid4().hex}@example.org", password="!")
        for _ in range(len(learners) + len(attendees))
    )
    for user, kind in zip(users, learners, strict=False):
        place, sector = world["places"][PLACES[kind.place]], world["sectors"][kind.sector]
        for number, state in enumerate(kind.courses):
            if state is None:
                continue
            month, level, evaluated = state
            when = world["start_times"][month]
            course, module = world["courses"][number], world["modules"][number]
            enrolment = Enrolment.objects.create(
                user=user,
                course_key=course.translation_key,
                municipality=place,
                sector=sector,
                started_at=when,
                completed_at=when if level == COURSE_DONE else None,
            )
            done = level >= MODULE_DONE
            ModuleProgress.objects.create(
                user=user,
                enrolment=enrolment,
                module_key=module.translation_key,
                status=ProgressStatus.COMPLETED if done else ProgressStatus.IN_PROGRESS,
                first_activity_at=when,
                last_activity_at=when,
                seconds_spent=600,
                best_score_percent={STARTED: None, FAILED: 50}.get(level, 90),
                completed_at=when if done else None,
            )
            if evaluated:
                Evaluation.objects.create(
                    user=user,
                    kind=EvaluatedKind.MODULE,
                    item_key=module.translation_key,
                    course_key=course.translation_key,
                    municipality=place,
                    sector=sector,
                )
    for user, kind in zip(users[len(learners) :], attendees, strict=True):
        SignUp.objects.create(
            session=world["session"],
            user=user,
            status="confirmed",
            queued_at=timezone.now() - timedelta(days=5),
            attendance="attended" if kind.attendance == "came" else "no_show",
            municipality=world["places"][PLACES[kind.place]],
            sector=world["sectors"][kind.sector],
        )


# --- What each role reads ---------------------------------------------------------------------

HIDDEN = object()


def number(text):
    if text == gettext("fewer than 5"):
        return HIDDEN
    if text == "":
        return None
    return (
        float(text.replace(".", "").replace(",", "."))
        if "," in text
        else int(text.replace(".", ""))
    )


def tables_read(response):
    """{slug: rows of cell values} of a report page (hidden cells as HIDDEN)."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found = {}
    for section in soup.select("section.reports-table"):
        link = section.select_one("a[href*='export=csv']")
        if link is None:
            continue
        slug = link["href"].split("table=")[1].split("&")[0]
        rows = section.find("table").find("tbody").find_all("tr")
        found[slug] = [[c.get_text(strip=True) for c in row.find_all(["th", "td"])] for row in rows]
    return found


@dataclass
class Role:
    name: str
    courses: tuple  # indexes of the courses it sees
    places: tuple | None  # municipality indexes it is limited to (None: all)
    filters: tuple  # municipality names offered, None for "all"

    def learns(self, kind, course):
        if self.places is not None:
            return kind.place in self.places
        return course in self.courses

    def attends(self, kind):
        return self.places is None or kind.place in self.places


ROLES = [
    Role("editor", (0, 1), None, (None, *PLACES, EMPTY_PLACE)),
    Role("trainer", (0,), None, (None, *PLACES, EMPTY_PLACE)),
    Role("spoc", (0, 1), (1, 2), (None, *SPOC_PLACES)),
]


class Reading:
    """Everything one role saw, as (what a number counts, the number) pairs."""

    def __init__(self, world, role):
        self.world, self.role = world, role
        self.counts = []  # (predicate over kinds, shown value or HIDDEN, where seen)
        self.shares = []  # (part predicate, whole predicate, percent)

    def where(self, place_name):
        if place_name is None:
            return None
        return PLACES.index(place_name) if place_name in PLACES else -1

    def filter_of(self, place_name):
        if place_name is None:
            return {}
        return {"municipality": self.world["places_all"][place_name]}

    def count(self, predicate, value, seen):
        if value is None:
            return
        if EMPTY_PLACE in seen:
            # Stands for every municipality nobody of this universe lives in.
            assert value is HIDDEN, seen
            return
        self.counts.append((predicate, value, seen))

    def share(self, part, whole, value):
        if value is not HIDDEN and value is not None:
            self.shares.append((part, whole, value))

    def read_learning(self, client, place_name):
        place = self.where(place_name)
        params = self.filter_of(place_name)
        in_place = lambda kind: place is None or kind.place == place  # noqa: E731
        tables = tables_read(client.get(reverse("reports_learning"), params))
        titles = [c.title for c in self.world["courses"]]
        for row in tables["courses"]:
            course = titles.index(row[0])
            started = self.enrolled(course, in_place)
            done = self.enrolled(course, in_place, lambda s: s[1] == COURSE_DONE)
            self.count(started, number(row[1]), ("courses", place_name, row[0], "started"))
            self.count(done, number(row[2]), ("courses", place_name, row[0], "completed"))
            self.share(done, started, number(row[3]))
        for course in self.role.courses:
            for months in (6, 24) if place_name is None else (24,):
                page = self.world["courses"][course].pk
                response = client.get(
                    reverse("reports_learning"), {**params, "course": page, "months": months}
                )
                self.read_course(tables_read(response), course, in_place, place_name, months)

    def enrolled(self, course, in_place, state_test=lambda state: True):
        def predicate(kind):
            state = kind.courses[course]
            return (
                state is not None
                and in_place(kind)
                and self.role.learns(kind, course)
                and state_test(state)
            )

        return predicate

    def read_course(self, tables, course, in_place, place_name, months):
        seen = ("course", course, place_name, months)
        started = self.enrolled(course, in_place)
        module_done = self.enrolled(course, in_place, lambda s: s[1] >= MODULE_DONE)
        course_done = self.enrolled(course, in_place, lambda s: s[1] == COURSE_DONE)
        checked = self.enrolled(course, in_place, lambda s: s[1] >= FAILED)
        funnel = tables["funnel"]
        self.count(started, number(funnel[0][1]), (*seen, "funnel started"))
        self.count(module_done, number(funnel[1][1]), (*seen, "funnel module"))
        self.count(course_done, number(funnel[2][1]), (*seen, "funnel completed"))
        module_row, whole_row = tables["modules"]
        self.count(started, number(module_row[1]), (*seen, "module started"))
        self.count(module_done, number(module_row[2]), (*seen, "module completed"))
        self.count(checked, number(module_row[4]), (*seen, "module checked"))
        self.share(module_done, checked, number(module_row[5]))
        self.count(started, number(whole_row[1]), (*seen, "whole course"))
        labels = [m.strftime("%Y-%m") for m in self.world["months"]]
        for row in tables["months"]:
            if row[0] not in labels:
                assert row[1:] == [gettext("fewer than 5")] * 2, row  # nobody then
                continue
            month = labels.index(row[0])
            in_month = lambda s, m=month: s[0] == m  # noqa: E731
            both = lambda s, m=month: s[0] == m and s[1] == COURSE_DONE  # noqa: E731
            self.count(self.enrolled(course, in_place, in_month), number(row[1]), (*seen, row[0]))
            self.count(self.enrolled(course, in_place, both), number(row[2]), (*seen, row[0]))
        for row in tables.get("evaluations", []):
            evaluated = self.enrolled(course, in_place, lambda s: s[2])
            self.count(evaluated, number(row[2]), (*seen, "evaluations"))

    def read_municipal(self, client, place_name):
        place = self.where(place_name)
        params = self.filter_of(place_name)
        in_place = lambda kind: place is None or kind.place == place  # noqa: E731
        for months in (6, 24) if place_name is None else (24,):
            tables = tables_read(
                client.get(reverse("reports_municipalities"), {**params, "months": months})
            )
            self.read_municipal_tables(tables, in_place, (place_name, months))

    def learner(self, extra):
        return lambda kind: any(
            state is not None and self.role.learns(kind, course) and extra(kind, state)
            for course, state in enumerate(kind.courses)
        )

    def attendee(self, came):
        return lambda kind: kind.attendance == came and self.role.attends(kind)

    def read_municipal_tables(self, tables, in_place, seen):
        sector_labels = [str(sector) for sector in self.world["sectors"]]
        for row in tables.get("municipalities", []):
            place, sector = PLACES.index(row[0]), sector_labels.index(row[1])

            def here(kind, p=place, s=sector):
                return kind.place == p and kind.sector == s and in_place(kind)

            learners = self.learner(lambda kind, state, h=here: h(kind))
            completers = self.learner(lambda kind, state, h=here: h(kind) and state[1] == 4)
            came = lambda kind, h=here: self.attendee("came")(kind) and h(kind)  # noqa: E731
            missed = lambda kind, h=here: self.attendee("no_show")(kind) and h(kind)  # noqa: E731
            noted = lambda kind, c=came, m=missed: c(kind) or m(kind)  # noqa: E731
            for predicate, text, what in (
                (learners, row[2], "learners"),
                (completers, row[3], "completers"),
                (came, row[4], "attended"),
                (missed, row[5], "no-show"),
            ):
                self.count(predicate, number(text), (*seen, row[0], row[1], what))
            self.share(missed, noted, number(row[6]))
        labels = [m.strftime("%Y-%m") for m in self.world["months"]]
        for row in tables["months"]:
            if row[0] not in labels:
                assert set(row[1:]) == {gettext("fewer than 5")}, row
                continue
            month = labels.index(row[0])
            started = self.learner(lambda kind, s, m=month: in_place(kind) and s[0] == m)
            done = self.learner(lambda kind, s, m=month: in_place(kind) and s[0] == m and s[1] == 4)
            self.count(started, number(row[1]), (*seen, row[0], "started"))
            self.count(done, number(row[2]), (*seen, row[0], "completed"))
            for came, text in (("came", row[3]), ("no_show", row[4])):
                if month == self.world["session_month"]:
                    predicate = lambda kind, c=came: self.attendee(c)(kind) and in_place(kind)  # noqa: E731
                else:
                    predicate = lambda kind: False  # noqa: E731
                self.count(predicate, number(text), (*seen, row[0], came))
        for row in tables.get("sessions", []):
            came = lambda kind: self.attendee("came")(kind) and in_place(kind)  # noqa: E731
            missed = lambda kind: self.attendee("no_show")(kind) and in_place(kind)  # noqa: E731
            self.count(came, number(row[2]), (*seen, "session attended"))
            self.count(missed, number(row[3]), (*seen, "session no-show"))
            self.share(missed, lambda k, c=came, m=missed: c(k) or m(k), number(row[4]))


# --- The reader's arithmetic ------------------------------------------------------------------


def pinned_counts(reading, data):
    """Hidden counts of 1 to 4 people whose least and greatest possible value are equal."""
    rows = {}

    def row_of(predicate):
        return [1.0 if predicate(kind) else 0.0 for kind in KINDS]

    equalities, values = [], []
    for predicate, value, _seen in reading.counts:
        if value is not HIDDEN:
            equalities.append(row_of(predicate))
            values.append(value)
    bounds_rows, bounds = [], []
    for part, whole, percent in reading.shares:
        p, w = row_of(part), row_of(whole)
        # percent - 0.5 <= 100 * part / whole <= percent + 0.5
        bounds_rows.append([(percent - 0.5) * b - 100 * a for a, b in zip(p, w, strict=True)])
        bounds.append(0.0)
        bounds_rows.append([100 * a - (percent + 0.5) * b for a, b in zip(p, w, strict=True)])
        bounds.append(0.0)
    pinned = []
    for predicate, value, seen in reading.counts:
        if value is not HIDDEN:
            continue
        real = sum(data.get(kind, 0) for kind in KINDS if predicate(kind))
        if not 1 <= real <= 4:
            continue
        key = tuple(row_of(predicate))
        if key in rows:
            continue
        rows[key] = seen
        least = _solve(list(key), equalities, values, bounds_rows, bounds)
        if least < real - 0.5:
            continue
        most = -_solve([-x for x in key], equalities, values, bounds_rows, bounds)
        if most < real + 0.5:
            pinned.append((seen, real))
    return pinned


def _solve(objective, equalities, values, bounds_rows, bounds):
    result = linprog(
        objective,
        A_eq=equalities or None,
        b_eq=values or None,
        A_ub=bounds_rows or None,
        b_ub=bounds or None,
        bounds=(0, None),
        method="highs",
    )
    assert result.status == 0, f"the shown numbers do not fit their meaning: {result.message}"
    return result.fun


# --- The property -----------------------------------------------------------------------------


def readings(client, world):
    found = []
    for role in ROLES:
        client.force_login(world["people"][role.name])
        reading = Reading(world, role)
        for place_name in role.filters:
            reading.read_learning(client, place_name)
            reading.read_municipal(client, place_name)
        found.append(reading)
    return found


def left_over():
    """The issue's case: "all" minus the municipalities one may pick gives the hidden rest
    (for the SPOC of Eeklo and Gent: 10 - 6 = Gent's 4)."""
    kinds = [Kind(0, 0, ((1, STARTED, False), None))] * 4
    kinds += [Kind(1, 0, ((1, STARTED, False), None))] * 6
    kinds += [Kind(2, 1, ((1, STARTED, False), None))] * 4
    return kinds


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    # Each example reads some 60 pages: no shrinking (the example that failed is printed).
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(learners=left_over(), attendees=[])
@given(
    learners=st.lists(learner_kinds, max_size=30),
    attendees=st.lists(attendee_kinds, max_size=10),
)
def test_no_hidden_count_can_be_worked_out(client, world, learners, attendees):
    world["places_all"] = {
        name: Municipality.objects.get(name=name).pk for name in (*PLACES, EMPTY_PLACE)
    }
    data = {}
    for kind in [*learners, *attendees]:
        data[kind] = data.get(kind, 0) + 1
    with transaction.atomic(), translation.override("nl"):
        people_add(world, learners, attendees)
        try:
            for reading in readings(client, world):
                pinned = pinned_counts(reading, data)
                assert not pinned, f"{reading.role.name} can work out {pinned[:3]}"
        finally:
            transaction.set_rollback(True)
