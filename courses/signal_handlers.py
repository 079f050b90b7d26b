"""Keep each course's stored total duration in step with its published parts; an imported
version becomes the installed one once its drafts are published; removed package exports and
uploads take their stored file with them."""

from django.db import transaction
from django.db.models.signals import post_delete

from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import CoursePage, ModulePage, PackageExport, PackageImport, WebinarPage
from .services import course_duration_refresh_around, package_version_settle

DURATION_MODELS = (CoursePage, ModulePage, WebinarPage)


def refresh_course_duration(sender, instance, **kwargs):
    course_duration_refresh_around(page_path=instance.path)


def refresh_after_move(sender, instance, url_path_before, url_path_after, **kwargs):
    if not isinstance(instance.specific_deferred, DURATION_MODELS):
        return
    course_duration_refresh_around(page_path=instance.path)
    old_parent_path = kwargs.get("parent_page_before")
    if old_parent_path is not None:
        course_duration_refresh_around(page_path=old_parent_path.path)


for model in DURATION_MODELS:
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(
            refresh_course_duration, sender=model, dispatch_uid=f"dur-{signal!r}-{model}"
        )
post_page_move.connect(refresh_after_move, dispatch_uid="course-duration-move")


def settle_package_version(sender, instance, **kwargs):
    package_version_settle(page_path=instance.path)


for model in DURATION_MODELS:
    page_published.connect(
        settle_package_version, sender=model, dispatch_uid=f"package-version-{model}"
    )


def package_file_delete(sender, instance, **kwargs):
    """Once the deletion is committed (a rolled-back delete keeps its file)."""
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))


for model in (PackageExport, PackageImport):
    post_delete.connect(package_file_delete, sender=model, dispatch_uid=f"package-file-{model}")
