"""The learner's side of intervision: the agenda, a session, signing up, "my sessions"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.models import Theme
from elearning.core.sites import site_url

from .. import selectors, services
from ..models import IntervisionSession, Mode, SignUpStatus

PER_PAGE = 20


@never_cache
def agenda(request):
    themes = list(Theme.objects.filter(locale__language_code="nl").order_by("name"))
    theme = next((t for t in themes if t.slug == request.GET.get("theme")), None)
    sessions = selectors.agenda_sessions(theme_id=theme.pk if theme else None)
    page = Paginator(sessions, PER_PAGE).get_page(request.GET.get("page"))
    for session in page:
        session.places_left = selectors.places_left(session)
    return TemplateResponse(
        request,
        "intervision/agenda.html",
        {"page_obj": page, "themes": themes, "theme": theme},
    )


@never_cache
def session_detail(request, pk):
    sessions = selectors.sessions_with_places(IntervisionSession.objects.filter(pk=pk))
    session = get_object_or_404(
        sessions.select_related("facilitator").prefetch_related("meetings", "prerequisite_modules")
    )
    signup = selectors.active_signup(session=session, user=request.user)
    context = {
        "session": session,
        "is_full": selectors.places_left(session) == 0,
        "signup": signup,
        "position": selectors.waiting_position(signup) if signup else None,
        "is_online": session.mode == Mode.ONLINE,
        "show_join_link": bool(
            signup and signup.status == SignUpStatus.CONFIRMED and session.join_url
        ),
    }
    if request.user.is_authenticated:
        context["handover"] = (
            selectors.handovers_open(user=request.user, session=session).first()
            if signup is None or signup.status == SignUpStatus.WAITLISTED
            else None
        )
    if request.user.is_authenticated and signup is None:
        context["problem"] = services.signup_problem(session=session, user=request.user)
        context["missing_modules"] = services.prerequisites_missing(
            session=session, user=request.user
        )
    return TemplateResponse(request, "intervision/session_detail.html", context)


def _back(request, session_id=None):
    target = request.POST.get("next", "")
    if target == "my_sessions" or session_id is None:
        return redirect("intervision:my_sessions")
    return redirect("intervision:session_detail", pk=session_id)


def _session_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_POST
@login_required
def signup_create(request, pk):
    try:
        signup = services.signup_create(
            session_id=pk,
            user=request.user,
            confidentiality_accepted=request.POST.get("confidentiality") == "accepted",
        )
    except services.SignUpRefused as refused:
        messages.error(request, refused.message)
        if not IntervisionSession.objects.filter(pk=pk).exists():
            return redirect("intervision:agenda")
        return _back(request, pk)
    if signup.status == SignUpStatus.CONFIRMED:
        messages.success(
            request, _("You are signed up. A confirmation with a calendar invite is on its way.")
        )
    else:
        messages.success(
            request,
            _("The session is full: you are on the waiting list (number %(position)d).")
            % {"position": selectors.waiting_position(signup)},
        )
    return _back(request, pk)


def _signup_action(action, success):
    @require_POST
    @login_required
    def view(request, signup_id):
        try:
            signup = action(request, signup_id)
        except services.SignUpRefused as refused:
            messages.error(request, refused.message)
            return _back(request)
        messages.success(request, success())
        return _back(request, signup.session_id)

    return view


_signup_cancel = _signup_action(
    lambda request, signup_id: services.signup_cancel(signup_id=signup_id, user=request.user),
    lambda: _("Your sign-up is cancelled. Your calendar gets the cancellation."),
)


@never_cache
@login_required
def signup_cancel(request, signup_id):
    """GET asks "are you sure?" and changes nothing; the POST of its form cancels."""
    if request.method == "POST":
        return _signup_cancel(request, signup_id)
    signup = selectors.signup_cancellable(signup_id=signup_id, user=request.user)
    if signup is None:
        messages.error(request, _("This sign-up does not exist."))
        return redirect("intervision:my_sessions")
    return TemplateResponse(request, "intervision/signup_cancel.html", {"signup": signup})


signup_accept = _signup_action(
    lambda request, signup_id: services.signup_offer_accept(signup_id=signup_id, user=request.user),
    lambda: _("The place is yours. A confirmation with a calendar invite is on its way."),
)


@require_POST
@login_required
def signup_substitute(request, signup_id):
    """Offer the place to a colleague. The answer is the same whoever the address belongs to."""
    try:
        services.handover_offer(
            signup_id=signup_id, user=request.user, colleague_email=request.POST.get("email", "")
        )
    except services.SignUpRefused as refused:
        messages.error(request, refused.message)
        return _back(request)
    messages.success(
        request,
        _(
            "If this colleague can take your place, they have received an offer. The place "
            "stays yours until they accept it; if they do, you will get a message."
        ),
    )
    return _back(request)


def _handover_action(action, success):
    """Accept or decline an offer made to this person; anyone else's offer is not found."""

    @require_POST
    @login_required
    def view(request, handover_id):
        if selectors.handover_of(handover_id=handover_id, user=request.user) is None:
            raise Http404
        try:
            action(request, handover_id)
        except services.SignUpRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, success())
        return redirect("intervision:my_sessions")

    return view


handover_accept = _handover_action(
    lambda request, handover_id: services.handover_accept(
        handover_id=handover_id,
        user=request.user,
        confidentiality_accepted=request.POST.get("confidentiality") == "accepted",
    ),
    lambda: _("The place is yours. A confirmation with a calendar invite is on its way."),
)
handover_decline = _handover_action(
    lambda request, handover_id: services.handover_decline(
        handover_id=handover_id, user=request.user
    ),
    lambda: _("You declined the place. Your colleague keeps it."),
)


@never_cache
@login_required
def my_sessions(request):
    context = selectors.my_signups(user=request.user)
    context["feed_url"] = _feed_url(request)
    context["handover_requests_max"] = services.HANDOVER_REQUESTS_MAX
    return TemplateResponse(request, "intervision/my_sessions.html", context)


def _feed_url(request):
    """The address a calendar app subscribes to: at SITE_URL, whatever host served this page."""
    token = services.feed_token_ensure(user=request.user)
    return site_url(reverse("intervision_feed", args=[token]))
