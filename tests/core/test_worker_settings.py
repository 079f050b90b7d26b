"""The Celery worker and beat default to production settings (elearning/celery.py)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_CHOSEN = (
    "from elearning.celery import app; from django.conf import settings; "
    "app.conf.broker_url; print(settings.SETTINGS_MODULE, settings.DEBUG)"
)


def _start_celery_app(**extra):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-c", SETTINGS_CHOSEN],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_worker_without_a_settings_module_runs_on_production_settings():
    result = _start_celery_app(
        DJANGO_SECRET_KEY="k3y-" + "a1b2c3d4" * 8, SITE_URL="https://leren.example.be"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["settings.production", "False"]


def test_a_worker_without_a_settings_module_refuses_to_start_without_a_secret_key():
    result = _start_celery_app(DJANGO_SECRET_KEY="", SITE_URL="https://leren.example.be")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_development_names_its_settings_for_the_worker():
    result = _start_celery_app(DJANGO_SETTINGS_MODULE="settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["settings.dev", "True"]
