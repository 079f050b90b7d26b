"""Who listens for what in the accounts app, wired once from AccountsConfig.ready()."""

from allauth.account.signals import password_reset

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import post_init, post_migrate, pre_save

from wagtail.models import GroupApprovalTask, ModelLogEntry, PageLogEntry, Task, Workflow

from elearning.core.upstream_internals import workflow_submitted_mail_replace

from .moderation import (
    WorkflowSubmittedNotifier,
    moderation_log_name_translate,
    moderation_name_store,
    moderation_name_translate,
)
from .roles import ROLE_APP_LABELS
from .services import roles_ensure
from .throttling import lockout_lift_after_password_reset

# Models the roles are made of; a partial migrate (`migrate contenttypes`) may lack them.
ROLE_MODELS = (
    ("auth", "Group"),
    ("auth", "Permission"),
    ("wagtailcore", "GroupPagePermission"),
    ("wagtailcore", "GroupCollectionPermission"),
    ("wagtailcore", "WorkflowPage"),
    ("wagtailcore", "GroupApprovalTask"),
)


def roles_after_migrate(sender, *, using, verbosity=1, apps=global_apps, **kwargs):
    """Keep the admin roles in place after every migrate (a fresh test database included).

    Django sends post_migrate once per app, in INSTALLED_APPS order, and creates each app's
    permissions in that app's turn; accounts comes before courses and the Wagtail apps, so their
    permissions are created here first (Django's create_permissions is idempotent). `apps` is
    the migrated state: a model missing from it has no table yet.
    """
    if not _migrated(apps):
        return
    for app_label in sorted(ROLE_APP_LABELS):
        create_permissions(
            global_apps.get_app_config(app_label), verbosity=verbosity, using=using, apps=apps
        )
    roles_ensure(using=using)


def _migrated(apps):
    try:
        for app_label, model_name in ROLE_MODELS:
            apps.get_model(app_label, model_name)
        for app_label in ROLE_APP_LABELS:
            apps.get_app_config(app_label)
    except LookupError:
        return False
    return True


post_migrate.connect(
    roles_after_migrate,
    sender=global_apps.get_app_config("accounts"),
    dispatch_uid="accounts.roles_after_migrate",
)
password_reset.connect(
    lockout_lift_after_password_reset, dispatch_uid="accounts.lockout_lift_after_password_reset"
)


# Before wagtail.admin connects its own under the same uid (accounts comes first in
# INSTALLED_APPS): one moderation mail per submission (moderation.py).
workflow_submitted_notifier = WorkflowSubmittedNotifier()
workflow_submitted_mail_replace(workflow_submitted_notifier)

# "Moderators approval" in the reader's language (moderation.DefaultModerationName). Each
# model a task is loaded as (the base Task, its specific GroupApprovalTask) has its own signal.
for model in (Workflow, Task, GroupApprovalTask):
    post_init.connect(
        moderation_name_translate, sender=model, dispatch_uid=f"accounts.name_{model.__name__}"
    )
    pre_save.connect(
        moderation_name_store, sender=model, dispatch_uid=f"accounts.store_{model.__name__}"
    )
for model in (PageLogEntry, ModelLogEntry):
    post_init.connect(
        moderation_log_name_translate, sender=model, dispatch_uid=f"accounts.log_{model.__name__}"
    )
