"""Wagtail's settings, read by base.py: models, forms, search, documents and images."""

import os

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "VIF-leerplatform")
# WAGTAILADMIN_BASE_URL is SITE_URL (base.py).
WAGTAILIMAGES_IMAGE_MODEL = "media.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media.CustomDocument"
WAGTAILMEDIA = {
    "MEDIA_MODEL": "media.MediaAsset",
    # Keeps a recording on a published page for moderators (media/selectors.py) and links the
    # thumbnail through its checked address (media/forms.py).
    "MEDIA_FORM_BASE": "media.forms.MediaAssetForm",
}
# The same for images and documents on published pages (media/selectors.py); the image form also
# counts an upload's pixels first (media/fields.py), following
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtailimages-image-form-base
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media.forms.DocumentForm"
# Wagtail's own search backend serves the admin's searches (pages, images, documents). The
# library search has an index of its own (search/engine_postgres.py, search/engine_sqlite.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin would tell a third party who edits the platform.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Documents: served through Django so permissions and headers apply; only these types can be
# uploaded, and only PDF and plain text may ever be shown inline (never HTML or SVG).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "txt", "csv", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "zip",
]  # fmt: skip
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Image uploads: the pixels are counted from the file's header before anything decodes it
# (media/fields.py: a decompression bomb is a form error). Wagtail decodes the whole image to
# check it and to make renditions: 50 million pixels (a 50-megapixel photo) is up to 200 MB in
# a web process; Wagtail's default, 128 million, would be 512 MB. Packages keep the same limit.
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtailimages-max-image-pixels
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# Embeds are shown as links, never as third-party iframes (no trackers): no oEmbed finders.
WAGTAILEMBEDS_FINDERS = []
