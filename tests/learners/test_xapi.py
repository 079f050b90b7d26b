"""Learning records: xAPI statements through the outbox to a learning record store (LRS).

The store is tests/learners/fake_lrs.py, a real HTTP server on 127.0.0.1 that records what it
receives. Events are driven through the real services; sending is run in this thread (fixture
`sends`), so the tests read the same in the SQLite run (eager Celery) and the integration run.
"""

import base64
import json
import re
import socket
import uuid
from datetime import datetime, timedelta

import pytest

from django.utils import timezone

from elearning.accounts.services import account_erase
from elearning.learners import services, tasks, xapi
from elearning.learners.models import (
    Enrolment,
    ModuleProgress,
    XapiStatement,
)
from tests.factories import EnrolmentFactory, ModuleProgressFactory, UserFactory
from tests.waiting import eventually

from .helpers import answer, check_ids

ROOT = "http://leerplatform.test"  # XAPI_ACTIVITY_IRI of settings/test.py, less its "xapi/"
VERB = "http://adlnet.gov/expapi/verbs/"
ACTIVITY_TYPE = "http://adlnet.gov/expapi/activities/"


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def other_modules_completed(learner, course_tree):
    """The course's watch modules completed without a statement (written straight to the
    database), so that passing the knowledge check completes the course."""
    now = timezone.now()
    enrolment = EnrolmentFactory(
        user=learner, course_key=course_tree["course"].translation_key, started_at=now
    )
    for role in ("watch", "both"):
        ModuleProgressFactory(
            enrolment=enrolment, module_key=course_tree[role].translation_key, completed=True
        )


def pass_the_check(learner, check):
    for block_id in check_ids(check):
        services.knowledge_check_answer(user=learner, module=check, block_id=block_id, choice=0)


def started_statement(learner, course_tree, committed):
    """One statement in the outbox (module started), not sent yet."""
    with committed():
        services.progress_record_view(user=learner, module_id=course_tree["check"].pk)
    return XapiStatement.objects.get()


def activity_id(kind, page):
    return f"{ROOT}/xapi/activities/{kind}/{page.translation_key}"


def parsed_timestamp(statement):
    return datetime.fromisoformat(statement["timestamp"].replace("Z", "+00:00"))


def to_the_millisecond(at):
    return at.replace(microsecond=at.microsecond // 1000 * 1000)


# --- Off by default ------------------------------------------------------------------------


def test_off_by_default_nothing_is_written_or_sent(
    client, learner, course_tree, fake_lrs, sends, committed, settings
):
    assert settings.XAPI_LRS_ENDPOINT == ""
    client.force_login(learner)
    with committed():
        response = client.get(course_tree["extra"].url)  # a "viewed" module: started, completed

    assert response.status_code == 200
    assert ModuleProgress.objects.get(user=learner).status == "completed"
    assert not XapiStatement.objects.exists()
    assert sends == []
    assert fake_lrs.requests == []


# --- What is sent --------------------------------------------------------------------------


def check_taken_after_an_hour(learner, check, committed):
    """The learner opens the knowledge check, spends 1 h 2 min 3 s on it and passes it."""
    with committed():
        services.progress_record_view(user=learner, module_id=check.pk)
    ModuleProgress.objects.filter(user=learner, module_key=check.translation_key).update(
        seconds_spent=3723
    )
    with committed():
        pass_the_check(learner, check)


def test_each_event_sends_one_xapi_statement(lrs, learner, course_tree, sends, committed):
    check, course = course_tree["check"], course_tree["course"]
    other_modules_completed(learner, course_tree)
    check_taken_after_an_hour(learner, check, committed)

    statements = lrs.statements()
    assert [(s["verb"]["id"], s["object"]["id"]) for s in statements] == [
        (VERB + "attempted", activity_id("module", check)),
        (VERB + "passed", activity_id("module", check)),
        (VERB + "completed", activity_id("module", check)),
        (VERB + "completed", activity_id("course", course)),
    ]
    assert XapiStatement.objects.filter(sent_at__isnull=False).count() == 4
    assert not XapiStatement.objects.filter(sent_at__isnull=True).exists()
    started, passed, module_completed, course_completed = statements

    for statement in statements:
        assert uuid.UUID(statement["id"]).version == 4
        assert statement["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": ROOT, "name": xapi.xapi_actor_name(learner.pk)},
        }
        assert re.fullmatch(r"[0-9a-f]{32}", statement["actor"]["account"]["name"])
        assert statement["verb"]["display"] == {"en-US": statement["verb"]["id"].rsplit("/")[-1]}
        assert statement["object"]["objectType"] == "Activity"
        assert statement["context"]["language"] == "nl"
        assert isinstance(statement["context"]["platform"], str)
        assert parsed_timestamp(statement).utcoffset() == timedelta(0)
        assert "version" not in statement  # the spec asks providers to leave it to the store

    check_activity = {
        "objectType": "Activity",
        "id": activity_id("module", check),
        "definition": {"type": ACTIVITY_TYPE + "module", "name": {"nl": "Toetsen"}},
    }
    course_activity = {
        "objectType": "Activity",
        "id": activity_id("course", course),
        "definition": {"type": ACTIVITY_TYPE + "course", "name": {"nl": "Partnergeweld herkennen"}},
    }
    for statement in (started, passed, module_completed):
        assert statement["object"] == check_activity
        assert statement["context"]["contextActivities"] == {"parent": [course_activity]}
    assert course_completed["object"] == course_activity
    assert "contextActivities" not in course_completed["context"]

    assert "result" not in started
    assert passed["result"] == {
        "score": {"scaled": 1.0, "raw": 100, "min": 0, "max": 100},
        "success": True,
    }
    assert module_completed["result"] == {"completion": True, "duration": "PT1H2M3S"}
    assert course_completed["result"] == {"completion": True}

    progress = ModuleProgress.objects.get(user=learner, module_key=check.translation_key)
    assert parsed_timestamp(started) == to_the_millisecond(progress.first_activity_at)
    assert parsed_timestamp(module_completed) == to_the_millisecond(progress.completed_at)
    enrolment = Enrolment.objects.get(user=learner)
    assert parsed_timestamp(course_completed) == to_the_millisecond(enrolment.completed_at)


def test_statements_name_the_learner_nowhere(lrs, learner, course_tree, sends, committed):
    other_modules_completed(learner, course_tree)
    with committed():
        pass_the_check(learner, course_tree["check"])

    sent = json.dumps(lrs.statements()) + json.dumps(
        list(XapiStatement.objects.values_list("payload", flat=True))
    )
    assert len(lrs.statements()) == 4
    for personal in (learner.email, "leerling", learner.first_name, learner.last_name):
        assert personal not in sent
    assert "mbox" not in sent


def test_statements_go_by_put_with_the_version_header_and_basic_auth(
    lrs, learner, course_tree, sends, committed
):
    statement = started_statement(learner, course_tree, committed)

    [request] = lrs.requests
    assert request.method == "PUT"
    assert request.path == "/xapi/statements"
    assert request.query == {"statementId": str(statement.statement_id)}
    assert request.body["id"] == str(statement.statement_id)
    assert request.headers["X-Experience-API-Version"] == "1.0.3"
    assert request.headers["Content-Type"] == "application/json"
    credentials = base64.b64encode(b"leerplatform:lrs-secret").decode()
    assert request.headers["Authorization"] == f"Basic {credentials}"


def test_activity_names_come_in_every_language_and_the_learner_s_language_is_stated(
    lrs, library_tree, sends, committed
):
    learner = UserFactory(preferred_language="fr")
    module = library_tree["pages"]["module"]
    translations = library_tree["translations"]
    with committed():
        services.progress_record_view(user=learner, module_id=module.pk)

    statement = lrs.statements()[0]
    assert statement["object"]["definition"]["name"] == {
        "nl": "Signalen",
        "fr": translations[("module", "fr")].title,
        "en": translations[("module", "en")].title,
    }
    [course] = statement["context"]["contextActivities"]["parent"]
    assert course["definition"]["name"]["fr"] == translations[("course", "fr")].title
    assert statement["context"]["language"] == "fr"
    # The same activity, whichever language the learner takes it in.
    assert statement["object"]["id"] == activity_id("module", translations[("module", "fr")])


def test_the_statement_is_sent_only_after_the_commit(
    lrs, learner, course_tree, monkeypatch, django_capture_on_commit_callbacks
):
    enqueued = []
    monkeypatch.setattr(tasks.xapi_statement_send, "delay", enqueued.append)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.progress_record_view(user=learner, module_id=course_tree["check"].pk)
    statement = XapiStatement.objects.get()
    assert enqueued == []  # nothing leaves before the progress is committed
    for callback in callbacks:
        callback()
    assert enqueued == [statement.pk]
    assert lrs.requests == []


def test_durations_and_timestamps_in_iso_8601():
    assert xapi.xapi_duration(0) == "PT0S"
    assert xapi.xapi_duration(59) == "PT59S"
    assert xapi.xapi_duration(3600) == "PT1H"
    assert xapi.xapi_duration(3723) == "PT1H2M3S"
    at = datetime.fromisoformat("2025-03-05T14:30:00.5+01:00")
    assert xapi.xapi_timestamp(at) == "2025-03-05T13:30:00.500Z"


# --- Retry ---------------------------------------------------------------------------------


def test_a_store_that_fails_twice_gets_the_statement_on_the_third_attempt(
    lrs, learner, course_tree, committed, monkeypatch
):
    monkeypatch.setattr(tasks.xapi_statement_send, "delay", lambda statement_pk: None)
    statement = started_statement(learner, course_tree, committed)
    lrs.answer(503, 503)

    for attempt in (1, 2):
        with pytest.raises(xapi.XapiDeliveryFailed):
            xapi.xapi_statement_deliver(statement_pk=statement.pk)
        statement.refresh_from_db()
        assert statement.sent_at is None
        assert statement.attempts == attempt
        assert statement.last_error.startswith("HTTP 503")
        assert statement.next_attempt_at > timezone.now()
    xapi.xapi_statement_deliver(statement_pk=statement.pk)

    statement.refresh_from_db()
    assert statement.sent_at is not None
    assert statement.attempts == 2
    assert statement.last_error == ""
    assert [request.query["statementId"] for request in lrs.requests] == [
        str(statement.statement_id)
    ] * 3
    assert len({json.dumps(body, sort_keys=True) for body in lrs.statements()}) == 1
    xapi.xapi_statement_deliver(statement_pk=statement.pk)  # sent: skipped
    assert len(lrs.requests) == 3


def test_the_backoff_doubles_up_to_an_hour(lrs, learner, course_tree, committed, monkeypatch):
    monkeypatch.setattr(tasks.xapi_statement_send, "delay", lambda statement_pk: None)
    statement = started_statement(learner, course_tree, committed)
    lrs.answer(*[500] * 9)
    delays = []
    for _attempt in range(9):
        before = timezone.now()
        with pytest.raises(xapi.XapiDeliveryFailed):
            xapi.xapi_statement_deliver(statement_pk=statement.pk)
        statement.refresh_from_db()
        delays.append(round((statement.next_attempt_at - before).total_seconds() / 60))
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_409_means_the_store_already_has_it(lrs, learner, course_tree, committed, monkeypatch):
    monkeypatch.setattr(tasks.xapi_statement_send, "delay", lambda statement_pk: None)
    statement = started_statement(learner, course_tree, committed)
    lrs.answer(409)

    xapi.xapi_statement_deliver(statement_pk=statement.pk)

    statement.refresh_from_db()
    assert statement.sent_at is not None
    assert statement.attempts == 0
    assert len(lrs.requests) == 1


def test_a_refused_connection_is_recorded_as_an_error(
    lrs, learner, course_tree, committed, monkeypatch, settings
):
    monkeypatch.setattr(tasks.xapi_statement_send, "delay", lambda statement_pk: None)
    statement = started_statement(learner, course_tree, committed)
    settings.XAPI_LRS_ENDPOINT = f"http://127.0.0.1:{closed_port()}/xapi/"

    with pytest.raises(xapi.XapiDeliveryFailed):
        xapi.xapi_statement_deliver(statement_pk=statement.pk)

    statement.refresh_from_db()
    assert (statement.sent_at, statement.attempts) == (None, 1)
    assert statement.last_error == "ConnectionError"
    assert "lrs-secret" not in statement.last_error


def test_a_store_that_does_not_answer_in_time_is_an_error(
    lrs, learner, course_tree, committed, monkeypatch
):
    monkeypatch.setattr(tasks.xapi_statement_send, "delay", lambda statement_pk: None)
    monkeypatch.setattr(xapi, "LRS_TIMEOUT_SECONDS", 0.2)
    statement = started_statement(learner, course_tree, committed)
    lrs.delay = 1

    with pytest.raises(xapi.XapiDeliveryFailed):
        xapi.xapi_statement_deliver(statement_pk=statement.pk)

    statement.refresh_from_db()
    assert (statement.sent_at, statement.attempts) == (None, 1)
    assert statement.last_error == "ReadTimeout"


def test_the_task_leaves_retrying_to_celery_in_a_worker_and_to_the_sweep_when_eager(
    lrs, learner, course_tree, committed, monkeypatch
):
    monkeypatch.setattr(tasks.xapi_statement_send, "delay", lambda statement_pk: None)
    statement = started_statement(learner, course_tree, committed)
    lrs.answer(*[503] * 20)

    # Eager (no broker, and tests): one attempt, no loop of retries, nothing raised.
    result = tasks.xapi_statement_send.apply(args=[statement.pk])
    assert result.successful()
    assert len(lrs.requests) == 1
    # In a worker the failure reaches Celery, whose autoretry resends with backoff.
    with pytest.raises(xapi.XapiDeliveryFailed):
        tasks.xapi_statement_send(statement.pk)
    task = tasks.xapi_statement_send
    assert task.autoretry_for == (xapi.XapiDeliveryFailed,)
    assert (task.retry_backoff, task.retry_backoff_max, task.max_retries) == (True, 3600, 10)
    statement.refresh_from_db()
    assert statement.attempts == 2


def test_the_sweep_sends_only_due_statements(lrs, learner, course_tree, sends, committed):
    with committed():  # three statements: started "check", started and completed "extra"
        services.progress_record_view(user=learner, module_id=course_tree["check"].pk)
        services.progress_record_view(user=learner, module_id=course_tree["extra"].pk)
    assert XapiStatement.objects.filter(sent_at__isnull=False).count() == 3
    due, later, sent = XapiStatement.objects.order_by("pk")
    now = timezone.now()
    XapiStatement.objects.filter(pk=due.pk).update(
        sent_at=None, next_attempt_at=now - timedelta(minutes=1)
    )
    XapiStatement.objects.filter(pk=later.pk).update(
        sent_at=None, next_attempt_at=now + timedelta(minutes=1)
    )
    XapiStatement.objects.filter(pk=sent.pk).update(next_attempt_at=now - timedelta(minutes=1))
    lrs.requests.clear()
    sends.clear()

    assert tasks.xapi_outbox_sweep.apply().get() == 1

    assert sends == [due.pk]
    assert [request.query["statementId"] for request in lrs.requests] == [str(due.statement_id)]
    assert XapiStatement.objects.filter(sent_at__isnull=True).get() == later


def test_the_sweep_sends_nothing_once_xapi_is_turned_off(
    lrs, learner, course_tree, committed, monkeypatch, settings
):
    monkeypatch.setattr(tasks.xapi_statement_send, "delay", lambda statement_pk: None)
    statement = started_statement(learner, course_tree, committed)
    XapiStatement.objects.update(next_attempt_at=timezone.now() - timedelta(hours=1))
    settings.XAPI_LRS_ENDPOINT = ""

    assert tasks.xapi_outbox_sweep.apply().get() == 0
    xapi.xapi_statement_deliver(statement_pk=statement.pk)

    assert lrs.requests == []
    statement.refresh_from_db()
    assert statement.sent_at is None  # kept, for when the store is back


def test_the_sweep_takes_at_most_a_batch_oldest_first(lrs, learner, course_tree, sends, committed):
    with committed():
        services.progress_record_view(user=learner, module_id=course_tree["check"].pk)
        services.progress_record_view(user=learner, module_id=course_tree["extra"].pk)
    rows = list(XapiStatement.objects.order_by("pk"))
    now = timezone.now()
    for minutes, row in zip((1, 3, 2), rows, strict=True):
        XapiStatement.objects.filter(pk=row.pk).update(
            sent_at=None, next_attempt_at=now - timedelta(minutes=minutes)
        )

    assert xapi.xapi_outbox_due(limit=2) == [rows[1].pk, rows[2].pk]


# --- The learner's request never fails because of the store ----------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("migrated_data_back_after_the_module")
def test_the_learner_s_requests_succeed_while_the_store_is_down(
    client, learner, course_tree, settings, celery_worker_real
):
    """Real commits: the send runs in the request after the commit (eager SQLite run) or in the
    worker (integration run); either way the learner's request succeeds and the row records the
    failure for the sweep."""
    settings.XAPI_LRS_ENDPOINT = f"http://127.0.0.1:{closed_port()}/xapi/"
    client.force_login(learner)
    check = course_tree["check"]

    assert client.get(course_tree["extra"].url).status_code == 200
    assert answer(client, check, check_ids(check)[0], 1).status_code == 302

    assert ModuleProgress.objects.filter(user=learner).count() == 2
    statements = wait_for_attempts(count=3, timeout=30)
    assert all(row.sent_at is None for row in statements)
    assert {row.last_error for row in statements} == {"ConnectionError"}


def wait_for_attempts(count, timeout):
    def recorded():
        rows = list(XapiStatement.objects.filter(attempts__gte=1))
        return rows if len(rows) == count else None

    return eventually(
        recorded, timeout=timeout, message=f"{count} failed attempts were not recorded"
    )


# --- Erasure ---------------------------------------------------------------------------------


def test_erasure_deletes_unsent_statements_and_unlinks_sent_ones(
    lrs, learner, other_learner, course_tree, committed, monkeypatch
):
    monkeypatch.setattr(tasks.xapi_statement_send, "delay", lambda statement_pk: None)
    with committed():
        services.progress_record_view(user=learner, module_id=course_tree["check"].pk)
        services.progress_record_view(user=learner, module_id=course_tree["watch"].pk)
        services.progress_record_view(user=other_learner, module_id=course_tree["check"].pk)
    sent = XapiStatement.objects.filter(user=learner).order_by("pk").first()
    xapi.xapi_statement_deliver(statement_pk=sent.pk)

    account_erase(user=learner)

    remaining = {row.pk: row.user_id for row in XapiStatement.objects.all()}
    others = XapiStatement.objects.get(user=other_learner)
    assert remaining == {sent.pk: None, others.pk: other_learner.pk}
