"""Security settings, production-safe, read by base.py: who the client is behind proxies, sign-in
throttling, security headers, cookies and sessions, the Content-Security-Policy, and where to
report a vulnerability. README "Security" says what they protect."""

import os

from .env import env_list
from .oidc import oidc_provider_origins, oidc_providers_parse

# The client's address, for every limit counted per client (elearning/core/clients.py): the
# number of reverse proxies in front of the site that append to X-Forwarded-For; 0 = none, the
# header is ignored. The rule allauth and django-ipware document as their "proxy count":
# https://docs.allauth.org/en/latest/common/configuration.html
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT") or 0)

# Login throttling: https://django-axes.readthedocs.io/en/latest/4_configuration.html
# Failures count per account, wherever they come from and on both login pages (the admin's and
# the site's): guesses spread over many addresses lock the account too. The price: someone who
# knows an address can pause its sign-in for the cool-off; a password reset by mail lifts it
# (elearning/accounts/throttling.py). Never per address alone: a town hall shares one address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
# The account alone decides (a pair never has more failures than its account); the pair is listed
# for axes' own check (W006), which wants the address among the parameters.
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "elearning.core.clients.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# The admin posts "username", allauth's login "login" (passed on as "email"): count both alike.
AXES_USERNAME_CALLABLE = "elearning.accounts.throttling.login_identifier"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# Where to report a vulnerability (RFC 9116, served at /.well-known/security.txt; SECURITY.md):
# comma-separated mailto: or https: addresses of this installation's own contact. None = no file.
SECURITY_CONTACTS = env_list("SECURITY_CONTACT")
SECURITY_POLICY_URL = os.environ.get("SECURITY_POLICY_URL", "")

# Security headers: https://docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.security
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Signed-in requests (pages, the player's heartbeats) read the session from the shared cache and
# the database only on a miss: https://docs.djangoproject.com/en/5.2/topics/http/sessions/#using-cached-sessions
# Our engine is cached_db whose rows name the account, so erasing it ends its sessions everywhere
# (elearning/accounts/sessions.py).
SESSION_ENGINE = "elearning.accounts.sessions"
CSRF_COOKIE_HTTPONLY = True
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# Content Security Policy: https://django-csp.readthedocs.io/en/latest/configuration.html
# Public pages load only from this host; no inline script (so cached pages need no nonce).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# The Wagtail admin (trusted editors only) uses inline styles and scripts of its own.
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
}
# The municipality sign-in buttons post to this site, which redirects the browser to the
# provider (OIDC_PROVIDERS, see base.py): browsers hold that redirect to form-action too.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] += oidc_provider_origins(
    oidc_providers_parse(os.environ.get("OIDC_PROVIDERS", ""))
)
# Files on object storage with an endpoint of its own (signed addresses, public renditions).
if os.environ.get("AWS_STORAGE_BUCKET_NAME") and os.environ.get("AWS_S3_ENDPOINT_URL"):
    for _directive in ("img-src", "media-src", "connect-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"].setdefault(_directive, []).append(
            os.environ["AWS_S3_ENDPOINT_URL"]
        )
        CONTENT_SECURITY_POLICY_ADMIN.setdefault(_directive, []).append(
            os.environ["AWS_S3_ENDPOINT_URL"]
        )
