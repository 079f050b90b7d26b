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
- A confirmed person may hand their place to a colleague of the same organisation.
Each refusal raises SignUpRefused with a message for the person; nothing is changed then.
Messages (with calendar invites) leave after the commit, through notifications.py.

rules.py: who may do what; places.py: the engine; facilitator.py: the facilitator's actions.
"""

from .facilitator import (
    attendance_mark,
    session_cancel,
    session_changed,
    session_places_check,
    signup_promote,
)
from .places import (
    offers_expire,
    places_refill,
    signup_cancel,
    signup_create,
    signup_offer_accept,
    signup_substitute,
    signups_release,
)
from .rules import SignUpRefused, prerequisites_missing, session_manageable_by, signup_problem

__all__ = [
    "SignUpRefused",
    "attendance_mark",
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
    "signup_substitute",
    "signups_release",
]
