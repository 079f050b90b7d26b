"""Trainers no longer change pages and files they do not own (issue 17).

Earlier versions gave the Trainers group "change" on the root page and on the root collection, so
any trainer could edit or delete another trainer's draft, image, document or recording.
roles_ensure (run after every migrate) no longer grants those, and never takes back a grant, so
this migration withdraws them once, exactly where roles_ensure had put them: the root page and the
root collection. A grant an administrator made elsewhere (on a library, a collection) stays.

Reversing gives the grants back. A fresh database has no Trainers group yet at this point
(roles_ensure creates it after migrate): nothing to do.
"""

from django.db import migrations

TRAINERS = "Trainers"
PAGE_GRANTS = (("wagtailcore", "change_page"),)
COLLECTION_GRANTS = (
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
    ("wagtailmedia", "change_media"),
)


def _grants(apps):
    """(trainers group, root page, root collection, permission query) or None when absent."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainers = Group.objects.filter(name=TRAINERS).first()
    if trainers is None:
        return None
    root_page = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    root_collection = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()

    def permissions(labels):
        return [
            permission
            for app_label, codename in labels
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        ]

    return trainers, root_page, root_collection, permissions


def withdraw(apps, schema_editor):
    found = _grants(apps)
    if found is None:
        return
    trainers, root_page, root_collection, permissions = found
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
        group=trainers, page=root_page, permission__in=permissions(PAGE_GRANTS)
    ).delete()
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(
        group=trainers, collection=root_collection, permission__in=permissions(COLLECTION_GRANTS)
    ).delete()


def give_back(apps, schema_editor):
    found = _grants(apps)
    if found is None:
        return
    trainers, root_page, root_collection, permissions = found
    if root_page is not None:
        for permission in permissions(PAGE_GRANTS):
            apps.get_model("wagtailcore", "GroupPagePermission").objects.get_or_create(
                group=trainers, page=root_page, permission=permission
            )
    if root_collection is not None:
        for permission in permissions(COLLECTION_GRANTS):
            apps.get_model("wagtailcore", "GroupCollectionPermission").objects.get_or_create(
                group=trainers, collection=root_collection, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0090_remove_grouppagepermission_permission_type"),
    ]
    operations = [migrations.RunPython(withdraw, give_back)]
