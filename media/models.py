"""Our own image, document and audio/video models, chosen before the first migration so that
later fields (captions, processing status, renditions) never need a model swap."""

import posixpath

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtailmedia.models import AbstractMedia

from elearning.core.leases import lease_fields


class CustomImage(AbstractImage):
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )

    admin_form_fields = Image.admin_form_fields + ("alt_text",)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    admin_form_fields = Document.admin_form_fields

    def save(self, *args, **kwargs):
        # Pages show each download's size ("PDF, 1.2 MB"); the admin form measures it, and so
        # does every other way in (imports, the demo, scripts), so no page has to on a visit.
        if self.file and self.file_size is None:
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class ProcessingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be processed")
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class ProcessingProblem(models.TextChoices):
    """Why processing failed, in words an editor can act on (details stay for administrators)."""

    NOT_MEDIA = "not_media", _("This file is not a video or audio file.")
    WRONG_KIND = (
        "wrong_kind",
        _(
            "The file does not match its type: a video was expected and this is sound only, or "
            "the other way round."
        ),
    )
    UNREADABLE = "unreadable", _("The file is damaged or in a format that cannot be read.")
    CONVERSION = "conversion", _("The file could be read but not converted for the web.")
    MISSING = "missing", _("The uploaded file cannot be found in storage any more.")
    GAVE_UP = "gave_up", _("Processing failed several times for a technical reason.")


# The files of a recording by the name its address uses (media/urls.py): the field holding each.
RECORDING_FILES = {
    "original": "file",
    "web": "web_file",
    "poster": "poster",
    "thumbnail": "thumbnail",
}


class MediaAsset(AbstractMedia):
    """A video or audio recording (module video, webinar recording, podcast episode).

    Uploading (or replacing) the file starts processing on Celery (media/services.py): the
    duration and dimensions are read, a poster frame is taken from a video, and a web rendition
    (H.264/AAC MP4 with its index at the front, so playback and seeking start at once) is made.
    Pages play the web rendition once it is ready, the original until then.
    """

    processing_status = models.CharField(
        _("processing"),
        max_length=12,
        choices=ProcessingStatus.choices,
        default=ProcessingStatus.PENDING,
        editable=False,
    )
    processing_problem = models.CharField(
        _("problem"), max_length=12, choices=ProcessingProblem.choices, blank=True, editable=False
    )
    processing_detail = models.TextField(_("technical detail"), blank=True, editable=False)
    processing_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    processing_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    # When its task was last sent: the sweep sends a pending one again only after a while.
    processing_queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The worker processing it renews this claim while ffmpeg runs (elearning/core/leases.py).
    lease_token, lease_expires_at = lease_fields()
    # The name of the original the outputs below were made from: a new upload differs.
    processed_source = models.CharField(max_length=255, blank=True, editable=False)
    poster = models.FileField(
        _("poster frame"), upload_to="media_posters", blank=True, editable=False
    )
    web_file = models.FileField(_("web version"), upload_to="media_web", blank=True, editable=False)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "thumbnail",
        "tags",
    )

    class Meta(AbstractMedia.Meta):
        verbose_name = _("video or audio")
        verbose_name_plural = _("videos and audio")
        indexes = [models.Index(fields=["processing_status"], name="media_asset_status_idx")]
        # What a published page shows changes only through a moderator (media/selectors.py).
        permissions = [
            (
                "change_live_media",
                _("Can change recordings and captions shown on published pages"),
            )
        ]

    @property
    def processing_held(self):
        """A worker holds a live claim on it: its lease has not lapsed (services.py)."""
        return bool(self.lease_expires_at and self.lease_expires_at > timezone.now())

    @property
    def is_ready(self):
        return self.processing_status == ProcessingStatus.READY and bool(self.web_file)

    def file_url(self, variant):
        """The address of one of the files (RECORDING_FILES); the view checks who asks, so pages
        (cached ones too) link this, never the stored file."""
        extension = posixpath.splitext(getattr(self, RECORDING_FILES[variant]).name)[1]
        return reverse(
            "media_files:recording", args=[self.pk, variant, extension[1:].lower() or "bin"]
        )

    @property
    def url(self):
        """The original, as wagtailmedia's admin and `sources` link it."""
        return self.file_url("original") if self.pk and self.file else ""

    @property
    def playback_url(self):
        """The web rendition when ready, else the original (it may still play)."""
        return self.file_url("web") if self.is_ready else self.url

    @property
    def playback_type(self):
        if self.is_ready:
            return "video/mp4" if self.type == "video" else "audio/mp4"
        return self.sources[0]["type"]

    @property
    def poster_url(self):
        """The editor's own thumbnail if any, else the frame taken by processing."""
        if self.thumbnail:
            return self.file_url("thumbnail")
        return self.file_url("poster") if self.poster else ""


class MediaCaption(models.Model):
    """Captions (subtitles for the deaf and hard of hearing) of a recording, one file per language.

    Accessibility law for public bodies (WCAG 2.1 AA, 1.2.2) needs captions on recorded video;
    files are WebVTT, checked on upload (media/captions.py).
    """

    asset = models.ForeignKey(
        MediaAsset,
        verbose_name=_("video or audio"),
        on_delete=models.CASCADE,
        related_name="captions",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    file = models.FileField(
        _("WebVTT file"),
        upload_to="media_captions",
        validators=[FileExtensionValidator(["vtt"])],
        help_text=_("Captions in WebVTT format (.vtt), in the language chosen above."),
    )
    cue_count = models.PositiveIntegerField(_("number of captions"), default=0, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("captions")
        verbose_name_plural = _("captions")
        ordering = ["asset", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "language"],
                name="media_caption_one_per_language",
                violation_error_message=_(
                    "This recording already has captions in this language; edit those instead."
                ),
            )
        ]

    def __str__(self):
        return f"{self.asset} ({self.get_language_display()})"

    @property
    def label(self):
        return self.get_language_display()

    @property
    def url(self):
        return reverse("media_files:caption", args=[self.asset_id, self.language])
