"""The sign-up engine: places, the waiting list, offers, substitutes, attendance.

Every change that moves a place happens inside a transaction that first locks the session row
(SELECT ... FOR UPDATE on PostgreSQL; SQLite runs every transaction as BEGIN IMMEDIATE, one
writer at a time, see settings/base.py), then counts. So two people can never take the last
place, and the waiting list's order is the order in which sign-ups got the lock.

Rules:
- A sign-up is confirmed while a place is free, else it joins the waiting list.
- Before the cancellation cut-off a freed place goes to the first person on the waiting list:
  at once when the session's offer_hours is 0, else as an offer held for that many hours,
  then passed on (offers_expire). After the cut-off the facilitator decides (signup_promote).
- One active sign-up per person per session (also a unique constraint in the database).
- A confirmed person may offer their place to a colleague of the same organisation, who
  accepts or declines it (handovers.py; the giver learns nothing about the colleague).
Each refusal raises SignUpRefused with a message for the person; nothing is changed then.
Messages (with calendar invites) leave after the commit, through notifications.py.

rules.py: who may do what; places.py: the engine; handovers.py: a place handed to a colleague;
facilitator.py: the facilitator's actions; feeds.py: the calendar feed's address;
reminders.py: the record of reminders sent (the sweep itself is emails.reminders_send).
"""

from .facilitator import (
    attendance_mark_all,
    session_cancel,
    session_changed,
    session_places_check,
    signup_promote,
)
from .feeds import feed_token_ensure, feed_token_reset
from .handovers import (
    HANDOVER_REQUESTS_MAX,
    handover_accept,
    handover_decline,
    handover_offer,
    handovers_expire,
)
from .places import (
    offers_expire,
    places_refill,
    signup_cancel,
    signup_create,
    signup_offer_accept,
    signups_release,
)
from .rules import SignUpRefused, prerequisites_missing, session_manageable_by, signup_problem

__all__ = [
    "HANDOVER_REQUESTS_MAX",
    "SignUpRefused",
    "attendance_mark_all",
    "feed_token_ensure",
    "feed_token_reset",
    "handover_accept",
    "handover_decline",
    "handover_offer",
    "handovers_expire",
    "offers_expire",
    "places_refill",
    "prerequisites_missing",
    "session_cancel",
    "session_changed",
    "session_manageable_by",
    "session_places_check",
    "signup_cancel",
    "signup_create",
    "signup_offer_accept",
    "signup_problem",
    "signup_promote",
    "signups_release",
]
