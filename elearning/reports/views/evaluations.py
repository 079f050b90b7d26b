"""The learner's evaluation of a module, webinar or intervision session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..forms import EvaluationForm
from ..models import EvaluatedKind
from ..services import EvaluationRefused, evaluation_submit
from ..targets import evaluation_refusal, evaluation_target


@never_cache
@login_required
def evaluate(request, kind, item_key):
    if kind not in EvaluatedKind.values:
        raise Http404
    target = evaluation_target(kind=kind, item_key=item_key, language=translation.get_language())
    if target is None:
        raise Http404
    refusal = evaluation_refusal(user=request.user, target=target)
    form = EvaluationForm(request.POST or None, questions=target.questions)
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            evaluation_submit(
                user=request.user,
                target=target,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        except EvaluationRefused as refused:
            refusal = refused.message
        else:
            messages.success(request, _("Thank you for your evaluation."))
            return redirect(target.url)
    status = 400 if request.method == "POST" and (refusal or form.errors) else 200
    return TemplateResponse(
        request,
        "reports/evaluate.html",
        {"target": target, "form": form, "refusal": refusal},
        status=status,
    )
