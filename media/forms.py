"""Admin forms of the media app."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm

from .captions import MAX_BYTES, captions_check
from .fields import ImageUploadField
from .selectors import media_assets_owned_by, media_change_allowed, media_live_change_refused

LIVE_REFUSAL = _(
    "This recording is shown on a published page, so only a moderator can change it or its "
    "captions. To show a different recording, upload it, choose it in the page and submit the "
    "page for moderation."
)
LIVE_FILE_REFUSAL = _(
    "This image or document is shown on a published page, so only a moderator can change or "
    "delete it. To show a different one, upload it, choose it in the page and submit the page "
    "for moderation."
)


class _StoredFile:
    """A stored file as a file input shows it: its name, linked through the address that checks
    who asks (the storage's own address is private)."""

    def __init__(self, file, url):
        self.file, self.url = file, url

    def __str__(self):
        return str(self.file)


class CheckedFileInput(forms.ClearableFileInput):
    """A file input whose "currently" link goes to the file's checked address: `link` gives it
    for the form's instance."""

    def __init__(self, *args, link, **kwargs):
        super().__init__(*args, **kwargs)
        self.link = link

    def format_value(self, value):
        value = super().format_value(value)
        instance = getattr(value, "instance", None)
        if instance is None or instance.pk is None:
            return value
        return _StoredFile(value, self.link(instance))


class ReadOnlyWhenLiveForm:
    """A form of Wagtail's collection members whose object, once a published page shows it,
    keeps every field (file, title, alt text, focal point, collection, tags) unless a moderator
    changes it (media/selectors.py). Wagtail passes the person editing as `user`."""

    live_refusal = None

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, user=user, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if (
            self.instance.pk
            and self.has_changed()
            and self.user is not None
            and media_live_change_refused(user=self.user, item=self.instance)
        ):
            raise ValidationError(self.live_refusal, code="live")
        return cleaned


class MediaAssetForm(ReadOnlyWhenLiveForm, BaseMediaForm):
    """wagtailmedia's form (WAGTAILMEDIA["MEDIA_FORM_BASE"]): a recording on a published page
    keeps its file, thumbnail and title; the thumbnail is linked through the recording's checked
    address."""

    live_refusal = LIVE_REFUSAL

    class Meta(BaseMediaForm.Meta):
        widgets = {
            **BaseMediaForm.Meta.widgets,
            "thumbnail": CheckedFileInput(link=lambda asset: asset.file_url("thumbnail")),
        }


class ImageForm(ReadOnlyWhenLiveForm, BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE). The upload counts pixels first.

    The title and alt text are read-only once live too: screen readers read them on the page,
    where a changed text is as visible as a changed picture. Wagtail builds the file field itself
    (formfield_callback), so it is swapped here; the multiple-upload edit form has no file field
    and keeps none.
    """

    live_refusal = LIVE_FILE_REFUSAL

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        upload = self.fields.get("file")
        if upload is not None:
            self.fields["file"] = ImageUploadField(
                label=upload.label, required=upload.required, widget=upload.widget
            )


class DocumentForm(ReadOnlyWhenLiveForm, BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE). The title is read-only too:
    it is the text of the download link on the page."""

    live_refusal = LIVE_FILE_REFUSAL


class CaptionForm(WagtailAdminModelForm):
    """Upload of one language's captions: the WebVTT file is checked against the recording.

    Someone offered the captions of a recording may change it: a trainer their own uploads,
    as long as no published page shows it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "asset" in self.fields:
            self.fields["asset"].queryset = media_assets_owned_by(user=self.for_user)

    def clean(self):
        cleaned = super().clean()
        asset = cleaned.get("asset")
        if (
            asset is not None
            and self.for_user is not None
            and not media_change_allowed(user=self.for_user, asset=asset)
        ):
            self.add_error("asset", LIVE_REFUSAL)
            return cleaned
        upload = cleaned.get("file")
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
