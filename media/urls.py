"""Addresses of recordings' files and captions (elearning/urls.py mounts them at /files/)."""

from django.urls import path, register_converter

from . import views


class RowIdConverter:
    """A database id: at most 18 digits, so a longer number is simply not found (no overflow)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(RowIdConverter, "row_id")

app_name = "media_files"
urlpatterns = [
    path(
        "recordings/<row_id:asset_id>/captions/<str:language>.vtt",
        views.caption_file,
        name="caption",
    ),
    path(
        "recordings/<row_id:asset_id>/<slug:variant>.<str:extension>",
        views.recording_file,
        name="recording",
    ),
]
