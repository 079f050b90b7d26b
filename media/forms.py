"""Admin forms of the media app."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.images.forms import BaseImageForm

from .captions import MAX_BYTES, captions_check
from .fields import ImageUploadField


class CaptionForm(WagtailAdminModelForm):
    """Upload of one language's captions: the WebVTT file is checked against the recording."""

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        asset = cleaned.get("asset")
        if upload is None or asset is None or upload == self.initial.get("file"):
            return cleaned
        if upload.size > MAX_BYTES:
            self.add_error("file", _("A caption file may be at most 2 MB."))
            return cleaned
        upload.seek(0)
        content = upload.read()
        upload.seek(0)
        try:
            self.instance.cue_count = captions_check(content, duration=asset.duration or None)
        except ValidationError as error:
            self.add_error("file", error)
        return cleaned

    def save(self, commit=True):
        replaced = self.initial.get("file") if "file" in self.changed_data else None
        caption = super().save(commit=commit)
        if replaced and replaced.name != caption.file.name:
            storage, name = replaced.storage, replaced.name
            transaction.on_commit(lambda: storage.delete(name), robust=True)
        return caption


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): the upload counts pixels first.

    Wagtail builds the file field itself (formfield_callback), so it is swapped here; the
    multiple-upload edit form has no file field and keeps none.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        upload = self.fields.get("file")
        if upload is not None:
            self.fields["file"] = ImageUploadField(
                label=upload.label, required=upload.required, widget=upload.widget
            )
