"""Course and webinar pages list sessions: a session's change makes cached pages stale."""

from django.db.models.signals import post_delete, post_save

from elearning.core.page_cache import page_cache_invalidate

from .models import IntervisionSession, Meeting


def sessions_changed(**kwargs):
    page_cache_invalidate()


for model in (IntervisionSession, Meeting):
    post_save.connect(sessions_changed, sender=model, dispatch_uid=f"intervision.saved.{model}")
    post_delete.connect(sessions_changed, sender=model, dispatch_uid=f"intervision.deleted.{model}")
