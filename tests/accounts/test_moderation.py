"""Moderation as trainers, Moderators and administrators meet it: one mail per submission, a
message that says what an approval did, a submit button in the user's language."""

import html
import json

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Task, WorkflowState
from wagtail.users.models import UserProfile

from courses.models import WebinarPage
from elearning.accounts.roles import MODERATION_WORKFLOW, MODERATORS, TRAINERS
from tests.factories import UserFactory
from tests.factories.admin_forms import add_url, post_new_page, webinar_form

pytestmark = pytest.mark.django_db


def person(email, *, group=None, language="en", **fields):
    user = UserFactory(email=email, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def trainer():
    return person("trainer@example.org", group=TRAINERS)


@pytest.fixture
def moderator():
    return person("redactie@example.org", group=MODERATORS)


@pytest.fixture
def administrator():
    return person("beheer@example.org", is_superuser=True, is_staff=True)


def submitted(trainer, library, title="Webinar ouderenmis"):
    return post_new_page(
        client_of(trainer), WebinarPage, library, webinar_form(title), "action-submit"
    )


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_a_submission_mails_each_moderator_and_administrator_once(
    library_tree, trainer, moderator, administrator
):
    mail.outbox.clear()

    submitted(trainer, library_tree["pages"]["library"])

    assert len(mails_to(moderator.email)) == 1
    assert len(mails_to(administrator.email)) == 1
    assert "Webinar ouderenmis" in mails_to(administrator.email)[0].subject
    assert mails_to(trainer.email) == []


def test_an_administrator_who_moderates_too_gets_one_mail(library_tree, trainer, administrator):
    administrator.groups.add(Group.objects.get(name=MODERATORS))
    mail.outbox.clear()

    submitted(trainer, library_tree["pages"]["library"])

    assert len(mails_to(administrator.email)) == 1


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def workflow_action(client, page, action, **extra):
    """What the edit page posts when a moderator picks an action of the moderation step."""
    form = client.get(edit_url(page)).context["form"]
    data = {
        key: value
        for key, value in webinar_form(page.title).items()
        if key in form.fields or "-" in key
    }
    data.update(
        {
            "action-workflow-action": "on",
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps(extra),
        }
    )
    return client.post(edit_url(page), data, follow=True)


def shown_messages(response):
    """The messages as a person reads them (Wagtail stores some as escaped HTML)."""
    return [html.unescape(str(message.message)).strip() for message in response.context["messages"]]


@pytest.mark.parametrize("who", ["moderator", "administrator"])
def test_approving_on_the_edit_page_says_the_page_was_published(
    library_tree, trainer, moderator, administrator, who
):
    webinar = submitted(trainer, library_tree["pages"]["library"])
    approver = {"moderator": moderator, "administrator": administrator}[who]
    mail.outbox.clear()

    response = workflow_action(client_of(approver), webinar, "approve")

    webinar.refresh_from_db()
    assert webinar.live
    said = shown_messages(response)
    assert "Page 'Webinar ouderenmis' has been published." in said
    assert not any("has been updated" in message for message in said)
    assert len(mails_to(trainer.email)) == 1  # told of the approval, once


def test_requesting_changes_on_the_edit_page_says_so(library_tree, trainer, moderator):
    webinar = submitted(trainer, library_tree["pages"]["library"])

    response = workflow_action(client_of(moderator), webinar, "reject", comment="Te lang.")

    webinar.refresh_from_db()
    assert not webinar.live
    assert webinar.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    said = shown_messages(response)
    assert any("were requested" in message for message in said)
    assert not any("has been updated" in message for message in said)


def test_saving_a_page_still_says_it_was_updated(library_tree, moderator):
    webinar = library_tree["pages"]["webinar"]
    data = webinar_form(webinar.title)
    data["slug"] = webinar.slug

    response = client_of(moderator).post(edit_url(webinar), data, follow=True)

    assert f"Page '{webinar.title}' has been updated." in shown_messages(response)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_trainers_submit_button_names_the_moderation_in_their_language(library_tree, language):
    trainer = person(f"trainer-{language}@example.org", group=TRAINERS, language=language)

    form = client_of(trainer).get(add_url(WebinarPage, library_tree["pages"]["library"]))

    page = form.content.decode()
    with translation.override(language):
        label = gettext("Submit for moderation")
    assert label in page
    assert MODERATION_WORKFLOW not in page


def test_after_changes_were_requested_the_trainer_resubmits_in_their_language(
    library_tree, trainer, moderator
):
    webinar = submitted(trainer, library_tree["pages"]["library"])
    workflow_action(client_of(moderator), webinar, "reject", comment="Te lang.")

    page = client_of(trainer).get(edit_url(webinar)).content.decode()

    assert "Resubmit for moderation" in page
    assert f"Resubmit to {MODERATION_WORKFLOW}" not in page


def moderation_name(language):
    with translation.override(language):
        return gettext(MODERATION_WORKFLOW)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_moderation_reads_in_each_moderators_language_in_the_mail_subject(
    library_tree, trainer, language
):
    reader = person(f"redactie-{language}@example.org", group=MODERATORS, language=language)
    mail.outbox.clear()

    submitted(trainer, library_tree["pages"]["library"])

    (message,) = mails_to(reader.email)
    assert moderation_name(language) in message.subject
    assert moderation_name(language) != MODERATION_WORKFLOW
    assert MODERATION_WORKFLOW not in message.subject + message.body


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_status_panel_and_workflow_history_name_the_moderation_in_the_users_language(
    library_tree, language
):
    trainer = person(f"trainer-{language}@example.org", group=TRAINERS, language=language)
    webinar = submitted(trainer, library_tree["pages"]["library"])
    client = client_of(trainer)
    history = reverse("wagtailadmin_pages:workflow_history", args=(webinar.pk,))
    state = webinar.current_workflow_state
    detail = reverse("wagtailadmin_pages:workflow_history_detail", args=(webinar.pk, state.pk))

    for url in (edit_url(webinar), history, detail):
        page = html.unescape(client.get(url).content.decode())
        assert moderation_name(language) in page, url
        assert MODERATION_WORKFLOW not in page, url


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_pages_history_names_the_moderation_in_the_users_language(library_tree, language):
    """The History tab writes its lines from the names stored in each log entry."""
    trainer = person(f"trainer-{language}@example.org", group=TRAINERS, language=language)
    webinar = submitted(trainer, library_tree["pages"]["library"])

    page = client_of(trainer).get(reverse("wagtailadmin_pages:history", args=(webinar.pk,)))

    text = html.unescape(page.content.decode())
    assert page.status_code == 200
    assert moderation_name(language) in text  # "'…' started. Next step '…'"
    assert MODERATION_WORKFLOW not in text


def test_a_task_an_editor_renamed_shows_as_typed(library_tree, trainer, moderator):
    Task.objects.filter(name=MODERATION_WORKFLOW).update(name="Nalezing door de redactie")
    webinar = submitted(trainer, library_tree["pages"]["library"])
    history = reverse("wagtailadmin_pages:workflow_history", args=(webinar.pk,))

    page = html.unescape(client_of(moderator).get(history).content.decode())

    assert "Nalezing door de redactie" in page
    assert moderation_name("en") in page  # the workflow itself kept the default name


def test_saving_the_task_form_as_shown_keeps_the_default_name(administrator):
    administrator.wagtail_userprofile.preferred_language = "nl"
    administrator.wagtail_userprofile.save()
    task = Task.objects.get(name=MODERATION_WORKFLOW).specific
    client = client_of(administrator)
    url = reverse("wagtailadmin_workflows:edit_task", args=(task.pk,))
    form = client.get(url).context["form"]
    assert form["name"].value() == task.name and str(form["name"].value()) == moderation_name("nl")

    response = client.post(
        url,
        {"name": moderation_name("nl"), "groups": [group.pk for group in task.groups.all()]},
    )

    assert response.status_code == 302
    assert Task.objects.filter(pk=task.pk, name=MODERATION_WORKFLOW).exists()
