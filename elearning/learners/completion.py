"""The completion rule: what a learner still has to do before a module counts as completed.

Pure functions over a learner's `ModuleProgress` and the module's `ModuleFacts`: the services
decide completion with them, the module page lists what is missing with them, so the rule is
written once.
"""

import math
from dataclasses import dataclass

from django.utils import timezone

from .intervals import intervals_length


def _watched_percent(progress, facts):
    total = sum(duration for duration in facts.media_durations.values() if duration > 0)
    if not total:
        return 0
    watched = sum(
        min(intervals_length(progress.watched.get(str(media_id), [])), duration)
        for media_id, duration in facts.media_durations.items()
        if duration > 0
    )
    return 100 * watched / total


@dataclass(frozen=True)
class MissingRequirement:
    """One thing a learner still has to do before a module counts as completed."""

    TIME = "time"
    WATCHED = "watched"
    CHECK = "check"

    kind: str
    # TIME: seconds still to spend; WATCHED: the share to watch (%); CHECK: the score to reach (%)
    amount: int

    @property
    def minutes(self):
        """A time still to spend in whole minutes, rounded up (as the learner reads it)."""
        return math.ceil(self.amount / 60)


def spent_seconds_counted(*, progress, now):
    """The time spent that counts towards completion.

    The browser reports time in heartbeats, and a learner could send many at once. What counts
    is never more than the server's own clock has seen pass since the learner first opened the
    module, so a burst claiming half an hour completes nothing before half an hour has passed.
    """
    since_start = (now - progress.first_activity_at).total_seconds()
    return max(0, min(progress.seconds_spent, int(since_start)))


def module_completion_missing(*, progress, facts, now=None):
    """What the learner still has to do in the module, as `MissingRequirement`s (none: met).

    The editor's rule (viewed, watched, check passed, or both) and, in addition to it, the
    module's time requirement (`min_time_percent` of its duration; 0 is none).
    """
    missing = []
    if facts.rule.needs_media and _watched_percent(progress, facts) < facts.min_watched_percent:
        missing.append(MissingRequirement(MissingRequirement.WATCHED, facts.min_watched_percent))
    if facts.rule.needs_check and (progress.best_score_percent or 0) < facts.min_score_percent:
        missing.append(MissingRequirement(MissingRequirement.CHECK, facts.min_score_percent))
    spent = spent_seconds_counted(progress=progress, now=now or timezone.now())
    if facts.required_seconds > spent:
        missing.append(MissingRequirement(MissingRequirement.TIME, facts.required_seconds - spent))
    return missing


def module_completion_met(*, progress, facts, now=None):
    """Whether the module's rule, as the editor chose it, and its time requirement are met."""
    return not module_completion_missing(progress=progress, facts=facts, now=now)
