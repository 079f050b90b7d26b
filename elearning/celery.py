"""Celery application: settings from Django (namespace CELERY), tasks autodiscovered.

A worker or beat started without DJANGO_SETTINGS_MODULE runs on production settings, as the
WSGI entry does: a server must never fall back to the debug settings by omission. Development
says so explicitly (`make worker` sets settings.dev). Log lines of a task carry its id.
"""

import os

from celery import Celery

from elearning.core.logs import task_logs_connect

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

app = Celery("elearning")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
task_logs_connect()
