"""Account rules: profile changes, the learner's GDPR rights (access and erasure), and the
admin roles' groups and moderation workflow (declared in roles.py)."""

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Q

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import AccountSession
from .personal_data import personal_data_sections
from .roles import (
    COORDINATOR_PERMISSIONS,
    COORDINATORS,
    MODERATION_WORKFLOW,
    MODERATOR_PERMISSIONS,
    MODERATORS,
    TRAINER_COLLECTION_PERMISSIONS,
    TRAINER_PAGE_PERMISSIONS,
    TRAINER_PERMISSIONS,
    TRAINERS,
)
from .sessions import SessionStore

PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "municipality",
    "organisation",
    "sector",
    "preferred_language",
)


@transaction.atomic
def account_profile_update(*, user, **changes):
    """Save the profile fields the learner edits; nothing else can be set this way."""
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    for name, value in changes.items():
        setattr(user, name, value)
    user.save(update_fields=list(changes))
    return user


def _account_section(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "municipality": user.municipality.name if user.municipality else None,
        "organisation": user.organisation,
        "sector": user.sector.code if user.sector else None,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


def _email_addresses_section(user):
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("pk")
    ]


def _sign_ins_section(user):
    # django-axes keeps a record of each sign-in (time, IP address, browser) under the address.
    return [
        {
            "signed_in_at": entry.attempt_time.isoformat(),
            "signed_out_at": entry.logout_time.isoformat() if entry.logout_time else None,
            "ip_address": entry.ip_address,
            "user_agent": entry.user_agent,
        }
        for entry in AccessLog.objects.filter(username__iexact=user.email).order_by("pk")
    ]


def _municipality_sign_ins_section(user):
    # Who the learner is at their municipality's identity provider, and the claims kept from it.
    return [
        {
            "provider": account.provider,
            "subject": account.uid,
            "claims": account.extra_data,
            "connected_at": account.date_joined.isoformat(),
            "last_used_at": account.last_login.isoformat(),
        }
        for account in SocialAccount.objects.filter(user=user).order_by("pk")
    ]


# The account's own sections come first; the apps above accounts add theirs (personal_data.py).
ACCOUNT_SECTIONS = (
    ("account", _account_section),
    ("email_addresses", _email_addresses_section),
    ("sign_ins", _sign_ins_section),
    ("municipality_sign_ins", _municipality_sign_ins_section),
)


def account_data_export(*, user) -> dict:
    """Everything the platform holds about `user`, as JSON-ready data (GDPR right of access)."""
    data = {name: section(user) for name, section in ACCOUNT_SECTIONS}
    for section in personal_data_sections():
        if section.export is not None:
            data[section.name] = section.export(user=user)
    return data


@transaction.atomic
def account_erase(*, user):
    """Erase the account and everything that names it (GDPR right to erasure), all or nothing.

    Rows that must outlive the learner (attendance counts, aggregated progress for the SPOC
    reports) are anonymised first by the sections their apps registered (personal_data.py),
    *before* the user is deleted; rows that only matter to the learner go with the user through
    `on_delete=CASCADE`.
    """
    for section in personal_data_sections():
        if section.erase is not None:
            section.erase(user=user)
    EmailAddress.objects.filter(user=user).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=user.email).delete()
    account_sessions_end(user=user)
    user.delete()


@transaction.atomic
def account_sessions_end(*, user):
    """Sign the account out on every device: its sessions are deleted with this transaction,
    and their cached copies once it commits (a request that read a session before the commit
    may have cached it again meanwhile)."""
    sessions = AccountSession.objects.filter(user=user)
    keys = list(sessions.values_list("session_key", flat=True))
    sessions.delete()
    transaction.on_commit(lambda: _sessions_forget(keys))


def _sessions_forget(keys):
    for key in keys:
        SessionStore().delete(key)  # the cached copy; the row is already gone


def sessions_expired_clear():
    """Delete the sessions past their expiry date (Django's `clearsessions`); beat schedule."""
    SessionStore.clear_expired()


# --- Roles in the Wagtail admin (roles.py) ------------------------------------------------------


@transaction.atomic
def roles_ensure(*, using=DEFAULT_DB_ALIAS):
    """Create or complete the Trainers and Municipal coordinators groups and the moderation
    workflow on the root page.

    Trainers submit; the workflow hands their pages to the Moderators, who approve and publish.
    Municipal coordinators (SPOCs) only read their municipality's reports.

    Idempotent: running it again adds nothing. Parts that hang off the page tree or the
    collection tree wait until those exist (a flushed test database has neither).
    """
    trainers, _created = Group.objects.using(using).get_or_create(name=TRAINERS)
    trainers.permissions.add(*_permissions(TRAINER_PERMISSIONS, using=using))
    root_page = Page.objects.using(using).filter(depth=1).first()
    if root_page is not None:
        _page_permissions_grant(trainers, root_page, using=using)
        _moderation_workflow_ensure(root_page, using=using)
    root_collection = Collection.objects.using(using).filter(depth=1).first()
    if root_collection is not None:
        _collection_permissions_grant(trainers, root_collection, using=using)
    coordinators, _created = Group.objects.using(using).get_or_create(name=COORDINATORS)
    coordinators.permissions.add(*_permissions(COORDINATOR_PERMISSIONS, using=using))
    moderators = Group.objects.using(using).filter(name=MODERATORS).first()
    if moderators is not None:
        moderators.permissions.add(*_permissions(MODERATOR_PERMISSIONS, using=using))


def _permissions(labels, *, using):
    """The Permission rows for "app_label.codename" labels; a missing one is a setup error."""
    wanted = Q()
    for label in labels:
        app_label, codename = label.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.using(using).filter(wanted).select_related("content_type"))
    missing = set(labels) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
    if missing:
        raise LookupError(f"Permissions missing for the roles: {sorted(missing)}")
    return found


def _page_permissions_grant(group, page, *, using):
    for permission in _permissions(TRAINER_PAGE_PERMISSIONS, using=using):
        GroupPagePermission.objects.using(using).get_or_create(
            group=group, page=page, permission=permission
        )


def _collection_permissions_grant(group, collection, *, using):
    for permission in _permissions(TRAINER_COLLECTION_PERMISSIONS, using=using):
        GroupCollectionPermission.objects.using(using).get_or_create(
            group=group, collection=collection, permission=permission
        )


def _moderation_workflow_ensure(root_page, *, using):
    """Every page goes through a workflow: Wagtail's "Moderators approval" unless one is set.

    A workflow an administrator put on the root page stays. Disabling a workflow in Wagtail
    removes it from its pages; the next migrate then enables "Moderators approval" again,
    because trainers depend on it to get their work reviewed.
    """
    if WorkflowPage.objects.using(using).filter(page=root_page).exists():
        return
    workflow = Workflow.objects.using(using).filter(name=MODERATION_WORKFLOW).first()
    if workflow is None:
        workflow = _moderation_workflow_create(using=using)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowPage.objects.using(using).create(page=root_page, workflow=workflow)


def _moderation_workflow_create(*, using):
    """Wagtail's default moderation, rebuilt the way its migrations build it."""
    moderators, _created = Group.objects.using(using).get_or_create(name=MODERATORS)
    task, _created = GroupApprovalTask.objects.using(using).get_or_create(name=MODERATION_WORKFLOW)
    task.groups.add(moderators)
    workflow = Workflow.objects.using(using).create(name=MODERATION_WORKFLOW, active=True)
    WorkflowTask.objects.using(using).create(workflow=workflow, task=task, sort_order=0)
    return workflow
