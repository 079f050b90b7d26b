"""Attests: the learner downloads their own; anyone checks one from its code or QR code, and,
once the holder has erased their account, whether a name they know is the holder's."""

import hashlib

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from elearning.core.clients import client_address
from elearning.core.rate_limits import rate_limit_hit

from ..attests import (
    NAME_CHECK_MAX_LENGTH,
    attest_code_looks_valid,
    attest_code_normalise,
    attest_download_filename,
    attest_name_matches,
    attest_study_time_display,
)
from ..models import Attest

# Lookups per visitor address per minute: plenty for a person, far too few to walk the codes.
VERIFICATIONS_PER_MINUTE = 30
# Name checks: each costs the server a deliberately slow hash, and each is a guess at a name.
NAME_CHECKS_PER_MINUTE = 10
# Per attest, whoever asks: many addresses together still cannot run through a list of names.
NAME_CHECKS_PER_ATTEST_PER_HOUR = 20


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
        help_text=_("The 12 characters printed on the certificate, for example ABCD EFGH JKMN."),
        error_messages={"required": _("Enter the verification code printed on the certificate.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return attest_code_normalise(self.cleaned_data["code"])


class AttestNameCheckForm(forms.Form):
    code = forms.CharField(max_length=40, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Full name of the holder"),
        max_length=NAME_CHECK_MAX_LENGTH,
        help_text=_(
            "Type the full name you know the holder by. Upper case, accents and spaces do not "
            "matter."
        ),
        error_messages={
            "required": _("Enter the name to check."),
            "max_length": _("A name is at most %(limit_value)d characters long."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        return attest_code_normalise(self.cleaned_data["code"])


def _address_digest(request):
    return hashlib.sha256((client_address(request) or "").encode()).hexdigest()[:32]


def _too_many_lookups(request):
    """Count this address's lookups in the current minute (in the cache; the address is hashed)."""
    return rate_limit_hit(
        f"learners:attest-verify:{_address_digest(request)}",
        limit=VERIFICATIONS_PER_MINUTE,
        window=60,
    )


def _too_many_name_checks(request, attest):
    by_address = rate_limit_hit(
        f"learners:attest-name:{_address_digest(request)}", limit=NAME_CHECKS_PER_MINUTE, window=60
    )
    by_attest = rate_limit_hit(
        f"learners:attest-name-of:{attest.pk}", limit=NAME_CHECKS_PER_ATTEST_PER_HOUR, window=3600
    )
    return by_address or by_attest


def _attest_found(code):
    return Attest.objects.filter(code=code).first() if attest_code_looks_valid(code) else None


def _verify_response(request, context, status=200):
    response = render(request, "learners/attest_verify.html", context, status=status)
    # Results name a person: search engines must not keep them (the page has no head block).
    response["X-Robots-Tag"] = "noindex, nofollow"
    if status == 429:
        response["Retry-After"] = "60"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def attest_verify(request, code=None):
    """Public check of an attest: the form (GET, so a QR code can link to a result) and the answer.

    Only a well-formed code reaches the database; anything else is simply not found. An attest
    whose holder erased their account shows no name; a POST checks a name the visitor types.
    """
    if request.method == "POST":
        return _attest_name_check(request)
    submitted = request.GET.get("code", code)
    form = AttestVerifyForm({"code": submitted} if submitted is not None else None)
    context = {"form": form, "looked_up": False, "attest": None}
    status = 200
    if form.is_bound:
        if _too_many_lookups(request):
            context["rate_limited"] = True
            status = 429
        elif form.is_valid():
            context["looked_up"] = True
            context["attest"] = _attest_found(form.cleaned_data["code"])
    _attest_context_add(context)
    return _verify_response(request, context, status)


def _attest_context_add(context, name_form=None):
    attest = context["attest"]
    if attest is None:
        return
    context["study_time"] = attest_study_time_display(attest.study_minutes)
    if not attest.learner_name:
        context["name_form"] = name_form or AttestNameCheckForm(initial={"code": attest.code})


def _attest_name_check(request):
    """The answer to "is this the holder's name?" for an attest without a name on show."""
    name_form = AttestNameCheckForm(request.POST)
    code = attest_code_normalise(request.POST.get("code", "")[:40])
    attest = _attest_found(code)
    context = {
        "form": AttestVerifyForm(initial={"code": code}),
        "looked_up": True,
        "attest": attest,
    }
    status = 200
    if attest is not None and not attest.learner_name and name_form.is_valid():
        if _too_many_name_checks(request, attest):
            context["name_rate_limited"] = True
            status = 429
        else:
            context["name_checked"] = name_form.cleaned_data["name"]
            context["name_matches"] = attest_name_matches(
                attest=attest, name=name_form.cleaned_data["name"]
            )
    _attest_context_add(context, name_form)
    return _verify_response(request, context, status)
