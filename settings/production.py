"""Production settings: everything from the environment, HTTPS enforced.

https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, SITE_URL, env_bool

DEBUG = False
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to a random string of 50+ chars.")
# Links that leave the site (mails, the attest's QR code, feeds) must name its public address:
# the development default would send learners to 127.0.0.1.
if not os.environ.get("SITE_URL", "").strip():
    raise ImproperlyConfigured(
        "SITE_URL must be set to the site's public address, e.g. https://leren.example.be."
    )
if not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured(f"SITE_URL must be an https:// address in production ({SITE_URL}).")

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Links in account emails (confirmation, password reset) use HTTPS.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
