"""The reports scenario's work inside Django (run through inproc.py, never imported by run.py).

Content: one course of 10 modules (knowledge checks), a webinar and two intervision sessions;
learners spread over the 15 municipalities and 3 sectors, each with progress in every module
(so 20,000 learners make 200,000 progress rows), evaluations and sign-ups with attendance.
People: an editor (sees everything), the SPOC of Eeklo, the course's trainer.
"""

import random
import statistics
import time
import uuid
from datetime import timedelta

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

COURSE_SLUG = "bench-reports-course"
MODULES = 10
HOST = "127.0.0.1"
BATCH = 2000
RENDERS = 3  # renders timed per dashboard; the median is reported
PEOPLE = {
    "editor": "bench-editor@example.org",
    "spoc": "bench-spoc@example.org",
    "trainer": "bench-trainer@example.org",
}


def _course():
    from courses.models import CoursePage

    return CoursePage.objects.get(slug=COURSE_SLUG)


def seed(*, learners):
    from django.contrib.auth.models import Group

    from elearning.accounts.models import User
    from elearning.accounts.roles import MODERATORS, TRAINERS
    from elearning.core.models import Municipality
    from elearning.reports.models import MunicipalCoordinator
    from tests.factories import (
        CoursePageFactory,
        LibraryPageFactory,
        ModulePageFactory,
        TrainerFactory,
        WebinarPageFactory,
        knowledge_check_block,
        make_home,
        publish,
    )
    from tests.intervision.conftest import session_make

    started = time.monotonic()
    with transaction.atomic():
        home = make_home()
        library = publish(LibraryPageFactory(parent=home))
        questions = [
            {"type": "rating", "id": str(uuid.uuid4()), "value": text}
            for text in ("Bruikbaar in mijn werk", "Duidelijk uitgelegd")
        ]
        course = CoursePageFactory(
            parent=library,
            title="Kindermishandeling",
            slug=COURSE_SLUG,
            evaluation_questions=questions,
        )
        for number in range(1, MODULES + 1):
            ModulePageFactory(
                parent=course,
                title=f"Module {number}",
                slug=f"module-{number:02d}",
                body=[knowledge_check_block()],
                completion_rule="check_passed",
            )
        WebinarPageFactory(parent=course, title="Babobox deel 1")
        editor = User.objects.create_user(PEOPLE["editor"], "bench")
        editor.groups.add(Group.objects.get(name=MODERATORS))
        trainer = User.objects.create_user(PEOPLE["trainer"], "bench")
        trainer.groups.add(Group.objects.get(name=TRAINERS))
        course.trainers.add(TrainerFactory(name="Bench Trainer", user=trainer))
        publish(course)
        spoc = User.objects.create_user(PEOPLE["spoc"], "bench")
        MunicipalCoordinator.objects.create(
            user=spoc, municipality=Municipality.objects.get(name="Eeklo")
        )
        for days in (20, 40):
            session_make(
                starts_in=timedelta(days=-days),
                course=_course(),
                facilitator=trainer,
                signup_opens_at=timezone.now() - timedelta(days=days + 30),
                max_places=None,
            )
    added = _learners_add(learners)
    return {**_urls(), "learners": added, "seconds": round(time.monotonic() - started, 1)}


def grow(*, learners):
    """Add learners until there are `learners` of them."""
    from elearning.learners.models import Enrolment

    started = time.monotonic()
    added = _learners_add(learners - Enrolment.objects.count())
    return {**_urls(), "learners": added, "seconds": round(time.monotonic() - started, 1)}


def _learners_add(count):
    """`count` learners with progress in every module, in batches (bulk inserts, no signals:
    what progress ingestion leaves behind, written fast)."""
    from courses.models import ModulePage
    from elearning.accounts.models import User
    from elearning.core.models import Municipality, Sector
    from elearning.intervision.models import IntervisionSession, SignUp
    from elearning.learners.models import Enrolment, ModuleProgress
    from elearning.reports.models import Evaluation, EvaluationRating

    course = _course()
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    question_ids = [block.id for block in course.evaluation_questions]
    municipalities = list(Municipality.objects.values_list("pk", flat=True))
    sectors = list(Sector.objects.values_list("pk", flat=True))
    sessions = list(IntervisionSession.objects.values_list("pk", flat=True))
    rng = random.Random(count)
    now = timezone.now()
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        with transaction.atomic():
            users = User.objects.bulk_create(
                User(
                    email=f"bench-{uuid.uuid4().hex}@example.org",
                    password="!",
                    municipality_id=rng.choice(municipalities),
                    sector_id=rng.choice(sectors),
                )
                for _ in range(size)
            )
            enrolments, progress, evaluations, signups = [], [], [], []
            for user in users:
                started = now - timedelta(days=rng.randrange(400))
                finished = rng.random() < 0.4
                enrolments.append(
                    Enrolment(
                        user=user,
                        course_key=course.translation_key,
                        municipality_id=user.municipality_id,
                        sector_id=user.sector_id,
                        started_at=started,
                        completed_at=started + timedelta(days=3) if finished else None,
                    )
                )
            Enrolment.objects.bulk_create(enrolments)
            for enrolment in enrolments:
                reached = MODULES if enrolment.completed_at else rng.randrange(MODULES)
                for index, module in enumerate(modules):
                    progress.append(
                        ModuleProgress(
                            user_id=enrolment.user_id,
                            enrolment=enrolment,
                            module_key=module.translation_key,
                            status="completed" if index < reached else "in_progress",
                            first_activity_at=enrolment.started_at,
                            last_activity_at=enrolment.started_at,
                            seconds_spent=rng.randrange(120, 1500),
                            best_score_percent=rng.choice((None, 50, 80, 100)),
                            completed_at=enrolment.started_at if index < reached else None,
                        )
                    )
                if rng.random() < 0.2:
                    evaluations.append(
                        Evaluation(
                            user_id=enrolment.user_id,
                            kind="module",
                            item_key=modules[0].translation_key,
                            course_key=course.translation_key,
                            municipality_id=enrolment.municipality_id,
                            sector_id=enrolment.sector_id,
                            comment=rng.choice(("", "", "Heel bruikbaar", "Te kort")),
                        )
                    )
                if sessions and rng.random() < 0.1:
                    signups.append(
                        SignUp(
                            session_id=rng.choice(sessions),
                            user_id=enrolment.user_id,
                            status="confirmed",
                            queued_at=enrolment.started_at,
                            municipality_id=enrolment.municipality_id,
                            sector_id=enrolment.sector_id,
                            attendance=rng.choice(("attended", "attended", "partly", "no_show")),
                        )
                    )
            ModuleProgress.objects.bulk_create(progress, batch_size=BATCH)
            Evaluation.objects.bulk_create(evaluations)
            EvaluationRating.objects.bulk_create(
                EvaluationRating(evaluation=e, question=q, score=rng.randrange(1, 6))
                for e in evaluations
                for q in question_ids
            )
            SignUp.objects.bulk_create(signups)
        done += size
    _statistics_refresh()
    return done


def _statistics_refresh():
    """What autovacuum does a while after a bulk load: without fresh statistics PostgreSQL
    plans the grouped counts for one row and loops (seconds instead of milliseconds), which
    measures the loading, not the reports."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _urls():
    from django.urls import reverse

    from elearning.core.models import Municipality

    course, eeklo = _course(), Municipality.objects.get(name="Eeklo")
    learning, municipal = reverse("reports_learning"), reverse("reports_municipalities")
    return {
        "overview": learning,
        "course": f"{learning}?course={course.pk}",
        "course_eeklo": f"{learning}?course={course.pk}&municipality={eeklo.pk}",
        "municipalities": municipal,
        "course_csv": f"{learning}?course={course.pk}&export=csv&table=modules",
    }


def counts():
    from elearning.learners.models import Enrolment, ModuleProgress
    from elearning.reports.models import Evaluation

    return {
        "learners": Enrolment.objects.count(),
        "progress_rows": ModuleProgress.objects.count(),
        "evaluations": Evaluation.objects.count(),
    }


def measure(*, urls):
    """{person: {name: {"queries": n, "ms": median render}}} for every dashboard and person.

    Each person's client warms up on the page first (permissions, locales, the admin's menu),
    as a running server has them; then the queries of one rendering are counted and RENDERS
    renderings timed.
    """
    from elearning.accounts.models import User

    results = {}
    for person, email in PEOPLE.items():
        client = Client(HTTP_HOST=HOST)
        client.force_login(User.objects.get(email=email))
        results[person] = {}
        for name, path in urls.items():
            if not isinstance(path, str):
                continue
            warm = client.get(path)
            if warm.status_code not in (200, 302):
                raise RuntimeError(f"GET {path} as {person} answered {warm.status_code}")
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            # Read now: every request clears the connection's query log (request_started).
            queries = len(captured.captured_queries)
            timings = []
            for _ in range(RENDERS):
                begun = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - begun) * 1000)
            results[person][name] = {
                "status": response.status_code,
                "queries": queries,
                "ms": round(statistics.median(timings), 1),
            }
    return results
