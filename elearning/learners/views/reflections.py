"""A learner's private notes on reflection questions: saving one, and "My reflections"."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.models import ModulePage
from elearning.core.rate_limits import rate_limit_hit

from ..selectors import reflections_overview
from ..services.reflections import UnknownReflection, reflection_note_save


def _wants_json(request):
    """The page's script asks for JSON; a plain form post (no JavaScript) gets a redirect."""
    return "application/json" in request.headers.get("Accept", "")


def _refusal(request, message, status):
    if _wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return render(request, "learners/reflection_refused.html", {"message": message}, status=status)


@never_cache
@require_POST
def reflection_note_submit(request, module_id, block_id):
    """Save the signed-in learner's note on one reflection question of a module."""
    if not request.user.is_authenticated:
        if _wants_json(request):
            return JsonResponse({"error": _("Sign in to keep private notes.")}, status=401)
        return redirect_to_login(request.get_full_path())
    module = ModulePage.objects.live().filter(pk=module_id).first()
    # A module behind a view restriction (a group, a password) the learner does not pass is
    # answered as one that does not exist: its questions are not theirs to answer.
    if module is None or not all(
        rule.accept_request(request) for rule in module.get_view_restrictions()
    ):
        return _refusal(request, _("This module does not exist or is no longer published."), 404)
    if rate_limit_hit(
        f"learners:reflection-rate:{request.user.pk}",
        limit=settings.REFLECTION_SAVES_PER_MINUTE,
        window=60,
    ):
        response = _refusal(
            request, _("Too many saves in a short time; try again in a minute."), 429
        )
        response["Retry-After"] = "60"
        return response
    try:
        note = reflection_note_save(
            user=request.user, module=module, block_id=block_id, text=request.POST.get("text", "")
        )
    except UnknownReflection:
        return _refusal(request, _("This module has no such reflection question."), 400)
    except ValidationError as error:
        return _note_refused(request, module, block_id, error.messages[0])
    message = _("Saved.") if note else _("Your note is removed.")
    if _wants_json(request):
        return JsonResponse({"saved": note is not None, "message": message})
    # The question's status line says "Saved." (or that the note is removed) after the reload.
    return redirect(f"{module.url}?{urlencode({'note': block_id})}#reflection-{block_id}")


def _note_refused(request, module, block_id, message):
    """A note the learner can fix (too long): nothing saved; without JavaScript the text comes
    back in a form of its own, so it is not lost and can be shortened and saved from there."""
    if _wants_json(request):
        return JsonResponse({"error": message}, status=400)
    context = {
        "message": message,
        "module": module,
        "block_id": block_id,
        "text": request.POST.get("text", ""),
    }
    return render(request, "learners/reflection_refused.html", context, status=400)


@never_cache
@login_required
def reflections(request):
    """ "My reflections": every note, to print and bring to an intervision session."""
    return render(
        request,
        "learners/reflections.html",
        {"overview": reflections_overview(user=request.user, language=translation.get_language())},
    )
