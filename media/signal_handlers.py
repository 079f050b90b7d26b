"""Uploads start processing; deleted recordings and captions leave no files behind.

Wired once from MediaConfig.ready().
"""

from django.db.models.signals import post_delete, post_save

from elearning.core.page_cache import page_cache_invalidate

from .models import MediaAsset, MediaCaption, ProcessingStatus
from .services import media_asset_files_delete, media_caption_file_delete, media_processing_request


def asset_saved(sender, instance, created, **kwargs):
    """A new upload, or a new file on a recording that was done: process it."""
    settled = instance.processing_status in (ProcessingStatus.READY, ProcessingStatus.FAILED)
    replaced = settled and instance.file.name != instance.processed_source
    if created or replaced:
        media_processing_request(asset_id=instance.pk)
    page_cache_invalidate()  # titles, posters and sources appear on cached pages


def asset_deleted(sender, instance, **kwargs):
    media_asset_files_delete(asset=instance)
    page_cache_invalidate()


def caption_changed(sender, instance, **kwargs):
    page_cache_invalidate()


def caption_deleted(sender, instance, **kwargs):
    media_caption_file_delete(caption=instance)
    page_cache_invalidate()


post_save.connect(asset_saved, sender=MediaAsset, dispatch_uid="media.asset_saved")
post_delete.connect(asset_deleted, sender=MediaAsset, dispatch_uid="media.asset_deleted")
post_save.connect(caption_changed, sender=MediaCaption, dispatch_uid="media.caption_saved")
post_delete.connect(caption_deleted, sender=MediaCaption, dispatch_uid="media.caption_deleted")
