import itertools

import pytest

from tests.waiting import eventually


def test_eventually_returns_the_first_truthy_answer():
    answers = iter([None, [], 0, ["a mail"], ["later"]])

    assert eventually(lambda: next(answers), timeout=5, interval=0) == ["a mail"]
    assert next(answers) == ["later"]  # it stopped asking once it had an answer


def test_eventually_fails_with_the_message_and_the_last_answer_after_the_timeout():
    calls = itertools.count(1)

    with pytest.raises(AssertionError) as failure:
        eventually(lambda: next(calls) and [], timeout=0.3, interval=0.05, message="no mail came")

    assert str(failure.value) == "no mail came within 0.3 s (last: [])"
    assert next(calls) > 2  # it kept asking until the deadline


def test_eventually_builds_a_callable_message_only_when_it_fails():
    built = []

    def message():
        built.append(True)
        return "the job is still running"

    assert eventually(lambda: "done", timeout=1, message=message) == "done"
    assert built == []
    with pytest.raises(AssertionError, match="^the job is still running within 0 s"):
        eventually(lambda: None, timeout=0, message=message)


def test_eventually_lets_an_error_of_the_check_through_at_once():
    def check():
        raise RuntimeError("the server exited")

    with pytest.raises(RuntimeError, match="the server exited"):
        eventually(check, timeout=30)
