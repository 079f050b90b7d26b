"""Who a sign-in attempt is for, so django-axes counts failures per address and IP."""


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
