"""Content changes that make cached public pages stale."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .page_cache import page_cache_invalidate


def invalidate_page_cache(**kwargs):
    page_cache_invalidate()


for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    signal.connect(invalidate_page_cache, dispatch_uid=f"page-cache-{signal!r}")

# Snippets, sites and locales appear on many pages; deleting a page removes it from listings.
post_delete.connect(invalidate_page_cache, sender="wagtailcore.Page", dispatch_uid="pc-page-del")
for model_label in (
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "courses.Theme",
    "courses.Trainer",
    "core.HelpLine",  # the help box on every page
    "core.FooterPages",  # the footer on every page
    "core.SiteIdentity",  # the header's name and logo, the accent colour's stylesheet
):
    post_save.connect(invalidate_page_cache, sender=model_label, dispatch_uid=f"pc-s-{model_label}")
    post_delete.connect(
        invalidate_page_cache, sender=model_label, dispatch_uid=f"pc-d-{model_label}"
    )
