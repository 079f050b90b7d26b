"""Production-safe base settings, driven by environment variables.

Every variable is listed in .env.example. Integrations switch on by the presence of their
variable (DATABASE_URL, REDIS_URL, AWS_STORAGE_BUCKET_NAME), in the manner of wagtail.org.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url

from .beat import BEAT_SCHEDULE
from .cms import *  # noqa: F403
from .env import env_bool, env_list, iri_base_parse, site_url_parse
from .oidc import oidc_providers_parse
from .security import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The site's public address, http(s)://host[:port], the one place every absolute link comes from
# when it leaves the site: mails, the attest PDF and its QR code, calendar invites and feeds, the
# podcast feed, course packages and the catalogue (elearning/core/sites.py); xAPI ids only until
# XAPI_ACTIVITY_IRI is set (below). Never the Host header a client sent. `migrate` gives the
# default Wagtail site this host and port. `make run` passes its own address; production requires
# an https address (production.py).
SITE_URL = site_url_parse(os.environ.get("SITE_URL", "http://127.0.0.1:8000"))
# Links in Wagtail's own admin emails (moderation, password reset in the admin).
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "elearning.core",
    "elearning.accounts.apps.AccountsConfig",
    "elearning.learners.apps.LearnersConfig",
    "elearning.intervision.apps.IntervisionConfig",
    "elearning.reports.apps.ReportsConfig",
    "elearning.demo.apps.DemoConfig",
    "courses",
    "courses.packaging.apps.PackagingConfig",
    "media",
    "search.apps.SearchConfig",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "elearning.accounts.apps.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Before anything that may answer: every response carries X-Request-ID (elearning/core/logs.py).
    "elearning.core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "elearning.core.middleware.SecurityHeadersMiddleware",
    "elearning.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page views are answered here from the full-page cache, before sessions and
    # authentication are loaded (see elearning/core/page_cache.py).
    "elearning.core.page_cache.AnonymousPageCacheMiddleware",
    # Rendered pages skip Wagtail's site, locale and tree lookups for a URL seen before.
    "elearning.core.route_cache.PageRouteCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "elearning.urls"
WSGI_APPLICATION = "elearning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "elearning" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "elearning.core.context_processors.safety",
            ],
        },
    },
]

# Databases: https://docs.djangoproject.com/en/5.2/ref/settings/#databases
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at the same time; IMMEDIATE takes the write lock at
    # the start of a transaction so concurrent writers queue instead of failing mid-way.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Learners sign in on the site (allauth); editors keep the Wagtail admin's own /admin/login/.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# Learner accounts: https://docs.allauth.org/en/latest/account/configuration.html
ACCOUNT_ADAPTER = "elearning.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# One address per account, as the User model holds one: changing it replaces the old one.
ACCOUNT_CHANGE_EMAIL = True
# Mail can be read over a shoulder or on a shared screen: a neutral prefix, never the site
# name (VIF stands for family violence).
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Leerplatform] "
# ACCOUNT_RATE_LIMITS keeps allauth's defaults (on, counted in the cache).

# Municipalities' own sign-in (OpenID Connect), one identity provider per municipality, from
# OIDC_PROVIDERS (format in settings/oidc.py and the README):
# https://docs.allauth.org/en/latest/socialaccount/configuration.html
OIDC_PROVIDER_APPS = oidc_providers_parse(os.environ.get("OIDC_PROVIDERS", ""))
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": OIDC_PROVIDER_APPS},
}
SOCIALACCOUNT_ADAPTER = "elearning.accounts.adapter.SocialAccountAdapter"
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = True
# An address from the identity provider counts as confirmed only when its ID token says
# email_verified (no VERIFIED_EMAIL app setting); otherwise the learner confirms it by mail.
SOCIALACCOUNT_EMAIL_VERIFICATION = ACCOUNT_EMAIL_VERIFICATION
# A provider never signs into an existing local account just by naming its address: that would
# let one municipality's provider take over any account, an editor's included.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
# Signing in starts with a POST from the button's form (no login CSRF through a link).
SOCIALACCOUNT_LOGIN_ON_GET = False
# Data minimisation: the provider's tokens are used once and never stored.
SOCIALACCOUNT_STORE_TOKENS = False

# Languages: Dutch first (default), then French and English.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("fr", "Français"), ("en", "English")]

# Course packages (courses/packaging/): the largest package accepted, unpacked. Checked on the
# zip's directory before anything is extracted; the web server's upload limit must allow it too.
COURSE_PACKAGE_MAX_BYTES = int(os.environ.get("COURSE_PACKAGE_MAX_BYTES") or 20 * 1024**3)
# Taking a course from another site (courses/packaging/fetch.py): the whole download of a package
# must end within this many seconds (a catalogue within 20), and only public addresses are
# fetched. Networks listed here are let through as well, e.g. "10.1.2.0/24" for two installations
# on one intranet; empty in production. Server-side request forgery, as OWASP describes it:
# https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html
COURSE_PACKAGE_FETCH_SECONDS = int(os.environ.get("COURSE_PACKAGE_FETCH_SECONDS") or 600)
COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS = [  # a mistyped network stops the start, not a fetch
    str(ipaddress.ip_network(network, strict=False))
    for network in env_list("COURSE_PACKAGE_FETCH_ALLOWED_NETWORKS")
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "elearning" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# Static files and uploads: uploads live outside the code (var/uploads, or DJANGO_MEDIA_ROOT).
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "elearning" / "static"]  # the site chrome's own assets
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/uploads/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "uploads"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    # https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "10800")),
            "file_overwrite": False,
        },
    }
    # Image renditions (resized pictures on public pages) are the only public files: served
    # without a signature, so cached pages never carry an expired link. Give the bucket a
    # public-read policy on this prefix only (README, "Object storage").
    STORAGES["renditions"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "location": "public",
            "querystring_auth": False,
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
# Every other upload (recordings, captions, documents, course packages, attests) is private: a
# view checks who asks, then media/sending.py sends the file (README "Who may fetch a file").
# How it leaves depends on where files live and what is in front of the site:
# - "redirect": with object storage, to an address signed now and valid AWS_QUERYSTRING_EXPIRE
#   seconds (https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html);
# - "accel": with local files behind nginx, an empty answer whose X-Accel-Redirect names the file
#   under PROTECTED_FILES_ACCEL_PREFIX, an `internal` location that nginx serves from MEDIA_ROOT
#   (https://nginx.org/en/docs/http/ngx_http_core_module.html#internal);
# - "stream": the application reads the file itself and answers byte ranges (make run, tests).
PROTECTED_FILES_ACCEL_PREFIX = os.environ.get("PROTECTED_FILES_ACCEL_PREFIX", "")
if AWS_STORAGE_BUCKET_NAME:
    PROTECTED_FILES_SEND = "redirect"
elif PROTECTED_FILES_ACCEL_PREFIX:
    PROTECTED_FILES_SEND = "accel"
else:
    PROTECTED_FILES_SEND = "stream"

# Cache: Redis when REDIS_URL is set (shared by every web process, so publishing invalidates
# the page cache everywhere); otherwise a file cache under var/ that processes also share.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis keeps one client per process; Django's own Redis backend builds a new
            # redis.Redis object for every cache call (about 0.25 ms of CPU each, several per
            # request): https://github.com/jazzband/django-redis#configure-as-cache-backend
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "vif"),
            "TIMEOUT": 3600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache",
            "TIMEOUT": 3600,
        }
    }
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
# Progress API: requests per learner per minute (the player sends about four while playing).
PROGRESS_EVENTS_PER_MINUTE = int(os.environ.get("PROGRESS_EVENTS_PER_MINUTE", "60"))
REFLECTION_SAVES_PER_MINUTE = 20  # per learner: someone typing saves a few times at most

# Celery: https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # An eager task still borrows a kombu producer; with no broker named, kombu assumes AMQP
    # without a host and warns "No hostname was supplied" on every run. Its in-memory
    # transport, with a host named, never dials out and keeps quiet.
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker's claim on a long job (a transcode, an import) lapses this long after its last
# renewal, so a killed worker's job is taken over within minutes (elearning/core/leases.py).
BACKGROUND_LEASE_SECONDS = int(os.environ.get("BACKGROUND_LEASE_SECONDS", "120"))
# Parent of the temporary folders of background work; empty: <tmp>/vif-work (core/work_folders.py).
BACKGROUND_WORK_DIR = os.environ.get("BACKGROUND_WORK_DIR", "")
# The mail tasks' retries (elearning/core/retries.py): the first countdown, doubled at each retry
# up to the last one; 30 s to 15 minutes over 8 retries is about an hour of tries (README.md,
# "Background tasks and their retries").
MAIL_RETRY_FIRST_SECONDS = 30
MAIL_RETRY_MAX_SECONDS = 900
CELERY_TIMEZONE = TIME_ZONE
# The periodic sweeps and flushes (celery beat): settings/beat.py.
CELERY_BEAT_SCHEDULE = BEAT_SCHEDULE

# Learning records: xAPI 1.0.3 statements (module started/completed, knowledge check passed,
# course completed) forwarded to an external learning record store, off while the endpoint is
# empty. HTTP Basic credentials of the store. https://github.com/adlnet/xAPI-Spec
# (xAPI-Communication.md, "Statement Resource"); elearning/learners/xapi.py and the README.
XAPI_LRS_ENDPOINT = os.environ.get("XAPI_LRS_ENDPOINT", "")  # e.g. https://lrs.example.org/xapi/
XAPI_LRS_USERNAME = os.environ.get("XAPI_LRS_USERNAME", "")
XAPI_LRS_PASSWORD = os.environ.get("XAPI_LRS_PASSWORD", "")
# Where the ids of the activities (modules, courses) and the learners' accounts at the store begin:
# <XAPI_ACTIVITY_IRI>activities/<module|course>/<translation key>. Set it once, and never change
# it: the store knows activities and learners by these ids, and a new one starts their history
# anew. Moving the site to another address (SITE_URL) leaves it alone once it is set; unset, it
# follows SITE_URL, and `manage.py check --deploy` warns while statements are sent.
XAPI_ACTIVITY_IRI = iri_base_parse(
    os.environ.get("XAPI_ACTIVITY_IRI") or f"{SITE_URL}/xapi/", "XAPI_ACTIVITY_IRI"
)

# Wagtail's own background tasks (django-tasks) run in-process, explicitly.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Email
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "leerplatform@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Safety layer
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.meteo.be/nl/belgie")

# Logs: one JSON object per line on stderr (time, level, logger, event, request_id or task_id;
# method, path, status and duration_ms for each request), through structlog's formatter so that
# Django's and Celery's own loggers come out the same (elearning/core/logs.py). dev.py switches
# to readable lines (DJANGO_LOG_FORMAT=console). The worker leaves this configuration in place.
# https://www.structlog.org/en/stable/standard-library.html
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {"()": "elearning.core.logs.log_formatter", "renderer": LOG_FORMAT},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        # One line per answered request.
        "elearning.requests": {"level": os.environ.get("DJANGO_REQUEST_LOG_LEVEL", "INFO")},
    },
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# The demo (elearning/demo/, `seed_demo`): refused unless a settings module allows it (dev and
# test do; production does not, short of the command's explicit flag). Builds of the demo's
# sources and the demo accounts' passwords, made per installation, live in var/.
DEMO_SEED_ALLOWED = False
DEMO_BUILD_DIR = VAR_DIR / "demo"
DEMO_PASSWORDS_FILE = VAR_DIR / "demo-passwords.json"
