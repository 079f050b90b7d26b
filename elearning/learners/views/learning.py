"""The learner's side of progress: the player's event endpoint, answers, "My learning"."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.models import ModulePage
from elearning.core.rate_limits import rate_limit_hit

from ..events import EventRejected, batch_parse
from ..selectors import learning_dashboard
from ..services import knowledge_check_answer, progress_record_events

MAX_BODY_BYTES = 64 * 1024


def _rate_limited(user):
    """At most PROGRESS_EVENTS_PER_MINUTE requests per learner per minute (counted in the cache)."""
    return rate_limit_hit(
        f"learners:events-rate:{user.pk}", limit=settings.PROGRESS_EVENTS_PER_MINUTE, window=60
    )


def _error(message, status, event_id=None):
    body = {"error": message}
    if event_id:
        body["event"] = event_id
    return JsonResponse(body, status=status)


@never_cache
@require_POST
def progress_events(request):
    """Batched heartbeats from the player: {"events": [...]} (see events.py for the fields)."""
    if not request.user.is_authenticated:
        return _error(_("Sign in to keep track of your progress."), 401)
    with translation.override(request.user.preferred_language):
        if _rate_limited(request.user):
            response = _error(_("Too many progress updates; try again in a minute."), 429)
            response["Retry-After"] = "60"
            return response
        if request.content_type != "application/json":
            return _error(_("Send the events as JSON."), 415)
        if int(request.headers.get("Content-Length") or 0) > MAX_BODY_BYTES:
            return _error(_("Too much data in one request."), 413)
        try:
            payload = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            return _error(_("The request is not valid JSON."), 400)
        try:
            outcome = progress_record_events(user=request.user, events=batch_parse(payload))
        except EventRejected as rejected:
            return _error(rejected.message, rejected.status, rejected.event_id)
    return JsonResponse(
        {
            "accepted": outcome.accepted,
            "duplicates": outcome.duplicates,
            "completed_modules": list(outcome.completed_modules),
        }
    )


@require_POST
@login_required
def knowledge_check_submit(request, module_id, block_id):
    """A signed-in learner's answer: scored and recorded here, then shown on the module page."""
    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        raise Http404
    try:
        choice = int(request.POST.get("answer", ""))
    except ValueError:
        choice = None
    result = None
    if choice is not None:
        result = knowledge_check_answer(
            user=request.user, module=module, block_id=block_id, choice=choice
        )
    anchor = f"#check-{block_id}" if any(b.id == block_id for b in module.body) else ""
    if result is None:
        messages.error(request, _("Choose one of the answers, then check it."))
        return redirect(module.url + anchor)
    query = urlencode({"check": block_id, "answer": result["choice"]})
    return redirect(f"{module.url}?{query}{anchor}")


@never_cache
@login_required
def dashboard(request):
    return render(
        request,
        "learners/dashboard.html",
        learning_dashboard(user=request.user, language=translation.get_language()),
    )
