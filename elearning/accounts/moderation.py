"""Moderation as trainers and Moderators meet it in the admin, where Wagtail's defaults mislead.

- A submission mailed each superuser twice: Wagtail's "submitted to the workflow" mail and,
  from the first task of our workflow (a group approval), "waits for your review". Those who
  get the second now do not get the first.
- Approving from the edit page said "Page ... has been updated." although the approval
  published the page (or sent it on, or asked for changes): the message now says what happened.
- The submit button read "Submit to Moderators approval", the workflow's name as stored in the
  database (one language for every user): our workflow's button says "Submit for moderation"
  in the user's language. A workflow an administrator adds keeps its own name.
- "Moderators approval", the name Wagtail's migration stored on the workflow and its task, showed
  in English to everyone (status panel, workflow history, workflow admin, mail subjects): it now
  reads in each reader's language (`DefaultModerationName`). A name an editor typed shows as typed.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.mail import WorkflowStateSubmissionEmailNotifier
from wagtail.models import AbstractGroupApprovalTask, WorkflowState

from .roles import MODERATION_WORKFLOW


class DefaultModerationName(str):
    """The stored "Moderators approval", shown in the reader's language.

    The value stays the stored English string for the database, comparisons, filters and the
    JSON of Wagtail's log entries, so nothing stored changes with the language of who acted.
    Turned into text (templates, mail subjects rendered per recipient language, `%s`), it is the
    translation: one place instead of overriding every Wagtail template that prints the name.
    """

    def __str__(self):
        return _(MODERATION_WORKFLOW)


def moderation_name_translate(sender, instance, **kwargs):
    """post_init of Workflow and Task: the default name reads in the reader's language."""
    if "name" not in instance.get_deferred_fields() and instance.name == MODERATION_WORKFLOW:
        instance.name = DefaultModerationName(MODERATION_WORKFLOW)


def moderation_name_store(sender, instance, **kwargs):
    """pre_save of Workflow and Task: the admin form shows the default name translated, so
    saving the form unchanged (to edit the groups, say) sends back a translation. That stays
    the default name, not a Dutch or French name everyone would then read."""
    if instance.name in _moderation_name_translations():
        instance.name = DefaultModerationName(MODERATION_WORKFLOW)


def moderation_log_name_translate(sender, instance, **kwargs):
    """post_init of Wagtail's log entries: the page's History tab builds "'Moderators approval'
    started" from the names stored in the entry's data when it was written; the default name
    there reads in the reader's language too."""
    if "data" in instance.get_deferred_fields() or not isinstance(instance.data, dict):
        return
    workflow = instance.data.get("workflow")
    if not isinstance(workflow, dict):
        return
    for named in (workflow, workflow.get("task"), workflow.get("next")):
        if isinstance(named, dict) and named.get("title") == MODERATION_WORKFLOW:
            named["title"] = DefaultModerationName(MODERATION_WORKFLOW)


def _moderation_name_translations():
    names = {MODERATION_WORKFLOW}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.add(_(MODERATION_WORKFLOW))
    return names


class WorkflowSubmittedNotifier(WorkflowStateSubmissionEmailNotifier):
    """Wagtail's "submitted" mail, left out when the workflow's first step is a group approval:
    its own mail reaches the same superusers (and the group) already."""

    def get_recipient_users(self, workflow_state: WorkflowState, **kwargs):
        task_state = workflow_state.current_task_state
        if task_state is not None and isinstance(
            task_state.task.specific, AbstractGroupApprovalTask
        ):
            return get_user_model().objects.none()
        return super().get_recipient_users(workflow_state, **kwargs)


def workflow_action_message_correct(request, page):
    """After a workflow action on the edit page, say what it did instead of "updated"."""
    action = request.POST.get("workflow-action-name")
    if request.method != "POST" or "action-workflow-action" not in request.POST or not action:
        return
    title = page.get_admin_display_title()
    # Wagtail's message, as its admin renders it into the message text (escaped, with buttons).
    updated = escape(_("Page '%(page_title)s' has been updated.") % {"page_title": title})
    said = _moderation_outcome(page, action) % {"page_title": title}
    kept = list(messages.get_messages(request))  # reading them takes them off the queue
    for message in kept:
        text = said if str(message.message).strip() == updated else message.message
        messages.add_message(request, message.level, text, extra_tags=message.extra_tags)


def _moderation_outcome(page, action):
    page.refresh_from_db(fields=["live", "has_unpublished_changes"])
    state = page.current_workflow_state
    if action == "reject":
        return _("Changes to '%(page_title)s' were requested; its author is told by e-mail.")
    if state is None and page.live and not page.has_unpublished_changes:
        return _("Page '%(page_title)s' has been published.")
    return _("Page '%(page_title)s' has been approved at this stage of moderation.")


class OwnWorkflowSubmitMenuItem(SubmitForModerationMenuItem):
    """ "Submit for moderation" (translated) where Wagtail names our workflow as stored."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            if state.current_task_state.task.name == MODERATION_WORKFLOW:
                context["label"] = _("Resubmit for moderation")
            return context
        workflow_page = page if page and page.pk else context.get("parent_page")
        workflow = workflow_page.get_workflow() if workflow_page else None
        if workflow is not None and workflow.name == MODERATION_WORKFLOW:
            context["label"] = _("Submit for moderation")
        return context


def action_menu_moderation_label(menu_items, request, context):
    """Replace Wagtail's submit item by ours, in the same place."""
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            ours = OwnWorkflowSubmitMenuItem(order=item.order)
            ours.name, ours.label, ours.icon_name = item.name, item.label, item.icon_name
            menu_items[index] = ours
