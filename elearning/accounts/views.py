"""The learner's own account pages: profile, data download, deletion; signing out of the
admin."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from .forms import AccountDeleteForm, ProfileForm
from .models import User
from .services import account_data_export, account_erase, account_profile_update


@never_cache
@login_required
def profile(request):
    # A fresh copy: an invalid form must not leave half-applied values on request.user.
    user = User.objects.get(pk=request.user.pk)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        account_profile_update(user=user, **form.cleaned_data)
        # The learner reads the confirmation, and the page, in the language just chosen.
        with translation.override(user.preferred_language):
            messages.success(request, gettext("Your profile has been saved."))
            return redirect(reverse("accounts:profile"))
    return render(request, "accounts/profile.html", {"form": form})


@never_cache
@login_required
@require_GET
def data_export(request):
    data = account_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    # A neutral file name: downloads folders are seen by others too.
    filename = f"leerplatform-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_erase(user=user)
        return redirect("accounts:deleted")
    return render(request, "accounts/account_delete.html", {"form": form})


@never_cache
def account_deleted(request):
    return render(request, "accounts/account_deleted.html")


@never_cache
@require_POST
def admin_logout(request):
    """Wagtail's sign-out of the admin, for a POST only (the sidebar's button; the CSRF
    middleware has checked its token). Wagtail answers a GET with 405 yet deletes the session
    cookie, so a link or an image on any site could sign an editor out in the middle of their
    work; here a GET is refused before Wagtail's view and changes nothing."""
    return WagtailLogoutView.as_view()(request)
