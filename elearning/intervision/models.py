"""Intervision sessions (peer case discussion with a facilitator) and who takes part.

One sign-up is for one IntervisionSession; a session meets on one or more dates (a series is
one session with several meetings, so one sign-up covers every date). Places are counted and
handed out in services/places.py, under a lock on the session row.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class Mode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")


class IntervisionSession(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="nl"
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="intervision_sessions",
        help_text=_("The session is listed on this course's page."),
    )
    theme = models.ForeignKey(
        "courses.Theme", verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL
    )
    webinar = models.OneToOneField(
        "courses.WebinarPage",
        verbose_name=_("live webinar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registration",
        help_text=_("Registration for a live webinar: its join link goes to registered people."),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_sessions",
    )
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.ON_SITE)
    address = models.TextField(_("address"), blank=True)
    join_url = models.URLField(
        _("join link"), blank=True, help_text=_("Shown only to confirmed participants.")
    )
    min_places = models.PositiveSmallIntegerField(_("minimum places"), default=0)
    max_places = models.PositiveSmallIntegerField(
        _("maximum places"), null=True, blank=True, help_text=_("Empty: no limit (webinars).")
    )
    signup_opens_at = models.DateTimeField(_("sign-up opens"))
    signup_closes_at = models.DateTimeField(_("sign-up closes"))
    cancellation_cutoff_at = models.DateTimeField(
        _("cancellation cut-off"),
        help_text=_(
            "Until then a freed place goes to the waiting list by itself; after it, the "
            "facilitator decides."
        ),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept a freed place"),
        default=48,
        help_text=_("0: the first person on the waiting list gets the place at once."),
    )
    municipalities = models.ManyToManyField(
        "core.Municipality",
        verbose_name=_("open to municipalities"),
        blank=True,
        help_text=_("Empty: open to every municipality."),
    )
    sectors = models.ManyToManyField(
        "core.Sector",
        verbose_name=_("open to sectors"),
        blank=True,
        help_text=_("Empty: open to every sector."),
    )
    prerequisite_modules = models.ManyToManyField(
        "courses.ModulePage",
        verbose_name=_("modules to complete first"),
        blank=True,
        related_name="+",
    )
    confidentiality_text = models.TextField(
        _("confidentiality agreement"),
        blank=True,
        help_text=_("Participants accept this text when they sign up."),
    )
    never_recorded = models.BooleanField(_("never recorded"), default=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    # Raised on every change participants must hear of: calendars then update the event
    # instead of adding a second one (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("intervision session")
        verbose_name_plural = _("intervision sessions")
        ordering = ["signup_opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(signup_closes_at__gt=F("signup_opens_at")),
                name="intervision_signup_window",
                violation_error_message=_("Sign-up must close after it opens."),
            ),
            models.CheckConstraint(
                condition=Q(max_places__isnull=True) | Q(max_places__gte=F("min_places")),
                name="intervision_places",
                violation_error_message=_("The maximum cannot be below the minimum."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def first_start(self):
        first = self.meetings.order_by("starts_at").first()
        return first.starts_at if first else None


class Meeting(models.Model):
    """One date of a session (a series has several)."""

    session = ParentalKey(IntervisionSession, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="intervision_meeting_ends_after_start",
                violation_error_message=_("A date must end after it starts."),
            )
        ]

    def __str__(self):
        return f"{self.session} ({timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"


class SignUpStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Place offered")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    ATTENDED = "attended", _("Attended")
    PARTLY = "partly", _("Partly attended")
    NO_SHOW = "no_show", _("Did not come")


ACTIVE_STATUSES = (SignUpStatus.CONFIRMED, SignUpStatus.WAITLISTED, SignUpStatus.OFFERED)
HOLDING_STATUSES = (SignUpStatus.CONFIRMED, SignUpStatus.OFFERED)  # a place is taken


class SignUp(models.Model):
    session = models.ForeignKey(
        IntervisionSession, on_delete=models.CASCADE, related_name="signups"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,  # kept without the person for attendance statistics after erasure
        on_delete=models.SET_NULL,
        related_name="intervision_signups",
    )
    status = models.CharField(max_length=12, choices=SignUpStatus.choices)
    # The waiting list's order: the moment the sign-up got its turn under the session lock.
    queued_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    offered_until = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    confidentiality_accepted_at = models.DateTimeField(null=True, blank=True)
    attendance = models.CharField(max_length=8, choices=Attendance.choices, blank=True)
    substitute_for = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # How often the person asked to hand this place to a colleague, whatever address they typed
    # (the cap on handovers counts every request alike, so it tells nothing about colleagues).
    handover_requests = models.PositiveSmallIntegerField(default=0)
    # The person's own changes (promotion, cancellation) raise this; the invite's SEQUENCE is
    # the session's plus this, so it only ever grows.
    sequence = models.PositiveIntegerField(default=0)
    # Kept after erasure: who the place was for, in aggregate only.
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sector = models.ForeignKey(
        "core.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=["confirmed", "waitlisted", "offered"]),
                name="intervision_one_active_signup",
                violation_error_message=_("You are already signed up for this session."),
            )
        ]
        indexes = [
            models.Index(fields=["session", "status", "queued_at"], name="intervision_signup_queue")
        ]

    def __str__(self):
        return f"{self.user} – {self.session} ({self.get_status_display()})"

    @property
    def ical_sequence(self):
        return self.session.sequence + self.sequence


class HandoverStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    # Not accepted in time, replaced by a newer handover, or the place ended meanwhile.
    LAPSED = "lapsed", _("Lapsed")


class PlaceHandover(models.Model):
    """A confirmed person's place, offered to a colleague who accepts or declines it.

    The place stays the giver's until the colleague accepts (services/handovers.py). The row is
    the colleague's: it is in their data download and goes with their account.
    """

    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="handovers")
    colleague = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="intervision_handovers",
    )
    status = models.CharField(
        max_length=8, choices=HandoverStatus.choices, default=HandoverStatus.OPEN
    )
    created_at = models.DateTimeField()
    offered_until = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("place handover")
        verbose_name_plural = _("place handovers")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["signup"],
                condition=Q(status="open"),
                name="intervision_one_open_handover",
            ),
            models.CheckConstraint(
                condition=Q(offered_until__gt=F("created_at")),
                name="intervision_handover_until_after_created",
            ),
        ]

    def __str__(self):
        return f"{self.signup} → {self.colleague} ({self.get_status_display()})"


class Reminder(models.Model):
    """A reminder sent for one date to one participant; the unique pair makes it once only."""

    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="reminders")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    # The start the reminder announced: a date moved later is reminded again at its new time.
    starts_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["signup", "meeting", "starts_at"], name="intervision_one_reminder_per_start"
            )
        ]

    def __str__(self):
        return f"{self.signup} – {self.meeting}"


class CalendarFeed(models.Model):
    """A learner's personal iCalendar feed: the secret token is the only key, so it can be reset."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.user}"
