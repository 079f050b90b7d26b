"""A course with an evaluation, learners in Gent and Eeklo, and one person per role."""

import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.utils import timezone, translation

from elearning.accounts.roles import MODERATORS, TRAINERS
from elearning.core.models import Municipality, Sector
from elearning.reports.models import MunicipalCoordinator
from tests.factories import (
    CoursePageFactory,
    EnrolmentFactory,
    EvaluationFactory,
    EvaluationRatingFactory,
    LibraryPageFactory,
    ModulePageFactory,
    ModuleProgressFactory,
    TrainerFactory,
    UserFactory,
    WebinarPageFactory,
    knowledge_check_block,
    make_home,
    publish,
)

QUESTIONS = ["Ik kan dit gebruiken in mijn werk", "De uitleg was duidelijk"]


@pytest.fixture(autouse=True)
def _dutch_urls():
    """URLs reversed in Dutch: a request to a /fr/ page leaves French active in the thread
    (LocaleMiddleware does not switch back), and reverse() prefixes the active language."""
    with translation.override("nl"):
        yield


def question_blocks():
    return [{"type": "rating", "id": str(uuid.uuid4()), "value": text} for text in QUESTIONS]


@pytest.fixture
def courses(db):
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = publish(
        CoursePageFactory(
            parent=library, title="Kindermishandeling", evaluation_questions=question_blocks()
        )
    )
    modules = [
        publish(
            ModulePageFactory(
                parent=course,
                title=title,
                body=[knowledge_check_block()],
                completion_rule="check_passed",
                min_score_percent=80,
            )
        )
        for title in ("Signalen", "Gesprek", "Melden")
    ]
    webinar = publish(WebinarPageFactory(parent=course, title="Babobox deel 1"))
    other = publish(CoursePageFactory(parent=library, title="Ouderenmis"))
    other_module = publish(ModulePageFactory(parent=other, title="Ouderen en geld"))
    return SimpleNamespace(
        course=course, modules=modules, webinar=webinar, other=other, other_module=other_module
    )


def municipality(name):
    return Municipality.objects.get(name=name)


def sector(code=Sector.Code.CARE):
    return Sector.objects.get(code=code)


def learners_add(
    course,
    modules,
    *,
    place,
    count,
    completed_modules=0,
    course_completed=False,
    score=None,
    seconds=600,
    sector_code=Sector.Code.CARE,
    started_at=None,
):
    """`count` learners of `place` who started `course` and completed its first
    `completed_modules` modules, with a knowledge-check `score` on each module they did."""
    where, branch = municipality(place), sector(sector_code)
    started_at = started_at or timezone.now() - timedelta(days=3)
    users = [
        UserFactory(municipality=where, sector=branch, email=f"{uuid.uuid4().hex[:12]}@example.org")
        for _ in range(count)
    ]
    for user in users:
        enrolment = EnrolmentFactory(
            user=user,
            course_key=course.translation_key,
            started_at=started_at,
            completed_at=started_at + timedelta(days=1) if course_completed else None,
        )
        for index, module in enumerate(modules):
            ModuleProgressFactory(
                enrolment=enrolment,
                module_key=module.translation_key,
                completed=index < completed_modules,
                seconds_spent=seconds,
                best_score_percent=score,
            )
    return users


def evaluations_add(course, *, kind, item_key, place, scores, comment=""):
    """One evaluation per score pair in `scores`, by new learners of `place`."""
    question_ids = [block.id for block in course.evaluation_questions]
    for pair in scores:
        user = UserFactory(municipality=municipality(place), email=f"{uuid.uuid4().hex[:12]}@e.org")
        evaluation = EvaluationFactory(
            user=user,
            kind=kind,
            item_key=item_key,
            course_key=course.translation_key,
            sector=sector(),
            comment=comment,
        )
        for question_id, score in zip(question_ids, pair, strict=True):
            EvaluationRatingFactory(evaluation=evaluation, question=question_id, score=score)


@pytest.fixture
def people(db, courses):
    editor = UserFactory(email="redacteur@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name=MODERATORS))
    trainer = UserFactory(email="trainer@example.org")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    profile = TrainerFactory(name="An Trainer", user=trainer)
    courses.course.trainers.add(profile)
    publish(courses.course)
    spoc = UserFactory(email="spoc.eeklo@example.org", municipality=municipality("Eeklo"))
    MunicipalCoordinator.objects.create(user=spoc, municipality=municipality("Eeklo"))
    learner = UserFactory(email="leerder@example.org", municipality=municipality("Gent"))
    return SimpleNamespace(editor=editor, trainer=trainer, spoc=spoc, learner=learner)


@pytest.fixture
def as_person(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def tables_of(response):
    """{table heading: [[cell text, ...], ...]} as a reader sees them (header row first)."""
    soup = BeautifulSoup(response.content, "html.parser")
    found = {}
    for section in soup.select("section.reports-table"):
        title = section.find("h2").get_text(strip=True)
        table = section.find("table")
        if table is None:
            found[title] = []
            continue
        found[title] = [
            [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
            for row in table.find_all("tr")
        ]
    return found
