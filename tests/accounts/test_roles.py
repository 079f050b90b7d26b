"""Trainers write and submit for moderation; Moderators (our editors) approve and publish."""

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
from elearning.accounts.roles import MODERATION_WORKFLOW, MODERATORS, TRAINERS, roles_ensure
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
    assert grants["pages"] == [(1, "add_page"), (1, "change_page")]
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
    assert {codename for _depth, codename in grants["collections"]} == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
        "add_media",
        "change_media",
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
def test_a_trainer_cannot_publish_changes_to_a_live_page(library_tree, trainer_client):
    webinar = library_tree["pages"]["webinar"]
    edit_url = reverse("wagtailadmin_pages:edit", args=(webinar.pk,))

    response = trainer_client.post(
        edit_url, {**webinar_form("Nieuwe titel"), "slug": webinar.slug, "action-publish": "on"}
    )

    assert response.status_code == 302
    webinar.refresh_from_db()
    assert webinar.title == "Webinar partnergeweld"
    assert webinar.has_unpublished_changes


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
