"""Progress: enrolments, module progress and attests, written straight to the database."""

import secrets
import uuid

import factory

from django.utils import timezone

from elearning.learners.attests import attest_name_hash
from elearning.learners.models import Attest, Enrolment, ModuleProgress, ProgressStatus

from .people import UserFactory


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """A learner's record of a course (by the course's translation key), started now."""

    class Meta:
        model = Enrolment

    user = factory.SubFactory(UserFactory)
    course_key = factory.LazyFunction(uuid.uuid4)
    municipality = factory.SelfAttribute("user.municipality")
    sector = factory.SelfAttribute("user.sector")
    started_at = factory.LazyFunction(timezone.now)


class ModuleProgressFactory(factory.django.DjangoModelFactory):
    """Progress in one module of the enrolment's course; `completed=True` for a finished one."""

    class Meta:
        model = ModuleProgress

    class Params:
        completed = factory.Trait(
            status=ProgressStatus.COMPLETED,
            completed_at=factory.SelfAttribute("last_activity_at"),
        )

    enrolment = factory.SubFactory(EnrolmentFactory)
    user = factory.SelfAttribute("enrolment.user")
    module_key = factory.LazyFunction(uuid.uuid4)
    status = ProgressStatus.IN_PROGRESS
    first_activity_at = factory.SelfAttribute("enrolment.started_at")
    last_activity_at = factory.SelfAttribute("first_activity_at")


class AttestFactory(factory.django.DjangoModelFactory):
    """The attest of a completed enrolment, without its PDF unless a test passes one."""

    class Meta:
        model = Attest

    enrolment = factory.SubFactory(
        EnrolmentFactory, completed_at=factory.SelfAttribute("started_at")
    )
    user = factory.SelfAttribute("enrolment.user")
    learner_name = factory.LazyAttribute(lambda o: o.user.get_full_name() or o.user.email)
    name_salt = factory.LazyFunction(lambda: secrets.token_hex(16))
    name_hash = factory.LazyAttribute(lambda o: attest_name_hash(o.learner_name, o.name_salt))
    course_title = "Kindermishandeling herkennen"
    study_minutes = 75
    completed_on = factory.LazyAttribute(lambda o: timezone.localdate(o.enrolment.completed_at))
    language = "nl"
