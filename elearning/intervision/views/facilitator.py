"""The facilitator's screens in the admin: who comes, attendance, the waiting list, exports.

Participants' contact data is shown only here, and every view first checks that the person
runs the session (services.session_manageable_by): facilitator, editors and administrators.
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from elearning.core.spreadsheets import csv_response, xlsx_response

from .. import services
from ..models import Attendance, IntervisionSession, SignUp, SignUpStatus

# One label per column, shared by the tables on the screen and the exports, so a column reads
# the same in both.
COLUMNS = {
    "status": gettext_lazy("Status"),
    "position": gettext_lazy("Position on the waiting list"),
    "name": gettext_lazy("Name"),
    "email": gettext_lazy("Email"),
    "organisation": gettext_lazy("Organisation"),
    "municipality": gettext_lazy("Municipality"),
    "sector": gettext_lazy("Sector"),
    "signed_up": gettext_lazy("Signed up"),
    "confidentiality": gettext_lazy("Confidentiality accepted"),
    "attendance": gettext_lazy("Attendance"),
    "offered_until": gettext_lazy("Place offered until"),
}
EXPORT_ORDER = (SignUpStatus.CONFIRMED, SignUpStatus.OFFERED, SignUpStatus.WAITLISTED)


def _moment(value):
    """Dates as 2025-05-12 14:00 in Belgian time: unambiguous in every language, and sortable."""
    return formats.date_format(timezone.localtime(value), "Y-m-d H:i") if value else ""


@dataclass
class Participant:
    """One sign-up as the facilitator sees it; `values` are the export's cells."""

    signup: SignUp
    position: int | None = None

    @cached_property
    def values(self):
        signup, user = self.signup, self.signup.user
        return {
            "status": signup.get_status_display(),
            "position": self.position or "",
            "name": (user.get_full_name() or user.email) if user else _("Deleted account"),
            "email": user.email if user else "",
            "organisation": user.organisation if user else "",
            "municipality": str(signup.municipality or ""),
            "sector": str(signup.sector or ""),
            "signed_up": _moment(signup.queued_at),
            "confidentiality": self._confidentiality(),
            "attendance": self._attendance(),
            "offered_until": _moment(signup.offered_until),
        }

    def _confidentiality(self):
        if self.signup.confidentiality_accepted_at:
            return _moment(self.signup.confidentiality_accepted_at)
        return _("No") if self.signup.session.confidentiality_text else _("Not asked")

    def _attendance(self):
        if self.signup.status != SignUpStatus.CONFIRMED:
            return ""
        return self.signup.get_attendance_display() or _("Not marked")


def participants_by_status(session):
    """Sign-ups grouped by status in the queue's order; the waiting list numbered from 1."""
    groups = {status: [] for status in SignUpStatus.values}
    signups = (
        SignUp.objects.filter(session=session)
        .select_related("user", "municipality", "sector")
        .order_by("queued_at", "pk")
    )
    for signup in signups:
        signup.session = session
        group = groups[signup.status]
        position = len(group) + 1 if signup.status == SignUpStatus.WAITLISTED else None
        group.append(Participant(signup, position))
    return groups


# --- Access --------------------------------------------------------------------------------


def _session_for(request, pk):
    """The session if this person runs it; None, with a message, when it does not exist."""
    session = IntervisionSession.objects.filter(pk=pk).first()
    if session is None:
        messages.error(request, _("This session does not exist."))
        return None
    if not services.session_manageable_by(session, request.user):
        raise PermissionDenied
    return session


def _to_listing():
    return redirect("intervision_sessions:index")


def _to_participants(session):
    return redirect("intervision_facilitator:participants", pk=session.pk)


# --- Screens -------------------------------------------------------------------------------


@never_cache
def participants(request, pk):
    session = _session_for(request, pk)
    if session is None:
        return _to_listing()
    now = timezone.now()
    first_start = session.first_start
    groups = participants_by_status(session)
    return TemplateResponse(
        request,
        "intervision/admin/participants.html",
        {
            "session": session,
            "meetings": session.meetings.all(),
            "groups": groups,
            "places_taken": len(groups[SignUpStatus.CONFIRMED]) + len(groups[SignUpStatus.OFFERED]),
            "columns": COLUMNS,
            "attendance_choices": Attendance.choices,
            "has_started": first_start is not None and first_start <= now,
            "can_edit": request.user.has_perm("intervision.change_intervisionsession"),
            "after_cutoff": now >= session.cancellation_cutoff_at,
        },
    )


ATTENDANCE_FIELD = "attendance-"  # one select per participant: attendance-<sign-up id>


@require_POST
def attendance_mark_all(request, pk):
    """Everyone's attendance in one save; a form that cannot be saved whole saves nothing."""
    session = _session_for(request, pk)
    if session is None:
        return _to_listing()
    try:
        changed = services.attendance_mark_all(
            session_id=session.pk, by=request.user, marks=_attendance_marks(request.POST)
        )
    except services.SignUpRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            ngettext(
                "Attendance saved: %(count)d participant changed.",
                "Attendance saved: %(count)d participants changed.",
                changed,
            )
            % {"count": changed},
        )
    return _to_participants(session)


def _attendance_marks(data):
    """{sign-up id: value} from the form's selects. A name that is no sign-up id becomes 0,
    which no sign-up has: the service then refuses the whole form."""
    marks = {}
    for name in data:
        if name.startswith(ATTENDANCE_FIELD):
            raw = name.removeprefix(ATTENDANCE_FIELD)
            signup_id = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 18 else 0
            marks[signup_id] = data.get(name, "")
    return marks


@require_POST
def signup_promote(request, pk, signup_id):
    return _signup_action(request, pk, signup_id, _promote)


def _signup_action(request, pk, signup_id, action):
    """Run `action` on a sign-up of this session; a refusal becomes a message, not an error."""
    session = _session_for(request, pk)
    if session is None:
        return _to_listing()
    signup = SignUp.objects.filter(pk=signup_id, session=session).select_related("user").first()
    try:
        if signup is None:
            raise services.SignUpRefused(_("This sign-up does not exist."))
        messages.success(request, action(request, signup))
    except services.SignUpRefused as refusal:
        messages.error(request, refusal.message)
    return _to_participants(session)


def _promote(request, signup):
    services.signup_promote(signup_id=signup.pk, by=request.user)
    return _("%(name)s now has a place and gets a message with the invite.") % {
        "name": _display_name(signup)
    }


def _display_name(signup):
    return str(signup.user) if signup.user else _("Deleted account")


@never_cache
def session_cancel(request, pk):
    session = _session_for(request, pk)
    if session is None:
        return _to_listing()
    if session.is_cancelled:
        messages.info(request, _("This session has been cancelled."))
        return _to_participants(session)
    if request.method == "POST":
        try:
            services.session_cancel(session_id=session.pk, by=request.user)
        except services.SignUpRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request,
                _("“%(title)s” is cancelled; everyone signed up gets a message.")
                % {"title": session},
            )
        return _to_participants(session)
    told = SignUp.objects.filter(session=session, status__in=EXPORT_ORDER).count()
    return TemplateResponse(
        request, "intervision/admin/session_cancel.html", {"session": session, "told": told}
    )


# --- Exports -------------------------------------------------------------------------------


def export_rows(session):
    """The header and one row per active sign-up: confirmed, offered, then the waiting list."""
    groups = participants_by_status(session)
    yield [str(label) for label in COLUMNS.values()]
    for status in EXPORT_ORDER:
        for participant in groups[status]:
            yield [participant.values[key] for key in COLUMNS]


def _filename(session, extension):
    # No name or title in the file name: downloads folders and mail attachments show it.
    return f"intervision-{session.pk}-participants.{extension}"


@never_cache
def participants_csv(request, pk):
    session = _session_for(request, pk)
    if session is None:
        return _to_listing()
    return csv_response(export_rows(session), filename=_filename(session, "csv"))


@never_cache
def participants_xlsx(request, pk):
    session = _session_for(request, pk)
    if session is None:
        return _to_listing()
    return xlsx_response(
        export_rows(session), filename=_filename(session, "xlsx"), sheet_title=_("Participants")
    )
