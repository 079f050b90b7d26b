"""Demo data for the reports (`make run`): a SPOC of Gent, the demo trainer linked to their
trainer profile, and 60 made-up learners (no way to sign in as them) with progress and
evaluations of the statements the demo courses carry (elearning/demo/sources/site.yaml), so each
dashboard shows numbers and the "fewer than 5" rule at once. Seeding again adds nothing.
"""

import random
from datetime import timedelta

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import CoursePage, ModulePage, Trainer
from elearning.core.models import Municipality, Sector
from elearning.learners.models import Enrolment, ModuleProgress, ProgressStatus

from .models import EvaluatedKind, Evaluation, EvaluationRating, MunicipalCoordinator

DEMO_SPOC_EMAIL = "spoc@example.org"
COMMENTS = [
    "Heel concreet, de casus herkende ik uit mijn praktijk.",
    "Graag meer voorbeelden uit de politiepraktijk.",
    "Kort en krachtig.",
    "",
    "",
]
# Made-up learners per municipality: Gent and Eeklo above the privacy threshold, Aalter below.
LEARNERS = {"Gent": 36, "Eeklo": 20, "Aalter": 4}
LEARNER_DOMAIN = "demo-learners.invalid"


def demo_reports_seed(*, trainer_email, password_for):
    """Returns (email, password, created) of the demo SPOC, for `make run` to print; the SPOC
    is created with the password `password_for(email)` gives."""
    _trainer_link(trainer_email)
    password = password_for(DEMO_SPOC_EMAIL)
    created = _spoc(DEMO_SPOC_EMAIL, password)
    if not get_user_model().objects.filter(email__endswith=LEARNER_DOMAIN).exists():
        _learners()
    return (DEMO_SPOC_EMAIL, password, created)


def _trainer_link(email):
    """The demo trainer sees the reports of the courses their profile teaches."""
    user = get_user_model().objects.filter(email=email).first()
    course = CoursePage.objects.filter(locale__language_code="nl").order_by("path").first()
    profile = course and course.trainers.first()
    if user and profile and not Trainer.objects.filter(user=user).exists():
        profile.user = user
        profile.save(update_fields=["user"])


def _spoc(email, password):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(
            email=email, password=password, municipality=Municipality.objects.get(name="Gent")
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    MunicipalCoordinator.objects.get_or_create(
        user=user, municipality=Municipality.objects.get(name="Gent")
    )
    return created


def _learners():
    rng = random.Random(2026)
    sectors = list(Sector.objects.all())
    now = timezone.now()
    User = get_user_model()
    courses = list(CoursePage.objects.filter(locale__language_code="nl").order_by("path"))
    number = 0
    for place, count in LEARNERS.items():
        municipality = Municipality.objects.get(name=place)
        for _ in range(count):
            number += 1
            user = User.objects.create_user(
                email=f"learner-{number}@{LEARNER_DOMAIN}",
                password=None,  # cannot sign in
                municipality=municipality,
                sector=rng.choice(sectors),
            )
            for course in courses[:2]:
                _progress(rng, user, course, now - timedelta(days=rng.randrange(1, 330)))


def _progress(rng, user, course, started):
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    reached = rng.randrange(len(modules) + 1)
    enrolment = Enrolment.objects.create(
        user=user,
        course_key=course.translation_key,
        municipality=user.municipality,
        sector=user.sector,
        started_at=started,
        completed_at=started + timedelta(days=rng.randrange(1, 20))
        if reached == len(modules)
        else None,
    )
    for index, module in enumerate(modules[: reached + 1]):
        done = index < reached
        ModuleProgress.objects.create(
            user=user,
            enrolment=enrolment,
            module_key=module.translation_key,
            status=ProgressStatus.COMPLETED if done else ProgressStatus.IN_PROGRESS,
            first_activity_at=started,
            last_activity_at=started,
            seconds_spent=rng.randrange(300, 1500),
            best_score_percent=rng.choice((None, 60, 100, 100)),
            completed_at=started if done else None,
        )
        if done and rng.random() < 0.6:
            _evaluation(rng, user, course, module)


def _evaluation(rng, user, course, module):
    evaluation = Evaluation.objects.create(
        user=user,
        kind=EvaluatedKind.MODULE,
        item_key=module.translation_key,
        course_key=course.translation_key,
        municipality=user.municipality,
        sector=user.sector,
        comment=rng.choice(COMMENTS),
    )
    EvaluationRating.objects.bulk_create(
        EvaluationRating(evaluation=evaluation, question=block.id, score=rng.choice((3, 4, 4, 5)))
        for block in course.evaluation_questions
    )
