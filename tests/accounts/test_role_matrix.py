"""Every admin address, asked by every role: nobody gets a screen their role does not give.

The addresses come from the URL resolver (every pattern under /admin/ and /django-admin/), so a
screen added later is walked without touching this test. Arguments are filled from real
objects (tests/accounts/role_matrix.py): a trainer asks for their own objects and for a
colleague's, a SPOC for their own municipality and another. What a role may open is derived
from rules below (areas, and whether an address names someone else's object); an address no
rule knows may answer 200 to nobody but an administrator, so a new screen that opens to a role
not entitled to it fails here until a rule says who may see it.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest

from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from .role_matrix import world_build

ADMIN_PREFIXES = ("admin/", "django-admin/")


@dataclass(frozen=True)
class Address:
    route: str
    name: str | None
    params: tuple  # named arguments
    positional: int  # arguments without a name

    @property
    def namespace(self):
        return self.name.rsplit(":", 1)[0] if self.name and ":" in self.name else ""


def admin_addresses():
    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                name = pattern.name and (
                    f"{namespace}:{pattern.name}" if namespace else pattern.name
                )
                regex = pattern.pattern.regex
                params = tuple(regex.groupindex)
                positional = regex.groups - len(params)
                yield Address(prefix + str(pattern.pattern), name, params, positional)

    found = [a for a in walk(get_resolver().url_patterns) if a.route.startswith(ADMIN_PREFIXES)]
    return list(dict.fromkeys(found))


# --- Filling the arguments ---------------------------------------------------------------------

# Parameter name -> kind of object (looked up in the world's "own"/"other", then "shared").
PARAMETER_KINDS = {
    "page_id": "page",
    "page_pk": "page",
    "page_to_move_id": "page",
    "parent_page_id": "parent_page",
    "destination_id": "place",
    "revision_id": "revision",
    "workflow_state_id": "workflow_state",
    "task_state_id": "task_state",
    "task_id": "task",
    "image_id": "image",
    "document_id": "document",
    "doc_id": "document",
    "media_id": "asset",
    "asset_id": "asset",
    "uploaded_file_id": "uploaded_file",
    "collection_id": "collection",
    "signup_id": "signup",
    "session_id": "editing_session",
    "export_id": "export",
    "import_id": "import",
    "course_id": "course",
    "query_id": "query",
    "redirect_id": "redirect",
    "workflow_pk": "workflow",
    "translation_id": "translation",
    "translation_source_id": "translation_source",
    "string_segment_id": "string_segment",
    "overridable_segment_id": "overridable_segment",
    "uidb64": "uidb64",
    "content_type_id": "group_content_type",
}
# "pk" by the namespace of the address.
PK_KINDS = {
    "captions": "caption",
    "intervision_sessions": "session",
    "intervision_facilitator": "session",
    "municipal_coordinators": "coordinator",
    "search_synonyms": "synonym_group",
    "wagtailsnippets_courses_theme": "theme",
    "wagtailsnippetchoosers_courses_theme": "theme",
    "wagtailsnippets_courses_trainer": "trainer_profile",
    "wagtailsnippetchoosers_courses_trainer": "trainer_profile",
    "wagtailsnippets_core_helpline": "help_line",
    "wagtail_localize": "theme",
    "wagtailusers_users": "user",
    "wagtailusers_groups": "group",
    "wagtailsites": "site",
    "wagtaillocales": "locale",
    "wagtailadmin_collections": "collection",
    "wagtailadmin_api:pages": "page",
    "wagtailadmin_api:images": "image",
    "wagtailadmin_api:documents": "document",
    "wagtailimages_chooser": "image",
    "wagtaildocs_chooser": "document",
    "wagtailsettings": "site",
}
PK_KINDS_BY_NAME = {
    "wagtailadmin_workflows:disable_task": "task",
    "wagtailadmin_workflows:edit_task": "task",
    "wagtailadmin_workflows:enable_task": "task",
    "localize_snippets_api_detail": "theme",
}
for _name in ("edit", "disable", "enable", "usage", "usage_results"):
    PK_KINDS_BY_NAME[f"wagtailadmin_workflows:{_name}"] = "workflow"
# Values that are words, not objects, per address name (or for any address: None).
WORDS = {
    None: {
        "media_type": "video",
        "filter_spec": "original",
        "standard": "scorm",
        "token": "set-password",
        "mode": "default",
        "url": "no-such-screen/",
        "app_label": "auth",  # the Django admin's app index
    },
    "wagtailadmin_pages:add": {
        "content_type_app_name": "courses",
        "content_type_model_name": "webinarpage",
    },
    "wagtailadmin_pages:preview_on_add": {
        "content_type_app_name": "courses",
        "content_type_model_name": "webinarpage",
    },
    "wagtailadmin_pages:type_use": {
        "content_type_app_name": "courses",
        "content_type_model_name": "webinarpage",
    },
    "wagtailadmin_pages:type_use_results": {
        "content_type_app_name": "courses",
        "content_type_model_name": "webinarpage",
    },
    "wagtailadmin_pages:choose_parent": {"app_label": "courses", "model_name": "webinarpage"},
    "wagtail_bulk_action": {"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
    "wagtailadmin_workflows:add_task": {
        "app_label": "wagtailcore",
        "model_name": "groupapprovaltask",
    },
    "wagtailadmin_editing_sessions:ping": {"app_label": "wagtailcore", "model_name": "page"},
    "wagtail_localize:snippets_api_listing": {"app_label": "courses", "model_name": "theme"},
    "wagtail_localize:snippets_api_detail": {"app_label": "courses", "model_name": "theme"},
    "localize_snippets_api_listing": {"app_label": "courses", "model_name": "theme"},
    "localize_snippets_api_detail": {"app_label": "courses", "model_name": "theme"},
    "wagtail_localize:submit_snippet_translation": {
        "app_label": "courses",
        "model_name": "theme",
    },
    "wagtailsettings:edit": {"app_name": "wagtailcore", "model_name": "site"},
    "wagtailsettings:preview_on_edit": {"app_name": "wagtailcore", "model_name": "site"},
    "wagtailadmin_tag_model_autocomplete": {"app_name": "media", "model_name": "customimage"},
    "wagtailadmin_pages:workflow_action": {"action_name": "approve"},
    "wagtailadmin_pages:collect_workflow_action_data": {"action_name": "approve"},
    "wagtailadmin_api:pages:action": {"action_name": "copy"},
}
# Patterns without a name, reached by a fixed address.
UNNAMED = {
    "admin/test404/": "/admin/test404/",
    "admin/^.*/$": "/admin/no-such-screen/",
    "django-admin/(?P<url>.*)$": "/django-admin/no-such-screen/",
}


# Patterns with unnamed groups, by name: their arguments in order.
POSITIONAL = {
    "wagtailadmin_pages:revisions_compare": lambda values: (values["page"], "earliest", "latest"),
}


# Reports take what to show from the query string: a trainer asks for a course, a SPOC for a
# municipality, their own or another's (same kinds as above).
QUERIES = {
    ("reports_learning", "trainer"): {"course": "course"},
    ("reports_learning", "spoc"): {"municipality": "municipality"},
    ("reports_municipalities", "spoc"): {"municipality": "municipality"},
}


class CannotFill(Exception):
    pass


def _kind(address, param):
    if param == "pk":
        return PK_KINDS_BY_NAME.get(address.name) or PK_KINDS.get(address.namespace)
    if param == "object_id" and address.name == "wagtailadmin_editing_sessions:ping":
        return "page"
    return PARAMETER_KINDS.get(param)


def _value(address, param, scope, world):
    words = WORDS.get(address.name, {})
    if param in words:
        return words[param]
    if param in WORDS[None]:
        return WORDS[None][param]
    if param == "object_id" and address.name and address.name.startswith("admin:"):
        # The Django admin's own names: admin:<app>_<model>_<view>.
        for label, pk in world["shared"]["django_admin"].items():
            if address.name.startswith("admin:" + label.replace(".", "_") + "_"):
                return pk
        return world["shared"]["django_admin"]["auth.group"]  # admin:view_on_site
    kind = _kind(address, param)
    for values in (world[scope], world["shared"]):
        if kind in values:
            return values[kind]
    raise CannotFill(f"{address.name or address.route}: no value for <{param}>")


def address_url(address, role, scope, world):
    url = _address_path(address, scope, world)
    query = QUERIES.get((address.name, role))
    if query:
        url += "?" + urlencode({param: world[scope][kind] for param, kind in query.items()})
    return url


def _address_path(address, scope, world):
    if address.name is None:
        if address.route in UNNAMED:
            return UNNAMED[address.route]
        # The Django admin's old object addresses (they redirect to the change form).
        old_style = re.fullmatch(r"django-admin/(\w+)/(\w+)/<path:object_id>/", address.route)
        if old_style:
            app_label, model_name = old_style.groups()
            pk = world["shared"]["django_admin"][f"{app_label}.{model_name}"]
            return f"/django-admin/{app_label}/{model_name}/{pk}/"
        raise CannotFill(f"{address.route}: a pattern without a name")
    if address.positional:
        if address.name not in POSITIONAL:
            raise CannotFill(f"{address.name}: arguments without names")
        return reverse(address.name, args=POSITIONAL[address.name](world[scope]))
    kwargs = {param: _value(address, param, scope, world) for param in address.params}
    return reverse(address.name, kwargs=kwargs)


# --- Who may see what ---------------------------------------------------------------------------

ROLES = [
    # (role, person in the world, whose objects the addresses name)
    ("anonymous", None, "own"),
    ("learner", "learner", "own"),
    ("trainer", "trainer", "own"),
    ("trainer", "trainer", "other"),
    ("spoc", "spoc", "own"),
    ("spoc", "spoc", "other"),
    ("moderator", "moderator", "own"),
]


# Anyone, signed in or not: signing in, resetting a password (the link in the mail carries a
# one-time token; a wrong one gives a page saying so), the admin's icons and translations.
PUBLIC = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "admin:login",
}
# Wagtail's address for testing error reports raises on purpose.
FAILS_ON_PURPOSE = {"wagtailadmin_error_test"}

ADMIN_USERS = {"trainer", "spoc", "moderator"}
EDITORS = {"trainer", "moderator"}
REPORT_READERS = {"trainer", "spoc", "moderator"}

# (address names, who may see them, whether the address may name someone else's object: True,
# False, or the roles for which it may).
# Names are regular expressions matched in full. Roles not named, and addresses no rule
# matches, may see nothing: a new screen answers only administrators until a rule is added.
RULES = [
    # Every admin user's own: the dashboard, their account, dismissing tips; Wagtail's 404 test
    # page (a 404 page answered with 200 by design).
    (
        r"wagtailadmin_home|wagtailadmin_account|wagtailadmin_dismissibles|admin/test404/",
        ADMIN_USERS,
        True,
    ),
    # Wagtail's tools that show names, to every admin user: choosing a page to link to (the
    # page tree by title), a parent for a new page, link and embed choosers, tag suggestions,
    # the moderation task chooser (task names; creating one needs the task permission), the
    # notice whether publishing cancels a moderation, the history of what the person may see,
    # the choosers of themes and trainers (shown on the site), of images, documents and
    # recordings (listing only what the person may choose), and wagtail-localize's script
    # catalogue.
    (
        r"wagtailadmin_choose_page.*|wagtailadmin_tag_autocomplete|wagtailembeds:.*"
        r"|wagtailadmin_workflows:task_chooser.*|wagtailadmin_workflows:task_chosen"
        r"|wagtailadmin_pages:(confirm_workflow_cancellation|choose_parent)"
        r"|wagtailadmin_reports:site_history.*|wagtail_localize:javascript_catalog"
        r"|wagtailsnippetchoosers_courses_(theme|trainer):.*"
        r"|wagtail(images|docs)_chooser:(choose|choose_results|chosen_multiple)"
        r"|wagtailmedia:(chooser|chooser_typed)",
        ADMIN_USERS,
        True,
    ),
    # Wagtail's admin API lists what the page tree shows (titles and states); its images and
    # documents (shown in the translation editor) are those one may choose.
    (r"wagtailadmin_api:pages:listing", ADMIN_USERS, True),
    (r"wagtailadmin_api:(images|documents):(listing|detail)", EDITORS, True),
    (r"wagtailadmin_api:pages:detail", EDITORS, True),
    # Form pages' submissions: Wagtail lists the form pages the person may edit (there are none).
    (r"wagtailforms:index(_results)?", EDITORS, True),
    # The page tree: trainers add pages anywhere (their permission sits on the root page), so
    # they browse, search and add under anyone's page.
    (
        r"wagtailadmin_explore.*|wagtailadmin_pages:(add|add_subpage|preview_on_add"
        r"|search|search_results|type_use|type_use_results)",
        EDITORS,
        True,
    ),
    # Wagtail's page reports list titles and states, as the page tree shows them.
    (
        r"wagtailadmin_reports:(aging_pages|page_types_usage|workflow|workflow_tasks)(_results)?",
        EDITORS,
        True,
    ),
    # A page itself: its owner (a trainer) or a moderator.
    (
        r"wagtailadmin_pages:(edit|delete|copy|move|move_confirm|history|history_results"
        r"|preview_on_edit|revisions_.*|usage|view_draft|workflow_history.*)",
        EDITORS,
        False,
    ),
    # Moderating, publishing, locking, privacy and position: moderators.
    (
        r"wagtailadmin_pages:(workflow_action|collect_workflow_action_data|workflow_preview"
        r"|set_page_position|set_privacy)|wagtailadmin_reports:locked_pages(_results)?",
        {"moderator"},
        True,
    ),
    # Translations (wagtail-localize): moderators submit them; the translator of a page works
    # on its translation (the translated page is theirs too).
    (
        r"wagtail_localize:(download_pofile|preview_translation|edit_.*|upload_pofile)",
        EDITORS,
        False,
    ),
    # The title of a theme chosen in a translation, for who may see themes or translate.
    (r"wagtail_localize:snippets_api_.*|localize_snippets_api_.*", EDITORS, True),
    (r"wagtail_localize:.*|localize_translations_report.*", {"moderator"}, True),
    # Images and documents: trainers their own uploads; anyone's in the choosers.
    (r"wagtail(images|docs):(index|index_results|add|add_multiple)", EDITORS, True),
    (r"wagtail(images|docs)_chooser:.*|image_select_format", EDITORS, True),
    (r"wagtail(images|docs):.*|(image|document)_delete.*", EDITORS, False),
    # Recordings and their captions: trainers their own; the processing list shows all.
    (
        r"wagtailmedia:(index|add|chooser|chooser_typed|chooser_upload)|media_processing:index"
        r"|captions:(index|index_results|add)",
        EDITORS,
        True,
    ),
    (r"wagtailmedia:.*|media_delete|media_usage|media_processing:.*|captions:.*", EDITORS, False),
    # Themes and trainers: picked in page forms and listed for reference.
    (
        r"wagtailsnippetchoosers_courses_(theme|trainer):.*"
        r"|wagtailsnippets_courses_(theme|trainer):(list|list_results)|wagtailsnippets:index",
        EDITORS,
        True,
    ),
    # Intervision: trainers plan sessions and run their own.
    (r"intervision_sessions:(index|index_results|add)", EDITORS, True),
    (r"intervision_(sessions|facilitator):.*", EDITORS, False),
    # Learning reports: each sees their scope (a trainer their courses, a SPOC their
    # municipality); asking for another's course or municipality is refused.
    (r"reports_learning", REPORT_READERS, False),
    # A trainer's municipal report covers their courses in every municipality.
    (r"reports_municipalities", REPORT_READERS, {"trainer"}),
    # Course packages and the search (promoted results, synonyms, the report): moderators.
    (
        r"course_packages:.*|wagtailsearchpromotions:.*|site_search_report(_results)?"
        r"|search_promotion_query_chooser.*|search_synonyms:.*",
        {"moderator"},
        True,
    ),
]
_RULES = [(re.compile(names), roles, others) for names, roles, others in RULES]


def may_see(role, scope, address):
    name = address.name or address.route
    if name in PUBLIC:
        return True
    for names, roles, others in _RULES:
        if names.fullmatch(name):
            if others in (True, False):
                others = {"trainer", "spoc"} if others else set()
            return role in roles and (scope == "own" or role in others or role == "moderator")
    return False


# --- The walk -----------------------------------------------------------------------------------


# Screens each role must reach, so that a walk where everyone is turned away fails too.
MUST_OPEN = {
    ("trainer", "own", "wagtailadmin_pages:edit"),
    ("trainer", "own", "wagtailmedia:edit"),
    ("trainer", "own", "captions:edit"),
    ("trainer", "own", "intervision_sessions:edit"),
    ("trainer", "own", "reports_learning"),
    ("spoc", "own", "reports_municipalities"),
    ("moderator", "own", "wagtailadmin_pages:edit"),
    ("moderator", "own", "captions:edit"),
    # Screens that answer fewer people than Wagtail lets in, still answering who needs them.
    ("trainer", "other", "wagtailadmin_api:images:detail"),
    ("trainer", "other", "wagtailadmin_api:documents:detail"),
    ("trainer", "other", "wagtailimages_chooser:select_format"),
    ("trainer", "own", "wagtail_localize:snippets_api_detail"),
    ("moderator", "own", "wagtail_localize:snippets_api_listing"),
    ("moderator", "own", "wagtailadmin_api:images:listing"),
    ("moderator", "own", "wagtail_localize:translations_report"),
    ("moderator", "own", "wagtailsearchpromotions:chooser"),
    ("moderator", "own", "search_synonyms:edit"),
}


def _client(world, person):
    client = Client(raise_request_exception=False)
    if person is not None:
        client.force_login(world["people"][person])
    return client


@pytest.mark.django_db
def test_every_admin_address_answers_only_the_roles_entitled_to_it():
    world = world_build()
    addresses = admin_addresses()
    unfilled, unexpected, signed_out, errors, opened = [], [], [], [], set()
    for role, person, scope in ROLES:
        client = _client(world, person)
        for address in addresses:
            try:
                url = address_url(address, role, scope, world)
            except CannotFill as problem:
                unfilled.append(str(problem))
                continue
            status = client.get(url).status_code
            if person is not None and "_auth_user_id" not in client.session:
                signed_out.append(f"{url} [{address.name}]")
                client = _client(world, person)
            if status >= 500 and address.name not in FAILS_ON_PURPOSE:
                errors.append(f"{role} ({scope}) {url} [{address.name}]: {status}")
            if status == 200:
                opened.add((role, scope, address.name))
            if status == 200 and not may_see(role, scope, address):
                unexpected.append(f"{role} ({scope}) {url} [{address.name}]")
    problems = {
        "addresses the matrix cannot fill": sorted(set(unfilled)),
        "addresses that sign a person out on a GET": signed_out,
        "server errors": errors,
        "screens that answered a role not entitled to them": unexpected,
        "screens a role must reach and did not": sorted(map(str, MUST_OPEN - opened)),
    }
    report = "\n".join(
        f"{heading}:\n  " + "\n  ".join(found) for heading, found in problems.items() if found
    )
    assert not report, report
