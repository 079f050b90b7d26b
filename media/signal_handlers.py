"""Uploads start processing; deleted recordings and captions leave no files behind; a changed
or deleted file makes the cached pages that show it stale.

Wired once from MediaConfig.ready().
"""

from django.db.models.signals import post_delete, post_save

from elearning.core.page_cache import page_cache_invalidate

from .models import CustomDocument, CustomImage, MediaAsset, MediaCaption, ProcessingStatus
from .services import media_asset_files_delete, media_caption_file_delete, media_processing_request

# What Wagtail writes by itself the first time it needs a file's size or hash (while rendering a
# page, say): nothing a visitor sees changed.
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


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


def image_or_document_saved(sender, instance, created, update_fields=None, **kwargs):
    """A new file, title, alt text or collection: cached pages would keep showing the old one
    (an image's renditions of a replaced file are deleted with it, so an old page would show
    a missing image). A new upload is on no page yet."""
    if created or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    page_cache_invalidate()


def image_or_document_deleted(sender, instance, **kwargs):
    page_cache_invalidate()


for model in (CustomImage, CustomDocument):
    name = model._meta.model_name
    post_save.connect(image_or_document_saved, sender=model, dispatch_uid=f"media.{name}_saved")
    post_delete.connect(
        image_or_document_deleted, sender=model, dispatch_uid=f"media.{name}_deleted"
    )
post_save.connect(asset_saved, sender=MediaAsset, dispatch_uid="media.asset_saved")
post_delete.connect(asset_deleted, sender=MediaAsset, dispatch_uid="media.asset_deleted")
post_save.connect(caption_changed, sender=MediaCaption, dispatch_uid="media.caption_saved")
post_delete.connect(caption_deleted, sender=MediaCaption, dispatch_uid="media.caption_deleted")
