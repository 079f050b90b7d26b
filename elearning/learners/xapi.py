"""Learning records: xAPI 1.0.3 statements forwarded to an external learning record store (LRS).

Off unless `XAPI_LRS_ENDPOINT` is set; then each meaningful event of a learner's record (module
started, module completed, knowledge check passed, course completed; see signals.py) becomes one
statement. The receivers below build it and write it to the outbox (`XapiStatement`) inside the
service's transaction, so a statement exists exactly when its progress does; after the commit a
task PUTs it to the store (tasks.py), and a periodic sweep resends what the store did not take.
A PUT under the statement's own id is idempotent at the store, so a resend never duplicates.

Privacy: the actor is a pseudonym, never the email address or name. The statements leave the
platform for a system run by others, and for the reports it feeds (who completed what, across
municipalities) a stable id per learner is enough; the name would add nothing but risk for
people working on domestic violence. The pseudonym is an HMAC of the user's id under a key
derived from SECRET_KEY: stable for the same learner, not reversible without that key. Rotating
SECRET_KEY therefore gives every learner a new pseudonym at the store.

Ids: activities are `<XAPI_ACTIVITY_IRI>activities/<module|course>/<translation key>` and the
actor's account lives at the IRI's scheme and host (its homePage). Both stay when the site moves
to another address (SITE_URL): the store knows activities and learners by them.

Spec: https://github.com/adlnet/xAPI-Spec (xAPI-Data.md: Statement; xAPI-Communication.md:
Statement Resource, PUT with statementId). Verbs and activity types from the ADL vocabulary.
"""

import json
import logging
import uuid
from datetime import UTC, timedelta
from urllib.parse import urlsplit

import requests

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from wagtail.models import Page

from elearning.accounts.adapter import offered_language
from elearning.core.background import task_enqueue_on_commit

from .models import XapiStatement

logger = logging.getLogger(__name__)

XAPI_VERSION = "1.0.3"  # of the API (request header); statements carry none, as the spec asks
VERBS = {
    "attempted": "http://adlnet.gov/expapi/verbs/attempted",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
}
ACTIVITY_TYPES = {
    "module": "http://adlnet.gov/expapi/activities/module",
    "course": "http://adlnet.gov/expapi/activities/course",
}
LRS_TIMEOUT_SECONDS = 10
# A new statement is sent by its own task right after the commit; the sweep takes it only if
# that task never ran (broker down, worker lost), so the two rarely send the same row at once.
SWEEP_GRACE = timedelta(minutes=5)
SWEEP_BATCH = 500
# Backoff of the sweep: 1, 2, 4 ... minutes, then hourly for as long as the store is down.
# Never shorter than Celery's own retry countdown (at most 2**n s), so the sweep does not resend
# a row that a task is still retrying.
RETRY_FIRST_DELAY = timedelta(minutes=1)
RETRY_MAX_DELAY = timedelta(hours=1)


class XapiDeliveryFailed(Exception):
    """The store did not take the statement; the row records why and when to try again."""


# --- Building statements (pure functions) ---------------------------------------------------


def xapi_actor_name(user_pk):
    """The learner's pseudonym at the store: 32 hex characters of an HMAC-SHA256 of the user id."""
    digest = salted_hmac("elearning.learners.xapi.actor", str(user_pk), algorithm="sha256")
    return digest.hexdigest()[:32]


def xapi_duration(seconds):
    """Seconds as an ISO 8601 duration: 3723 -> "PT1H2M3S", 0 -> "PT0S"."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else ""]
    parts.append(f"{seconds}S" if seconds or not (hours or minutes) else "")
    return "PT" + "".join(parts)


def xapi_timestamp(at):
    """An aware datetime as ISO 8601 in UTC, to the millisecond: "2025-03-05T13:30:00.000Z"."""
    return at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def xapi_activity_iri():
    """XAPI_ACTIVITY_IRI, ending in "/": where every activity id begins."""
    return settings.XAPI_ACTIVITY_IRI.rstrip("/") + "/"


def xapi_home_page(iri):
    """The actor account's homePage: the IRI's scheme and host (SITE_URL by default)."""
    parts = urlsplit(iri)
    return f"{parts.scheme}://{parts.netloc}"


def xapi_activity(*, iri, kind, key, names):
    """A module or course as an Activity. The id is its translation key, the same in every
    language, so the store sees one activity however many languages learners took it in."""
    definition = {"type": ACTIVITY_TYPES[kind]}
    if names:
        definition["name"] = dict(sorted(names.items()))
    return {
        "objectType": "Activity",
        "id": f"{iri}activities/{kind}/{key}",
        "definition": definition,
    }


def xapi_statement_build(
    *, statement_id, home_page, actor_name, verb, activity, at, language, parent=None, result=None
):
    """The statement as JSON-ready data (no I/O: everything it states is passed in)."""
    context = {"platform": settings.WAGTAIL_SITE_NAME, "language": language}
    if parent is not None:
        context["contextActivities"] = {"parent": [parent]}
    statement = {
        "id": str(statement_id),
        "actor": {"objectType": "Agent", "account": {"homePage": home_page, "name": actor_name}},
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": activity,
        "context": context,
        "timestamp": xapi_timestamp(at),
    }
    if result is not None:
        statement["result"] = result
    return statement


# --- Writing the outbox (receivers of the record's signals) ----------------------------------


def _titles_by_language(keys):
    """{translation key: {language: title}} of the live pages, all languages in one query."""
    titles = {}
    rows = Page.objects.live().filter(translation_key__in=keys)
    for key, language, title in rows.values_list(
        "translation_key", "locale__language_code", "title"
    ):
        titles.setdefault(key, {})[language] = title
    return titles


def xapi_outbox_add(*, user, verb, kind, key, at, course_key=None, result=None):
    """Queue one statement about `user` for the store; nothing while xAPI is off.

    Called inside the service's transaction: the row commits (or not) with the progress, and the
    task that sends it is enqueued only after the commit.
    """
    if not settings.XAPI_LRS_ENDPOINT:
        return None
    iri = xapi_activity_iri()
    titles = _titles_by_language([key] + ([course_key] if course_key else []))
    parent = None
    if course_key is not None:
        names = titles.get(course_key)
        parent = xapi_activity(iri=iri, kind="course", key=course_key, names=names)
    statement_id = uuid.uuid4()
    payload = xapi_statement_build(
        statement_id=statement_id,
        home_page=xapi_home_page(iri),
        actor_name=xapi_actor_name(user.pk),
        verb=verb,
        activity=xapi_activity(iri=iri, kind=kind, key=key, names=titles.get(key)),
        at=at,
        language=offered_language(user.preferred_language),
        parent=parent,
        result=result,
    )
    statement = XapiStatement.objects.create(
        statement_id=statement_id,
        user=user,
        verb=verb,
        payload=payload,
        next_attempt_at=timezone.now() + SWEEP_GRACE,
    )
    # robust: a broker that is down must not fail the learner's request; the sweep sends it.
    task_enqueue_on_commit("learners.xapi_statement_send", statement.pk)
    return statement


def _outbox_add_safely(**statement):
    """Record the statement, but never let it break the learner's progress that caused it.

    The learning record is what counts; the statement is a copy for others. A failure here is
    logged and rolled back to a savepoint, so the progress still commits.
    """
    try:
        with transaction.atomic():
            xapi_outbox_add(**statement)
    except Exception:
        logger.exception("xAPI statement not recorded: %s", statement.get("verb"))


def module_started_record(sender, *, user, at, progress, facts, **kwargs):
    _outbox_add_safely(
        user=user,
        verb="attempted",
        kind="module",
        key=facts.module_key,
        course_key=facts.course_key,
        at=at,
    )


def module_completed_record(sender, *, user, at, progress, facts, **kwargs):
    _outbox_add_safely(
        user=user,
        verb="completed",
        kind="module",
        key=facts.module_key,
        course_key=facts.course_key,
        at=at,
        result={"completion": True, "duration": xapi_duration(progress.seconds_spent)},
    )


def knowledge_check_passed_record(sender, *, user, at, progress, facts, score, **kwargs):
    _outbox_add_safely(
        user=user,
        verb="passed",
        kind="module",
        key=facts.module_key,
        course_key=facts.course_key,
        at=at,
        result={
            "score": {"scaled": score / 100, "raw": score, "min": 0, "max": 100},
            "success": True,
        },
    )


def course_completed_record(sender, *, user, at, enrolment, **kwargs):
    _outbox_add_safely(
        user=user,
        verb="completed",
        kind="course",
        key=enrolment.course_key,
        at=at,
        result={"completion": True},
    )


# --- Sending ---------------------------------------------------------------------------------


def _retry_delay(attempts):
    return min(RETRY_MAX_DELAY, RETRY_FIRST_DELAY * 2 ** (attempts - 1))


def _failure_record(statement, error):
    """Count the failed attempt on the row and say when to try again; the error to raise."""
    attempts = statement.attempts + 1
    # Only an unsent row: a parallel send may have got through meanwhile.
    XapiStatement.objects.filter(pk=statement.pk, sent_at__isnull=True).update(
        attempts=attempts,
        last_error=error[:500],
        next_attempt_at=timezone.now() + _retry_delay(attempts),
    )
    return XapiDeliveryFailed(f"xAPI statement {statement.statement_id}: {error}")


def _lrs_put(statement):
    username = settings.XAPI_LRS_USERNAME
    return requests.put(
        settings.XAPI_LRS_ENDPOINT.rstrip("/") + "/statements",
        params={"statementId": str(statement.statement_id)},
        data=json.dumps(statement.payload),
        headers={"X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json"},
        auth=(username, settings.XAPI_LRS_PASSWORD) if username else None,
        timeout=LRS_TIMEOUT_SECONDS,
        # The credentials and the statement go to the configured address and nowhere else.
        allow_redirects=False,
    )


def xapi_statement_deliver(*, statement_pk):
    """PUT the statement to the store under its own id; mark it sent once the store has it.

    Not one transaction: the PUT must not hold one open while the store answers (up to the
    timeout). Each write is a single guarded UPDATE, atomic on its own.

    204/200: stored. 409: the store already holds a statement with this id (an earlier attempt
    got through but its answer was lost), so there is nothing left to send. Anything else (other
    status, timeout, refused connection) is a failed attempt: the row records the error and its
    next attempt, and `XapiDeliveryFailed` is raised so the task retries. A row already sent or
    gone is left alone; while xAPI is off, unsent rows wait.
    """
    statement = XapiStatement.objects.filter(pk=statement_pk).first()
    if statement is None or statement.sent_at is not None or not settings.XAPI_LRS_ENDPOINT:
        return statement
    try:
        response = _lrs_put(statement)
    except requests.RequestException as error:
        # The class name only: the message repeats the address and adds little.
        raise _failure_record(statement, type(error).__name__) from error
    if response.status_code not in (200, 204, 409):
        raise _failure_record(statement, f"HTTP {response.status_code}: {response.text[:200]}")
    statement.sent_at, statement.last_error = timezone.now(), ""
    XapiStatement.objects.filter(pk=statement.pk, sent_at__isnull=True).update(
        sent_at=statement.sent_at, last_error=""
    )
    return statement


def xapi_outbox_due(*, limit=SWEEP_BATCH):
    """Primary keys of unsent statements whose next attempt is due, oldest due first."""
    if not settings.XAPI_LRS_ENDPOINT:
        return []
    return list(
        XapiStatement.objects.filter(sent_at__isnull=True, next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


# --- Erasure ---------------------------------------------------------------------------------


@transaction.atomic
def xapi_outbox_forget(*, user):
    """Before an account is erased: unsent statements about the learner are deleted (they never
    leave), sent ones stay as the record of what the store received, without the link."""
    XapiStatement.objects.filter(user=user, sent_at__isnull=True).delete()
    XapiStatement.objects.filter(user=user).update(user=None)


def user_pre_delete_forget(sender, instance, **kwargs):
    xapi_outbox_forget(user=instance)
