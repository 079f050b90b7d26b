"""The site's URLs as `make run` builds them: runserver with DEBUG on, where the only uploads
served straight from disk are image renditions (elearning/urls.py)."""

import importlib

import pytest

from django.urls import clear_url_caches


def _urls_rebuilt():
    import elearning.urls

    importlib.reload(elearning.urls)
    clear_url_caches()


@pytest.fixture
def make_run_urls(settings):
    settings.DEBUG = True
    settings.ROOT_URLCONF = "elearning.urls"
    _urls_rebuilt()
    yield
    settings.DEBUG = False
    _urls_rebuilt()
