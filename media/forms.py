"""Admin forms of the media app."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm

from .captions import MAX_BYTES, captions_check
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


class MediaForm(ReadOnlyWhenLiveForm, BaseMediaForm):
    """wagtailmedia's form (WAGTAILMEDIA["MEDIA_FORM_BASE"]): a recording on a published page
    keeps its file, thumbnail and title."""

    live_refusal = LIVE_REFUSAL


class ImageForm(ReadOnlyWhenLiveForm, BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE). The title and alt text are read-only
    too: screen readers read them on the page, where a changed text is as visible as a changed
    picture."""

    live_refusal = LIVE_FILE_REFUSAL


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
