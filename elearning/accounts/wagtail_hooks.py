"""Admin hooks of the accounts app: Wagtail's own checks, completed where they stop short."""

from functools import wraps

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.auth import permission_denied, permission_required
from wagtail_localize.views import report as translation_report
from wagtail_localize.views import snippets_api

from . import moderation

# wagtail-localize's own permission for its "Translate" action (Moderators and Editors have
# it); trainers work on the translations of their own pages without it.
TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"
SNIPPET_ACTIONS = ("add", "change", "delete", "view")


@hooks.register("before_move_page")
def refuse_moving_what_one_may_not_move(request, page_to_move, destination):
    """Wagtail checks the move itself (POST) but shows its confirmation to anyone with admin
    access; a trainer asking to move another trainer's page is refused before the form."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None


def _snippet_readers_only(view):
    """wagtail-localize's snippet API (the title of a snippet chosen in a translation) lists
    any snippet model to any admin user; here only to who may translate or may see that model
    in the admin."""

    @wraps(view)
    def guarded(request, app_label, model_name, **kwargs):
        permissions = [TRANSLATE_PERMISSION]
        permissions += [f"{app_label}.{action}_{model_name}" for action in SNIPPET_ACTIONS]
        if not any(request.user.has_perm(permission) for permission in permissions):
            return permission_denied(request)
        return view(request, app_label=app_label, model_name=model_name, **kwargs)

    return guarded


@hooks.register("register_admin_urls", order=-1)
def register_translation_guard_urls():
    """wagtail-localize's translations report (the titles of everything translated, and how
    far) and snippet API answer every admin user, municipal coordinators included; these
    addresses, in front of its own (order=-1: the admin tries URL hooks in order), answer those
    who may translate (and the snippet API also those who may see the snippets)."""
    translators_only = permission_required(TRANSLATE_PERMISSION)
    report = translation_report.TranslationsReportView
    return [
        path(
            "localize/reports/translations/",
            translators_only(report.as_view()),
            name="localize_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            translators_only(report.as_view(results_only=True)),
            name="localize_translations_report_results",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            _snippet_readers_only(snippets_api.SnippetViewSet.as_view({"get": "list"})),
            name="localize_snippets_api_listing",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            _snippet_readers_only(snippets_api.SnippetViewSet.as_view({"get": "retrieve"})),
            name="localize_snippets_api_detail",
        ),
    ]


@hooks.register("construct_reports_menu")
def hide_translations_report_from_who_may_not_translate(request, menu_items):
    if request.user.has_perm(TRANSLATE_PERMISSION):
        return
    report_url = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != report_url]


@hooks.register("after_edit_page")
def say_what_a_moderation_step_did(request, page):
    moderation.workflow_action_message_correct(request, page)


@hooks.register("construct_page_action_menu")
def name_the_moderation_in_the_users_language(menu_items, request, context):
    moderation.action_menu_moderation_label(menu_items, request, context)
