"""Course packages: a course's identity and version across installations, its exports and
the imports waiting for an editor's confirmation (the format: courses/packaging/schema.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elearning.core.leases import lease_fields


class PackageOrigin(models.TextChoices):
    MADE_HERE = "here", _("Made on this site")
    IMPORTED = "imported", _("Imported from another site")


class CoursePackage(models.Model):
    """A course as something others can reuse.

    `key` is the course's identity everywhere: the translation key of the course on the site
    that made it, kept on every site that imports it. `version` goes up by one whenever an
    export finds the content changed; an import takes a package only when its version is
    newer than the one installed, so updates flow one way.

    On an importing site `version` is the version visitors see. A version imported without
    publishing is `version_pending` while its pages wait for moderation; it becomes `version`
    once every page of the course is published as its latest revision
    (`package_version_settle`). Until then the same version may be imported again.
    """

    key = models.UUIDField(_("course identity"), unique=True)
    course = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="package",
    )
    version = models.PositiveIntegerField(_("version"), default=0)
    version_pending = models.PositiveIntegerField(
        _("version awaiting moderation"), null=True, blank=True
    )
    content_digest = models.CharField(max_length=64, blank=True, editable=False)
    origin = models.CharField(
        _("origin"), max_length=10, choices=PackageOrigin.choices, default=PackageOrigin.MADE_HERE
    )
    source = models.CharField(
        _("comes from"),
        max_length=255,
        blank=True,
        help_text=_("The site and publisher an imported course comes from."),
    )
    offered = models.BooleanField(
        _("offered in the catalogue"),
        default=False,
        help_text=_("Other installations can find and download the latest export."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the files of an imported course are kept."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("course package")
        verbose_name_plural = _("course packages")
        permissions = [
            ("export_coursepackage", _("Can export course packages")),
            ("import_coursepackage", _("Can import course packages")),
        ]

    def __str__(self):
        return f"{self.course.title} v{self.version}"


class PackageFile(models.Model):
    """Which image, document, recording or caption file an imported package file became, so a
    newer version of the package reuses it instead of storing the same bytes again."""

    package = models.ForeignKey(CoursePackage, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=12)
    sha256 = models.CharField(max_length=64)
    object_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["package", "kind", "sha256"], name="courses_packagefile_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.sha256[:12]}"


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class PackageExport(models.Model):
    """One export of a course, written by a Celery task into storage."""

    package = models.ForeignKey(CoursePackage, on_delete=models.CASCADE, related_name="exports")
    version = models.PositiveIntegerField(_("version"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("package"), upload_to="packages", blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    problem = models.TextField(_("problem"), blank=True)
    # Pages of the course that carry a view restriction and so stayed out of this export,
    # as [{"key": translation key, "language": code}] (courses/packaging/offering.py).
    left_out = models.JSONField(_("pages left out"), default=list, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The worker writing it holds a lease (elearning/core/leases.py); `attempts` counts the
    # runs that claimed it, so a job that keeps failing on a technical problem ends failed.
    lease_token, lease_expires_at = lease_fields()
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("package export")
        verbose_name_plural = _("package exports")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="courses_packageexport_progress_max_100"
            )
        ]

    def __str__(self):
        return f"{self.package} ({self.get_status_display()})"


class PackageImport(models.Model):
    """An uploaded package that passed every check, waiting for the editor to confirm its
    preview; then imported by a Celery task. Refused uploads leave no row and no file."""

    file = models.FileField(upload_to="package_uploads")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who confirmed the preview: the import's revisions, publications and moderation
    # requests are theirs (another moderator than the uploader may confirm).
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(max_length=8, default="nl")
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING
    )
    key = models.UUIDField(_("course identity"))
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("course"), max_length=255)
    report = models.JSONField(_("preview"), default=dict)
    problem = models.TextField(_("problem"), blank=True)
    course = models.ForeignKey(
        "courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Chosen when the import was confirmed: a run that takes over a stopped one does the same.
    publish = models.BooleanField(default=False, editable=False)
    # See PackageExport.
    lease_token, lease_expires_at = lease_fields()
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("package import")
        verbose_name_plural = _("package imports")

    def __str__(self):
        return f"{self.title} v{self.version}"

    @property
    def lease_held(self):
        """Whether a worker is at it now (its lease has not lapsed)."""
        return bool(self.lease_expires_at and self.lease_expires_at > timezone.now())
