from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagingConfig(AppConfig):
    """Course packages: export, import and pull between installations, and the standards exports.

    An app of its own above courses, so course content never depends on how it is packaged. Its
    models (CoursePackage, PackageExport, PackageImport, ...) stay in courses.models, where their
    migrations already live.
    """

    name = "courses.packaging"
    label = "packaging"
    verbose_name = _("Course packages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import tasks  # noqa: F401  (registers the package tasks with Celery)
