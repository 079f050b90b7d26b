"""Evaluations learners give, and their ratings."""

import uuid

import factory

from elearning.reports.models import EvaluatedKind, Evaluation, EvaluationRating

from .people import UserFactory


class EvaluationFactory(factory.django.DjangoModelFactory):
    """A learner's evaluation of a module (by translation keys), kept with their municipality
    and sector for the reports; add ratings with EvaluationRatingFactory."""

    class Meta:
        model = Evaluation

    user = factory.SubFactory(UserFactory, professional=True)
    kind = EvaluatedKind.MODULE
    item_key = factory.LazyFunction(uuid.uuid4)
    course_key = factory.LazyFunction(uuid.uuid4)
    municipality = factory.SelfAttribute("user.municipality")
    sector = factory.SelfAttribute("user.sector")
    comment = "Concreet en bruikbaar."


class EvaluationRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationRating

    evaluation = factory.SubFactory(EvaluationFactory)
    question = factory.Sequence(lambda n: f"question-{n}")
    score = 4
