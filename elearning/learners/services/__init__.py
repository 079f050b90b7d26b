"""Progress rules: recording what a learner did, deciding completion, issuing attests."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from elearning.core.background import task_enqueue_on_commit

from ..attests import attest_name_fields
from ..completion import module_completion_met
from ..events import DURATION_TOLERANCE_SECONDS, EventRejected
from ..facts import course_required_module_keys, module_facts
from ..intervals import intervals_merge
from ..models import Enrolment, ModuleProgress, ProgressEvent, ProgressStatus, QuizAttempt
from ..rows import fields_write, progress_rows_locked
from ..signals import course_completed, knowledge_check_passed, module_completed, module_started

# Time spent may run ahead of the server's clock by this much: the first heartbeat can arrive
# before the page view that opened the record, and browsers measure time their own way.
SPENT_TIME_GRACE = timedelta(minutes=5)
# Opening a module again within a minute does not rewrite its last activity.
VIEW_ACTIVITY_RESOLUTION = timedelta(minutes=1)
# What a batch of heartbeats changes on a module's progress row.
HEARTBEAT_FIELDS = (
    "seconds_spent",
    "last_activity_at",
    "watched",
    "last_position_seconds",
    "last_media_id",
    "last_position_at",
)


@dataclass(frozen=True)
class EventsOutcome:
    accepted: int
    duplicates: int
    completed_modules: tuple = ()


def _progress_locked(*, user, facts, now):
    """The learner's progress row for the module, locked; created (with the enrolment) if new."""
    progress = (
        ModuleProgress.objects.select_for_update()
        .filter(user=user, module_key=facts.module_key)
        .first()
    )
    if progress is not None:
        return progress
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user,
        course_key=facts.course_key,
        defaults={
            "started_at": now,
            "municipality_id": user.municipality_id,
            "sector_id": user.sector_id,
        },
    )
    try:
        with transaction.atomic():
            progress = ModuleProgress.objects.create(
                user=user,
                enrolment=enrolment,
                module_key=facts.module_key,
                status=ProgressStatus.IN_PROGRESS,
                first_activity_at=now,
                last_activity_at=now,
            )
    except IntegrityError:  # created meanwhile by a parallel request of the same learner
        return ModuleProgress.objects.select_for_update().get(
            user=user, module_key=facts.module_key
        )
    module_started.send(ModuleProgress, user=user, at=now, progress=progress, facts=facts)
    return progress


def _complete_if_met(*, progress, facts, now):
    """Mark the module (and, when it was the last one, the course) completed. True if newly."""
    if progress.status == ProgressStatus.COMPLETED:
        return False
    if not module_completion_met(progress=progress, facts=facts, now=now):
        return False
    progress.status = ProgressStatus.COMPLETED
    progress.completed_at = now
    progress.save(update_fields=["status", "completed_at"])
    module_completed.send(
        ModuleProgress, user=progress.user, at=now, progress=progress, facts=facts
    )
    course_completion_refresh(enrolment=progress.enrolment, now=now)
    return True


def course_completion_refresh(*, enrolment, now=None):
    """Complete the enrolment once every required module of the course is completed."""
    if enrolment.completed_at or enrolment.user_id is None:
        return False
    required = course_required_module_keys(enrolment.course_key)
    if not required:
        return False
    completed = set(
        ModuleProgress.objects.filter(
            user_id=enrolment.user_id,
            module_key__in=required,
            status=ProgressStatus.COMPLETED,
        ).values_list("module_key", flat=True)
    )
    if completed != set(required):
        return False
    enrolment.completed_at = now or timezone.now()
    enrolment.save(update_fields=["completed_at"])
    course_completed.send(
        Enrolment, user=enrolment.user, at=enrolment.completed_at, enrolment=enrolment
    )
    # robust: a broker that is down must not fail the learner's request; the sweep catches up.
    task_enqueue_on_commit("learners.attest_issue", enrolment.pk)
    return True


def progress_record_view(*, user, module_id):
    """A signed-in learner opened a module: the record starts (or its last activity moves).

    Opening a module is the most frequent thing learners do, so a known record is read without a
    lock and its last activity moved by one UPDATE, at most once per minute; the locked path runs
    only when a record starts or the view itself completes the module (the "viewed" rule).
    """
    facts = module_facts([module_id]).get(module_id)
    if facts is None:
        return None
    now = timezone.now()
    progress = ModuleProgress.objects.filter(user=user, module_key=facts.module_key).first()
    if progress is not None and (
        progress.status == ProgressStatus.COMPLETED
        or not module_completion_met(progress=progress, facts=facts, now=now)
    ):
        if now - progress.last_activity_at >= VIEW_ACTIVITY_RESOLUTION:
            ModuleProgress.objects.filter(pk=progress.pk).update(last_activity_at=now)
            progress.last_activity_at = now
        return progress
    with transaction.atomic():
        progress = _progress_locked(user=user, facts=facts, now=now)
        _complete_if_met(progress=progress, facts=facts, now=now)
    return progress


def _check_media(event, facts):
    if event.media is None:
        return
    if event.media not in facts.media_durations:
        raise EventRejected(_("This video or audio is not part of the module."), event_id=event.id)
    duration = facts.media_durations[event.media]
    if not duration:
        raise EventRejected(
            _("The length of this video or audio is not known yet; progress cannot be counted."),
            event_id=event.id,
            status=409,
        )
    limit = duration + DURATION_TOLERANCE_SECONDS
    if any(end > limit for _start, end in event.intervals) or (event.position or 0) > limit:
        raise EventRejected(
            _("An interval or position lies beyond the end of the video or audio."),
            event_id=event.id,
        )


def _apply_event(progress, event, now):
    progress.seconds_spent += round(event.elapsed)
    progress.last_activity_at = now
    if event.intervals:
        key = str(event.media)
        progress.watched[key] = intervals_merge(progress.watched.get(key, []), event.intervals)
    # Out-of-order delivery: the position of the latest event (by the browser's clock) wins.
    if event.position is not None and (
        progress.last_position_at is None or event.at >= progress.last_position_at
    ):
        progress.last_position_seconds = event.position
        progress.last_media_id = event.media
        progress.last_position_at = event.at


def progress_record_events(*, user, events):
    """Apply a batch of heartbeat events from the player, all or nothing.

    Idempotent: an event id the learner sent before is skipped, so a batch resent after a lost
    answer counts once. Events may arrive in any order: intervals merge into a union and the
    position follows the browser's clock. Implausible input raises `EventRejected` before any
    write: a module that is not live, media not in the module, intervals beyond the media's end,
    or more time spent than has passed since the learner started.
    """
    facts_by_id = module_facts({event.module for event in events})
    for event in events:
        facts = facts_by_id.get(event.module)
        if facts is None:
            # 400, not 404: LocaleMiddleware would turn a 404 into a redirect to /nl/api/...
            raise EventRejected(_("Unknown module."), event_id=event.id)
        _check_media(event, facts)
    return _events_apply(user=user, events=events, facts_by_id=facts_by_id)


def _events_claim(*, user, events, facts_by_id, now):
    """Record the batch's event ids; return those the learner had not sent before.

    One statement, INSERT ... ON CONFLICT DO NOTHING RETURNING (PostgreSQL, SQLite 3.35+): the
    unique constraint itself sorts out resent ids, also when a parallel request inserts the same
    id at the same moment (PostgreSQL makes the second wait for the first).
    """
    unique = {event.id: event for event in events}.values()
    meta = ProgressEvent._meta
    connection = connections[ProgressEvent.objects.db]
    quote = connection.ops.quote_name
    key_field, received_field = meta.get_field("module_key"), meta.get_field("received_at")
    columns = ", ".join(
        quote(meta.get_field(name).column)
        for name in ("user", "client_event_id", "module_key", "received_at")
    )
    received = received_field.get_db_prep_value(now, connection)
    params = []
    for event in unique:
        module_key = key_field.get_db_prep_value(facts_by_id[event.module].module_key, connection)
        params += [user.pk, event.id, module_key, received]
    # Identifiers come from the model and are quoted; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES "  # noqa: S608
        + ", ".join(["(%s, %s, %s, %s)"] * len(unique))
        + f" ON CONFLICT ({quote('user_id')}, {quote('client_event_id')}) DO NOTHING"
        + f" RETURNING {quote('client_event_id')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


@transaction.atomic
def _events_apply(*, user, events, facts_by_id):
    now = timezone.now()
    # The learner's progress rows are locked first, in one order, so that a parallel request
    # carrying the same events waits here and then finds them recorded.
    modules = sorted({event.module for event in events})
    existing = progress_rows_locked(
        user=user, module_keys={facts_by_id[module].module_key for module in modules}
    )
    progress_by_module = {}
    for module in modules:
        facts = facts_by_id[module]
        progress = existing.get(facts.module_key)
        if progress is None:  # the learner's first event for this module
            progress = _progress_locked(user=user, facts=facts, now=now)
        progress_by_module[module] = progress
    claimed = _events_claim(user=user, events=events, facts_by_id=facts_by_id, now=now)
    fresh = [
        event for event in {event.id: event for event in events}.values() if event.id in claimed
    ]
    if not fresh:
        return EventsOutcome(accepted=0, duplicates=len(events))

    completed = []
    for module_id, progress in progress_by_module.items():
        facts = facts_by_id[module_id]
        module_events = [event for event in fresh if event.module == module_id]
        if not module_events:
            continue
        for event in module_events:
            _apply_event(progress, event, now)
        if now - progress.first_activity_at + SPENT_TIME_GRACE < timedelta(
            seconds=progress.seconds_spent
        ):
            raise EventRejected(
                _("More time was reported than has passed since the module was started."),
                event_id=module_events[-1].id,
            )
        fields_write(progress, HEARTBEAT_FIELDS)
        if _complete_if_met(progress=progress, facts=facts, now=now):
            completed.append(module_id)
    return EventsOutcome(
        accepted=len(fresh),
        duplicates=len(events) - len(fresh),
        completed_modules=tuple(completed),
    )


@transaction.atomic
def knowledge_check_answer(*, user, module, block_id, choice):
    """Score a learner's answer on the server and record the attempt.

    The check is formative: the learner reads the feedback and may answer again. The module's
    score is the share of its questions whose latest answer is right; the best score reached is
    kept, and completion rules compare against it.
    """
    from courses.selectors import knowledge_check_feedback

    result = knowledge_check_feedback(
        module=module, params={"check": block_id, "answer": str(choice)}
    )
    if result is None:
        return None
    facts = module_facts([module.pk]).get(module.pk)
    if facts is None:
        return None
    now = timezone.now()
    progress = _progress_locked(user=user, facts=facts, now=now)
    QuizAttempt.objects.create(
        progress=progress, block_id=block_id, choice=result["choice"], correct=result["correct"]
    )
    progress.check_answers[block_id] = result["correct"]
    right = sum(1 for check_id in facts.check_ids if progress.check_answers.get(check_id))
    score = round(100 * right / len(facts.check_ids)) if facts.check_ids else 0
    passed_before = (progress.best_score_percent or 0) >= facts.min_score_percent
    progress.best_score_percent = max(progress.best_score_percent or 0, score)
    if score >= facts.min_score_percent and not passed_before:
        knowledge_check_passed.send(
            ModuleProgress, user=user, at=now, progress=progress, facts=facts, score=score
        )
    progress.last_activity_at = now
    progress.save(update_fields=["check_answers", "best_score_percent", "last_activity_at"])
    _complete_if_met(progress=progress, facts=facts, now=now)
    return {**result, "score": score}


@transaction.atomic
def progress_anonymise(*, user):
    """Before an account is erased: keep the learning record only as anonymous statistics.

    The rows keep the module, dates, time spent and status, and the municipality and sector
    recorded when the learner started; the link to the person, their answers and the idempotency
    keys go. Attests stay verifiable by their code, without the person: their PDF (which
    prints the name) is deleted, the name cleared; only its keyed hash stays, so someone who
    already knows the name can confirm it (attests.attest_name_matches).
    """
    from ..models import Attest

    attests = Attest.objects.filter(user=user)
    for attest in attests:
        attest_file_delete(attest=attest)
        if not attest.name_hash and attest.learner_name:
            for field, value in attest_name_fields(attest.learner_name).items():
                setattr(attest, field, value)
            attest.save(update_fields=["name_salt", "name_hash"])
    attests.update(user=None, learner_name="", pdf="")
    progress = ModuleProgress.objects.filter(user=user)
    QuizAttempt.objects.filter(progress__in=progress).delete()
    progress.update(user=None, check_answers={}, last_media_id=None, last_position_at=None)
    Enrolment.objects.filter(user=user).update(user=None)
    ProgressEvent.objects.filter(user=user).delete()


def attest_file_delete(*, attest):
    """Remove the attest's PDF from storage once the transaction holds (storage API only)."""
    if attest.pdf:
        name, storage = attest.pdf.name, attest.pdf.storage
        transaction.on_commit(lambda: storage.delete(name))
