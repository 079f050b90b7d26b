"""The personal calendar feed: fetched by calendar apps (no cookies), reset by its owner."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from .. import services
from ..calendar import feed_user, personal_feed, signup_invite
from ..models import SignUp


@never_cache
@require_safe
def personal_feed_view(request, token):
    """The feed of whoever owns `token`: the token is the key, so no sign-in is asked."""
    user = feed_user(token)
    if user is None:
        raise Http404
    response = HttpResponse(personal_feed(user), content_type="text/calendar; charset=utf-8")
    # A neutral name for a download folder, like the mail subjects.
    response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    # The address is a secret: keep it out of search engines and referrers.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@login_required
@require_POST
def personal_feed_reset(request):
    """A new feed address for the signed-in person; the old one stops working at once."""
    services.feed_token_reset(user=request.user)
    return redirect(_next_url(request))


def _next_url(request):
    """Back where the person came from, on this site only (no open redirect)."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe else "/"


@never_cache
@login_required
@require_safe
def signup_invite_download(request, signup_id):
    """The calendar invite of one of the person's own sign-ups, to add it by hand."""
    signup = SignUp.objects.select_related("session").filter(pk=signup_id, user=request.user)
    signup = signup.first()
    if signup is None:
        raise Http404
    response = HttpResponse(signup_invite(signup), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="invite.ics"'
    return response
