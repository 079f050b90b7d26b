"""Trainers write and submit for moderation; Moderators (our editors) approve and publish."""

import importlib

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from courses.models import ModulePage, WebinarPage
from elearning.accounts.roles import MODERATION_WORKFLOW, MODERATORS, TRAINERS
from elearning.accounts.services import roles_ensure
from tests.factories import UserFactory
from tests.factories.admin_forms import add_url, module_form, post_new_page, webinar_form

PASSWORD = "correct-horse-battery"  # UserFactory's


def signed_in(client, user):
    """Sign in through the admin's own login form, as a person would."""
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def member_of(group_name, email):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def trainer(db):
    return member_of(TRAINERS, "trainer@example.org")


@pytest.fixture
def trainer_client(client, trainer):
    return signed_in(client, trainer)


@pytest.fixture
def moderator_client(db):
    """A second browser: the moderator works beside the trainer."""
    return signed_in(Client(), member_of(MODERATORS, "redactie@example.org"))


def submit_webinar(client, library):
    return post_new_page(
        client, WebinarPage, library, webinar_form("Webinar ouderenmis"), "action-submit"
    )


def assert_refused(response):
    """Wagtail answers a refused admin page with a message on the dashboard (or a bare 403)."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")


def approve_url(page):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))


def trainer_grants():
    trainers = Group.objects.get(name=TRAINERS)
    return {
        "group": sorted(trainers.permissions.values_list("codename", flat=True)),
        "pages": sorted(
            GroupPagePermission.objects.filter(group=trainers).values_list(
                "page__depth", "permission__codename"
            )
        ),
        "collections": sorted(
            GroupCollectionPermission.objects.filter(group=trainers).values_list(
                "collection__depth", "permission__codename"
            )
        ),
        "groups": Group.objects.filter(name=TRAINERS).count(),
        "workflows": Workflow.objects.count(),
    }


@pytest.mark.django_db
def test_migrate_leaves_trainers_writing_and_moderators_approving_everywhere():
    grants = trainer_grants()
    # "add" only: Wagtail then lets a trainer edit and delete the pages they own, no others.
    assert grants["pages"] == [(1, "add_page")]
    assert {
        "access_admin",
        "view_theme",
        "view_trainer",
        "add_mediacaption",
        "change_mediacaption",
        "delete_mediacaption",
        "view_mediacaption",
        "add_intervisionsession",
        "change_intervisionsession",
        "view_course_reports",
    } == set(grants["group"])
    # "add" without "change": their own uploads only; "choose": any image or document in pages.
    assert {codename for _depth, codename in grants["collections"]} == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
        "add_media",
    }
    root_workflow = WorkflowPage.objects.get(page__depth=1).workflow
    assert root_workflow.name == MODERATION_WORKFLOW and root_workflow.active
    task = root_workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


@pytest.mark.django_db
def test_ensuring_the_roles_again_duplicates_nothing():
    after_migrate = trainer_grants()
    roles_ensure()
    roles_ensure()
    assert trainer_grants() == after_migrate


@pytest.mark.django_db
def test_the_moderation_workflow_comes_back_on_the_root_page_once_disabled():
    Workflow.objects.get(name=MODERATION_WORKFLOW).deactivate()
    assert not Page.get_first_root_node().has_workflow

    roles_ensure()

    assert Page.get_first_root_node().get_workflow().name == MODERATION_WORKFLOW
    assert Workflow.objects.filter(name=MODERATION_WORKFLOW).count() == 1


@pytest.mark.django_db
def test_a_trainer_signs_in_and_finds_pages_media_and_snippets(trainer_client):
    dashboard = trainer_client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    for url in (
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailimages:add"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailmedia:add", args=("video",)),
        reverse("wagtailsnippets_courses_theme:list"),
        reverse("wagtailsnippets_courses_trainer:list"),
    ):
        assert trainer_client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_trainer_submits_a_new_webinar_which_stays_off_the_site(library_tree, trainer_client):
    library = library_tree["pages"]["library"]
    form = trainer_client.get(add_url(WebinarPage, library)).content.decode()
    assert 'name="action-submit"' in form
    assert 'name="action-publish"' not in form

    webinar = submit_webinar(trainer_client, library)

    assert not webinar.live
    assert webinar.workflow_in_progress
    assert webinar.current_workflow_state.workflow.name == MODERATION_WORKFLOW
    trainer_client.logout()
    assert trainer_client.get(webinar.get_url()).status_code == 404


@pytest.mark.django_db
def test_a_trainer_submits_a_new_module_of_a_course(library_tree, trainer_client):
    course = library_tree["pages"]["course"]

    module = post_new_page(
        trainer_client, ModulePage, course, module_form("Veiligheid inschatten"), "action-submit"
    )

    assert not module.live
    assert module.workflow_in_progress
    assert module.latest_revision.as_object().duration_minutes == 10


@pytest.mark.django_db
def test_a_trainer_cannot_publish_a_new_page(library_tree, trainer_client):
    library = library_tree["pages"]["library"]

    webinar = post_new_page(
        trainer_client,
        WebinarPage,
        library,
        webinar_form("Webinar zonder review"),
        "action-publish",
    )

    assert not webinar.live  # saved as a draft instead
    edit_form = trainer_client.get(reverse("wagtailadmin_pages:edit", args=(webinar.pk,)))
    assert 'name="action-publish"' not in edit_form.content.decode()


@pytest.mark.django_db
def test_a_trainer_cannot_publish_changes_to_a_live_page(library_tree, trainer, trainer_client):
    webinar = library_tree["pages"]["webinar"]
    webinar.owner = trainer  # their own page, published by a moderator
    webinar.save(update_fields=["owner"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(webinar.pk,))

    response = trainer_client.post(
        edit_url, {**webinar_form("Nieuwe titel"), "slug": webinar.slug, "action-publish": "on"}
    )

    assert response.status_code == 302
    webinar.refresh_from_db()
    assert webinar.title == "Webinar partnergeweld"
    assert webinar.has_unpublished_changes


@pytest.fixture
def other_trainer_client(db):
    """A second trainer, in a browser of their own."""
    return signed_in(Client(), member_of(TRAINERS, "collega@example.org"))


@pytest.mark.django_db
def test_a_trainer_can_neither_edit_nor_delete_another_trainers_draft(
    library_tree, trainer_client, other_trainer_client
):
    webinar = submit_webinar(other_trainer_client, library_tree["pages"]["library"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(webinar.pk,))
    delete_url = reverse("wagtailadmin_pages:delete", args=(webinar.pk,))

    assert_refused(trainer_client.get(edit_url))
    assert_refused(
        trainer_client.post(edit_url, {**webinar_form("Defaced by"), "slug": webinar.slug})
    )
    assert_refused(trainer_client.get(delete_url))
    assert_refused(trainer_client.post(delete_url))

    webinar.refresh_from_db()
    assert webinar.get_latest_revision_as_object().title == "Webinar ouderenmis"
    # The one who wrote it still can.
    assert other_trainer_client.get(edit_url).status_code == 200


@pytest.mark.django_db
def test_a_trainer_cannot_edit_a_published_page_someone_else_owns(library_tree, trainer_client):
    webinar = library_tree["pages"]["webinar"]  # made and published by an editor

    response = trainer_client.post(
        reverse("wagtailadmin_pages:edit", args=(webinar.pk,)),
        {**webinar_form("Defaced by"), "slug": webinar.slug, "action-submit": "on"},
    )

    assert_refused(response)
    webinar.refresh_from_db()
    assert not webinar.has_unpublished_changes
    assert webinar.get_latest_revision_as_object().title == "Webinar partnergeweld"


@pytest.mark.django_db
def test_a_trainer_deletes_their_own_draft(library_tree, trainer_client):
    webinar = post_new_page(
        trainer_client,
        WebinarPage,
        library_tree["pages"]["library"],
        webinar_form("Webinar in opbouw"),
        "action-save",
    )

    response = trainer_client.post(reverse("wagtailadmin_pages:delete", args=(webinar.pk,)))

    assert response.status_code == 302
    assert not WebinarPage.objects.filter(pk=webinar.pk).exists()


@pytest.mark.django_db
def test_migrating_takes_the_old_change_grants_from_an_existing_trainers_group():
    """An installation set up by an earlier version gave Trainers "change" on the root page
    and root collection; migration accounts/0002 withdraws exactly those."""
    from django.apps import apps
    from django.contrib.auth.models import Permission

    from wagtail.models import Collection

    migration = importlib.import_module(
        "elearning.accounts.migrations.0002_trainers_edit_only_their_own"
    )
    trainers = Group.objects.get(name=TRAINERS)
    root_page, root_collection = Page.get_first_root_node(), Collection.get_first_root_node()
    old = {
        "change_page": Permission.objects.get(codename="change_page"),
        "change_image": Permission.objects.get(codename="change_image"),
        "change_document": Permission.objects.get(codename="change_document"),
        "change_media": Permission.objects.get(codename="change_media"),
    }
    GroupPagePermission.objects.create(
        group=trainers, page=root_page, permission=old["change_page"]
    )
    for codename in ("change_image", "change_document", "change_media"):
        GroupCollectionPermission.objects.create(
            group=trainers, collection=root_collection, permission=old[codename]
        )
    with_old_grants = trainer_grants()
    assert (1, "change_page") in with_old_grants["pages"]

    migration.withdraw(apps, schema_editor=None)
    after = trainer_grants()
    roles_ensure()  # what runs after migrate gives none of them back

    assert trainer_grants() == after
    assert after["pages"] == [(1, "add_page")]
    assert not {"change_image", "change_document", "change_media"} & {
        codename for _depth, codename in after["collections"]
    }
    migration.give_back(apps, schema_editor=None)
    assert trainer_grants() == with_old_grants


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailusers_users:index",
        "wagtailusers_groups:index",
        "wagtailsites:index",
        "wagtailadmin_workflows:index",
        "wagtaillocales:index",
    ],
)
def test_a_trainer_cannot_manage_users_groups_sites_or_workflows(trainer_client, url_name):
    assert_refused(trainer_client.get(reverse(url_name)))


@pytest.mark.django_db
def test_a_trainer_cannot_approve_their_own_submission(library_tree, trainer_client):
    webinar = submit_webinar(trainer_client, library_tree["pages"]["library"])

    assert_refused(trainer_client.post(approve_url(webinar)))
    webinar.refresh_from_db()
    assert not webinar.live


@pytest.mark.django_db
def test_a_moderator_sees_the_submission_approves_it_and_it_goes_live(
    library_tree, trainer_client, moderator_client
):
    library = library_tree["pages"]["library"]
    webinar = submit_webinar(trainer_client, library)
    # The button trainers never get (the trainer tests assert its absence by this name).
    form = moderator_client.get(add_url(WebinarPage, library)).content.decode()
    assert 'name="action-publish"' in form

    dashboard = moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Webinar ouderenmis" in dashboard
    assert approve_url(webinar) in dashboard

    response = moderator_client.post(approve_url(webinar))

    assert response.status_code == 302
    webinar.refresh_from_db()
    assert webinar.live
    assert not webinar.workflow_in_progress
    moderator_client.logout()
    assert moderator_client.get(webinar.get_url()).status_code == 200


@pytest.mark.django_db
def test_a_learner_cannot_enter_the_admin(client, library_tree):
    learner = UserFactory(email="leerling@example.org")
    signed_in(client, learner)
    webinar = library_tree["pages"]["webinar"]
    login = reverse("wagtailadmin_login")

    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=(webinar.pk,)),
        add_url(WebinarPage, library_tree["pages"]["library"]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(login), url


@pytest.mark.django_db
def test_moderators_manage_every_intervision_session():
    moderators = Group.objects.get(name=MODERATORS)
    codenames = set(moderators.permissions.values_list("codename", flat=True))
    assert {
        "add_intervisionsession",
        "change_intervisionsession",
        "delete_intervisionsession",
    } <= codenames


def test_the_translations_report_is_in_the_menu_of_who_may_translate_only(
    trainer_client, moderator_client
):
    report = reverse("wagtail_localize:translations_report")

    assert report not in trainer_client.get(reverse("wagtailadmin_home")).content.decode()
    assert report in moderator_client.get(reverse("wagtailadmin_home")).content.decode()
