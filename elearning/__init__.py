"""The VIF learning library: project wiring and learner-facing apps."""

from .celery import app as celery_app

__all__ = ["celery_app"]
