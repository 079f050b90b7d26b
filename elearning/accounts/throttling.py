"""Who a sign-in attempt is for, so django-axes counts failures per account (settings/security.py),
and how an account's lock ends early."""

from axes.utils import reset as axes_reset


def login_identifier(request, credentials):
    """The address an attempt names, lower-cased as accounts store it.

    The Wagtail admin authenticates with `username`; allauth's login form posts `login` and
    authenticates with `email`. Counting both under one key means a lockout earned on one
    login page holds on the other.
    """
    credentials = credentials or {}
    identifier = credentials.get("email") or credentials.get("username")
    if not identifier and request is not None:
        data = getattr(request, "POST", {})
        identifier = data.get("login") or data.get("username")
    return (identifier or "").strip().lower() or None


def lockout_lift_after_password_reset(sender, request, user, **kwargs):
    """Failures counted per account let anyone who knows an address pause its sign-in; the owner
    ends that pause by choosing a new password from the reset mail (allauth's password_reset
    signal), as the lock-out page suggests."""
    axes_reset(username=login_identifier(request, {"username": user.email}))
