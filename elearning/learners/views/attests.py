"""Attests: the learner downloads their own; anyone checks one from its code or QR code."""

import hashlib

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from elearning.core.clients import client_address
from elearning.core.rate_limits import rate_limit_hit

from ..attests import (
    attest_code_looks_valid,
    attest_code_normalise,
    attest_download_filename,
    attest_study_time_display,
)
from ..models import Attest

# Lookups per visitor address per minute: plenty for a person, far too few to walk the codes.
VERIFICATIONS_PER_MINUTE = 30


@never_cache
@login_required
@require_GET
def attest_download(request, code):
    """The learner's own attest as PDF; someone else's code is answered as if it did not exist."""
    attest = Attest.objects.filter(code=attest_code_normalise(code), user=request.user).first()
    if attest is None:
        raise Http404
    if not attest.pdf:
        return render(request, "learners/attest_preparing.html", {"attest": attest})
    return FileResponse(
        attest.pdf.open("rb"),
        as_attachment=True,
        filename=attest_download_filename(attest=attest),
        content_type="application/pdf",
    )


class AttestVerifyForm(forms.Form):
    # Longer than a code, to allow the spaces and dashes people type; far shorter than abuse.
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("The 12 characters printed on the attest, for example ABCD EFGH JKMN."),
        error_messages={"required": _("Enter the verification code printed on the attest.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return attest_code_normalise(self.cleaned_data["code"])


def _too_many_lookups(request):
    """Count this address's lookups in the current minute (in the cache; the address is hashed)."""
    address = hashlib.sha256((client_address(request) or "").encode()).hexdigest()[:32]
    return rate_limit_hit(
        f"learners:attest-verify:{address}", limit=VERIFICATIONS_PER_MINUTE, window=60
    )


@never_cache
@require_GET
def attest_verify(request, code=None):
    """Public check of an attest: the form (GET, so a QR code can link to a result) and the answer.

    Only a well-formed code reaches the database; anything else is simply not found.
    """
    submitted = request.GET.get("code", code)
    form = AttestVerifyForm({"code": submitted} if submitted is not None else None)
    context = {"form": form, "looked_up": False, "attest": None}
    status = 200
    if form.is_bound:
        if _too_many_lookups(request):
            context["rate_limited"] = True
            status = 429
        elif form.is_valid():
            normalised = form.cleaned_data["code"]
            context["looked_up"] = True
            if attest_code_looks_valid(normalised):
                context["attest"] = Attest.objects.filter(code=normalised).first()
            if context["attest"] is not None:
                context["study_time"] = attest_study_time_display(context["attest"].study_minutes)
    response = render(request, "learners/attest_verify.html", context, status=status)
    # Results name a person: search engines must not keep them (the page has no head block).
    response["X-Robots-Tag"] = "noindex, nofollow"
    if status == 429:
        response["Retry-After"] = "60"
    return response
