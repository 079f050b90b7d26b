"""Every xAPI statement the platform emits, as the store received it, validated against an
independent model of xAPI 1.0.3: ralph's (`ralph-malph`, France Université Numérique's LRS),
whose pydantic models refuse unknown fields, malformed IRIs, language tags, durations, scores
and timestamps."""

import copy

import pytest
from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement

from .test_xapi import check_taken_after_an_hour, other_modules_completed

pytestmark = pytest.mark.django_db

# Each verb with the result it carries: the shapes xapi.py can build (its four receivers).
SHAPES = {
    ("attempted", None),
    ("completed", ("completion", "duration")),
    ("passed", ("score", "success")),
    ("completed", ("completion",)),
}


def shape(statement):
    verb = statement["verb"]["display"]["en-US"]
    result = statement.get("result")
    return verb, tuple(sorted(result)) if result is not None else None


@pytest.fixture
def every_statement(client, lrs, learner, course_tree, sends, committed):
    """What the store received from a learner in French who read a module, then took the
    knowledge check that completes the course: every verb and every result shape."""
    learner.preferred_language = "fr"
    learner.save(update_fields=["preferred_language"])
    other_modules_completed(learner, course_tree)
    client.force_login(learner)
    with committed():
        assert client.get(course_tree["extra"].url).status_code == 200  # read: started, completed
    check_taken_after_an_hour(learner, course_tree["check"], committed)
    return lrs.statements()


def test_every_statement_the_platform_emits_is_valid_xapi(every_statement):
    assert {shape(statement) for statement in every_statement} == SHAPES
    for statement in every_statement:
        BaseXapiStatement(**statement)  # raises on anything the model refuses
    assert {statement["context"]["language"] for statement in every_statement} == {"fr"}


@pytest.mark.parametrize(
    "path, value",
    [
        (("context", "language"), "Frans"),
        (("result", "duration"), "1 uur"),
        (("result", "score", "scaled"), 1.5),
        (("object", "id"), "module 7"),
        (("timestamp",), "gisteren"),
        (("actor", "mbox"), "leerling@example.org"),  # an Agent has one identifier only
    ],
)
def test_the_model_refuses_what_xapi_forbids(every_statement, path, value):
    """The model is strict where it matters: each of these changes to a statement we sent
    makes it invalid."""
    [passed] = [s for s in every_statement if s["verb"]["display"]["en-US"] == "passed"]
    passed["result"]["duration"] = "PT1M"
    BaseXapiStatement(**passed)
    broken = copy.deepcopy(passed)
    *parents, last = path
    target = broken
    for key in parents:
        target = target[key]
    target[last] = value

    with pytest.raises(ValidationError):
        BaseXapiStatement(**broken)
