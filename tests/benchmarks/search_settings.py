"""The search scenario's server settings: settings.production with search_baseline.py as the
URLconf (the site's URLs plus the raw-SQL baseline). Only this gunicorn's settings module
differs from the other scenarios'."""

from settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.search_baseline"
