"""iCalendar for intervision: the invite that goes with every message, and the personal feed.

A session is one VEVENT, however many dates it has (an RRULE when they share an hour and a
length, else RDATEs: see _add_dates), because iTIP (RFC 5546) allows one UID per message and
calendar apps may keep only the first event of a message that holds several. The UID never
changes (the session's uuid at the site's host), so a calendar app updates or removes the
series it already holds instead of adding a second one; a date added, moved or removed is an
update of the same series. SEQUENCE only grows, so the newest invite wins in whatever order
messages arrive. A place not (yet) held is TENTATIVE and TRANSPARENT: it must not block the
person's agenda. The join link of an online session goes to confirmed participants only.
"""

from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from functools import reduce
from math import gcd
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vCalAddress

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from elearning.accounts.adapter import offered_language
from elearning.core.sites import site_root_url, site_url

from .models import ACTIVE_STATUSES, CalendarFeed, Mode, SignUp, SignUpStatus

PRODID = "-//Leerplatform//Intervision//EN"
# The calendar's name in the person's calendar list: neutral, like the mail subjects.
FEED_NAME = "Leerplatform"

PARTSTAT = {
    SignUpStatus.CONFIRMED: "ACCEPTED",
    SignUpStatus.WAITLISTED: "TENTATIVE",
    SignUpStatus.OFFERED: "TENTATIVE",
}


# --- Links ------------------------------------------------------------------------------------


def page_url(view_name, **kwargs):
    """Absolute address of a named view in the active language, or None while it does not exist."""
    try:
        return site_url(reverse(view_name, kwargs=kwargs or None))
    except NoReverseMatch:
        return None


def session_page_url(session):
    return page_url("intervision:session_detail", pk=session.pk)


def _site_host():
    """SITE_URL's host name: a UID stays the same for as long as the site's address does."""
    return urlsplit(site_root_url()).hostname


def series_uid(session, host=None):
    """The event's identity in every calendar, for every message about this session."""
    return f"{session.uid}@{host or _site_host()}"


# --- Events -----------------------------------------------------------------------------------


def invite_cancels(signup, *, cancel=False):
    """Whether the invite removes the events (METHOD:CANCEL) rather than adds or updates them."""
    return cancel or signup.session.is_cancelled or signup.status == SignUpStatus.CANCELLED


def _sequence(signup, earlier_signups):
    """The sign-up's SEQUENCE, above anything sent about the person's earlier sign-ups.

    The UID belongs to the meeting, so someone who cancels and signs up again gets a new
    SignUp whose own sequence starts at 0 again; without this offset their calendar would take
    the new invite for an outdated copy of the cancelled one and ignore it.
    """
    return signup.ical_sequence + sum(earlier.sequence + 1 for earlier in earlier_signups)


def _earlier_signups(signup):
    if signup.user_id is None:
        return []
    return SignUp.objects.filter(
        session_id=signup.session_id, user_id=signup.user_id, pk__lt=signup.pk
    ).only("sequence")


def join_url_for(signup, *, cancel=False):
    """The online room's link, for a confirmed place that still takes place; else ""."""
    session = signup.session
    # The waiting list, offers and cancelled places must not be able to walk in.
    if session.mode != Mode.ONLINE or invite_cancels(signup, cancel=cancel):
        return ""
    return session.join_url if signup.status == SignUpStatus.CONFIRMED else ""


def _description(signup, cancelled):
    parts = [signup.session.description.strip()]
    if join_url := join_url_for(signup, cancel=cancelled):
        parts.append(_("Join online: %(url)s") % {"url": join_url})
    return "\n\n".join(part for part in parts if part)


def _location(session):
    return session.get_mode_display() if session.mode == Mode.ONLINE else session.address


def _organizer():
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["CN"] = name or FEED_NAME
    return organizer


def _attendee(signup, cancelled):
    attendee = vCalAddress(f"mailto:{signup.user.email}")
    if signup.user.get_full_name():
        attendee.params["CN"] = signup.user.get_full_name()
    attendee.params["ROLE"] = "REQ-PARTICIPANT"
    attendee.params["PARTSTAT"] = "DECLINED" if cancelled else PARTSTAT[signup.status]
    # Nothing to answer: the place is managed on the site, not by replying to the invite.
    attendee.params["RSVP"] = "FALSE"
    return attendee


def _status_and_transparency(signup, cancelled):
    if cancelled:
        return "CANCELLED", "TRANSPARENT"
    if signup.status == SignUpStatus.CONFIRMED:
        return "CONFIRMED", "OPAQUE"
    return "TENTATIVE", "TRANSPARENT"


# At most this many days of a rule may be skipped (EXDATE) before the dates are sent as RDATEs.
MAX_SKIPPED = 60


def _rule(meetings):
    """(RRULE, skipped starts) when the dates fall on the days of a rule on the site's clock:
    same time of day and length, every date a whole number of steps from the first, the step
    being the largest such number of days (weeks when it is a whole number of weeks). The rule's
    days without a date are skipped (EXDATE). None for one date, or dates that fit no rule."""
    if len(meetings) < 2:
        return None
    starts = [timezone.localtime(meeting.starts_at) for meeting in meetings]
    length = meetings[0].ends_at - meetings[0].starts_at
    if any(meeting.ends_at - meeting.starts_at != length for meeting in meetings):
        return None
    if any(start.time() != starts[0].time() for start in starts):
        return None
    offsets = [(start.date() - starts[0].date()).days for start in starts]
    step = reduce(gcd, offsets[1:])
    if step < 1 or len(set(offsets)) < len(offsets):  # two dates on one day at the same hour
        return None
    count = offsets[-1] // step + 1
    taken = set(offsets)
    skipped = [
        timezone.make_aware(
            datetime.combine(starts[0].date() + timedelta(days=day), starts[0].time())
        )
        for day in range(0, offsets[-1] + 1, step)
        if day not in taken
    ]
    if len(skipped) > MAX_SKIPPED:
        return None
    if step % 7 == 0:
        return {"freq": "weekly", "interval": step // 7, "count": count}, skipped
    return {"freq": "daily", "interval": step, "count": count}, skipped


def _add_dates(event, meetings):
    """The session's dates on one event, the way most calendar apps read them.

    One date: DTSTART/DTEND in UTC. Dates at one hour and length (nearly every series): the
    first date on the site's clock (TZID, so a weekly series keeps its hour across a change to
    summer time), an RRULE every so many days or weeks, and an EXDATE for each of its days
    without a date (_rule); every calendar app follows these, while Outlook and Exchange ignore
    an RDATE without an RRULE ([MS-OXCICAL] 2.1.3.1.1.20.18) and would show the first date only.
    Other dates: the first as DTSTART/DTEND and the rest as RDATEs (periods when they last
    differently), which iTIP allows and Google, Apple and Thunderbird follow; the mail lists
    every date in words as well.
    """
    first, *others = meetings
    if found := _rule(meetings):
        rule, skipped = found
        event.add("dtstart", timezone.localtime(first.starts_at))
        event.add("dtend", timezone.localtime(first.ends_at))
        event.add("rrule", rule)
        if skipped:
            event.add("exdate", skipped)
        return
    event.add("dtstart", first.starts_at.astimezone(UTC))
    event.add("dtend", first.ends_at.astimezone(UTC))
    if not others:
        return
    length = first.ends_at - first.starts_at
    if all(other.ends_at - other.starts_at == length for other in others):
        event.add("rdate", [other.starts_at.astimezone(UTC) for other in others])
    else:
        periods = [
            (other.starts_at.astimezone(UTC), other.ends_at.astimezone(UTC)) for other in others
        ]
        event.add("rdate", periods, parameters={"VALUE": "PERIOD"})


def _event(signup, meetings, *, cancelled, sequence, host, now, attendee=True):
    session = signup.session
    status, transparency = _status_and_transparency(signup, cancelled)
    event = Event()
    event.add("uid", series_uid(session, host))
    event.add("sequence", sequence)
    event.add("dtstamp", now)
    _add_dates(event, meetings)
    event.add("summary", session.title)
    event.add("status", status)
    event.add("transp", transparency)
    if location := _location(session):
        event.add("location", location)
    if description := _description(signup, cancelled):
        event.add("description", description)
    if url := session_page_url(session):
        event.add("url", url)
    event.add("organizer", _organizer())
    if attendee and signup.user is not None:
        event.add("attendee", _attendee(signup, cancelled))
    return event


def _dates(session):
    # Sorted here rather than ordered in SQL: the feed prefetches the meetings.
    return sorted(session.meetings.all(), key=lambda meeting: (meeting.starts_at, meeting.pk))


def _signup_events(signup, meetings, *, cancelled, earlier_signups, host, now, attendee=True):
    """The sign-up's session, whose dates are `meetings` (_dates), as a list of one event (none
    while the session has no date)."""
    if not meetings:
        return []
    event = _event(
        signup,
        meetings,
        cancelled=cancelled,
        sequence=_sequence(signup, earlier_signups),
        host=host,
        now=now,
        attendee=attendee,
    )
    return [event]


def _calendar(method, events, series):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    for event in events:
        calendar.add_component(event)
    if span := _local_span(series):
        # The site's time zone as a VTIMEZONE, for the dates of the series only: from the
        # first date to the last, so it stays short and says nothing about other years.
        calendar.add_missing_timezones(first_date=span[0], last_date=span[1])
    return calendar


def _local_span(series):
    """(first day, day after the last) of the series (each a session's _dates) whose events
    repeat on the site's clock (an RRULE: see _add_dates), or None when none does."""
    days = []
    for meetings in series:
        if _rule(meetings):
            last = timezone.localdate(meetings[-1].starts_at) + timedelta(days=1)
            days += [timezone.localdate(meetings[0].starts_at), last]
    return (min(days), max(days)) if days else None


def _language_of(user):
    return offered_language(user.preferred_language if user is not None else None)


def signup_invite(signup, *, cancel=False) -> bytes:
    """The invite for one sign-up: every date of its session, REQUEST or CANCEL."""
    cancelled = invite_cancels(signup, cancel=cancel)
    meetings = _dates(signup.session)
    with translation.override(_language_of(signup.user)):
        events = _signup_events(
            signup,
            meetings,
            cancelled=cancelled,
            earlier_signups=_earlier_signups(signup),
            host=_site_host(),
            now=timezone.now().astimezone(UTC),
        )
    method = "CANCEL" if cancelled else "REQUEST"
    return _calendar(method, events, [meetings]).to_ical()


# --- The personal feed ------------------------------------------------------------------------


def _feed_signups(user):
    """The person's sign-ups that still count (each with its earlier ones of the same session)."""
    all_signups = list(
        SignUp.objects.filter(user=user)
        .select_related("session", "user")
        .prefetch_related("session__meetings")
        .order_by("pk")
    )
    for signup in all_signups:
        if signup.status in ACTIVE_STATUSES and not signup.session.is_cancelled:
            earlier = [
                other
                for other in all_signups
                if other.session_id == signup.session_id and other.pk < signup.pk
            ]
            yield signup, earlier


def personal_feed(user) -> bytes:
    """The person's active sign-ups as a subscribed calendar (same UIDs as the invites)."""
    host, now = _site_host(), timezone.now().astimezone(UTC)
    events, series = [], []
    with translation.override(_language_of(user)):
        for signup, earlier in _feed_signups(user):
            series.append(_dates(signup.session))
            # No ATTENDEE: the feed's address is a bearer link that calendar apps may share
            # or publish, so it names nobody (the invites by mail do).
            events += _signup_events(
                signup,
                series[-1],
                cancelled=False,
                earlier_signups=earlier,
                host=host,
                now=now,
                attendee=False,
            )
    calendar = _calendar("PUBLISH", events, series)
    calendar.add("x-wr-calname", FEED_NAME)
    # Calendar apps poll a feed; once an hour is often enough for dates and offers.
    calendar.add("x-published-ttl", "PT1H")
    return calendar.to_ical()


def feed_user(token):
    """The active person whose feed `token` opens, or None."""
    if not token or len(token) > CalendarFeed._meta.get_field("token").max_length:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    return feed.user if feed else None
