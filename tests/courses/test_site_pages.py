"""The contact page and the privacy, accessibility and cookie statements: seeded in every
language, served in it, and linked from every footer."""

import re

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

from courses.models import InformationPage
from courses.site_pages import site_pages_seed
from elearning.accounts.roles import MODERATORS, TRAINERS
from elearning.core.models import FooterPages
from tests.factories import UserFactory

LANGUAGES = ["nl", "fr", "en"]
# A phrase each page says in each language.
PHRASES = {
    "contact": {
        "nl": "Vragen over het leerplatform",
        "fr": "Questions sur la plateforme",
        "en": "Questions about the learning platform",
    },
    "privacy": {
        "nl": "Gegevensbeschermingsautoriteit",
        "fr": "Autorité de protection des données",
        "en": "Belgian Data Protection Authority",
    },
    "accessibility": {
        "nl": "gedeeltelijk conform",
        "fr": "partiellement conforme",
        "en": "partially compliant",
    },
    "cookies": {
        "nl": "Alleen strikt noodzakelijke cookies",
        "fr": "Uniquement des cookies strictement nécessaires",
        "en": "Strictly necessary cookies only",
    },
}
FOOTER_ORDER = ["contact", "privacy", "accessibility", "cookies"]


@pytest.fixture
def site_pages(library_tree):
    """{(name, language): page}, seeded on the library tree (home pages in nl, fr and en)."""
    site_pages_seed()
    pages = {}
    for name, field in zip(FOOTER_ORDER, FooterPages.PAGE_FIELDS, strict=True):
        dutch = getattr(FooterPages.objects.get(), field)
        for page in InformationPage.objects.filter(translation_key=dutch.translation_key):
            pages[(name, page.locale.language_code)] = page
    return pages


def footer_links(html):
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"', footer)


@pytest.mark.django_db
def test_seeding_creates_four_published_pages_in_each_language(site_pages):
    assert len(site_pages) == 12
    assert all(page.live for page in site_pages.values())
    for name in FOOTER_ORDER:
        keys = {site_pages[(name, language)].translation_key for language in LANGUAGES}
        assert len(keys) == 1  # translations of one another


@pytest.mark.django_db
def test_seeding_again_changes_nothing(site_pages):
    before = sorted(InformationPage.objects.values_list("pk", "title", "latest_revision_id"))
    chosen = list(FooterPages.objects.values_list(*FooterPages.PAGE_FIELDS))

    assert site_pages_seed() == []

    assert (
        sorted(InformationPage.objects.values_list("pk", "title", "latest_revision_id")) == before
    )
    assert list(FooterPages.objects.values_list(*FooterPages.PAGE_FIELDS)) == chosen


@pytest.mark.django_db
def test_seeding_keeps_what_an_editor_changed(site_pages):
    privacy = site_pages[("privacy", "nl")]
    privacy.title = "Privacy"
    privacy.slug = "privacy"
    privacy.save_revision().publish()

    site_pages_seed()

    assert InformationPage.objects.filter(locale__language_code="nl").count() == 4
    assert InformationPage.objects.get(pk=privacy.pk).title == "Privacy"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", FOOTER_ORDER)
def test_each_page_answers_in_its_language(client, site_pages, name, language):
    response = client.get(site_pages[(name, language)].url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert PHRASES[name][language] in html
    others = [PHRASES[name][other] for other in LANGUAGES if other != language]
    assert not any(phrase in html for phrase in others)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_headings_go_down_one_level_at_a_time(client, site_pages, language):
    for name in FOOTER_ORDER:
        html = client.get(site_pages[(name, language)].url).content.decode()
        main = re.search(r"<main.*?</main>", html, re.S).group(0)
        levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(after - before <= 1 for before, after in zip(levels, levels[1:], strict=False))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_links_the_four_pages_of_the_language(
    client, library_tree, site_pages, language
):
    home = library_tree["pages"]["home"]
    if language != "nl":
        home = library_tree["translations"][("home", language)]

    links = footer_links(client.get(home.url).content.decode())

    assert links == [site_pages[(name, language)].url for name in FOOTER_ORDER]
    assert all(link.startswith(f"/{language}/") for link in links)


@pytest.mark.django_db
def test_a_page_missing_in_a_language_is_not_linked(
    client, library_tree, site_pages, django_capture_on_commit_callbacks
):
    french_home = library_tree["translations"][("home", "fr")].url
    cookies_fr = site_pages[("cookies", "fr")]
    assert cookies_fr.url in footer_links(client.get(french_home).content.decode())

    with django_capture_on_commit_callbacks(execute=True):
        cookies_fr.unpublish()

    links = footer_links(client.get(french_home).content.decode())
    assert len(links) == 3 and cookies_fr.url not in links
    dutch_links = footer_links(client.get(library_tree["pages"]["home"].url).content.decode())
    assert site_pages[("cookies", "nl")].url in dutch_links


@pytest.mark.django_db
def test_an_editor_chooses_another_page_for_the_footer(
    client, library_tree, site_pages, django_capture_on_commit_callbacks
):
    chosen = FooterPages.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        chosen.contact_page = library_tree["pages"]["library"]
        chosen.save()

    links = footer_links(
        client.get(library_tree["translations"][("home", "en")].url).content.decode()
    )

    assert links[0] == library_tree["translations"][("library", "en")].url


@pytest.mark.django_db
def test_without_footer_pages_the_footer_has_no_links(client, library_tree):
    assert footer_links(client.get(library_tree["pages"]["home"].url).content.decode()) == []


@pytest.mark.django_db
def test_the_command_seeds_the_pages(library_tree, capsys):
    call_command("site_pages_seed")

    assert "12 pages created" in capsys.readouterr().out
    assert InformationPage.objects.live().count() == 12


@pytest.mark.django_db
@pytest.mark.parametrize("active", ["nl", "fr"])
def test_the_command_says_what_is_missing_without_a_home_page_in_english(active):
    """Commands speak English like the rest of the command line (the site's default is nl)."""
    with translation.override(active), pytest.raises(CommandError, match="no home page yet"):
        call_command("site_pages_seed")


def member_of(group_name):
    person = UserFactory()
    person.groups.add(Group.objects.get(name=group_name))
    return person


def footer_pages_form(chosen, **changes):
    fields = {field: getattr(chosen, f"{field}_id") or "" for field in FooterPages.PAGE_FIELDS}
    return {**fields, **changes}


@pytest.mark.django_db
def test_an_editor_changes_the_footer_pages_in_the_admin_and_a_trainer_cannot(
    client, library_tree, site_pages, django_capture_on_commit_callbacks
):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["core", "footerpages", site.pk])
    chosen = FooterPages.objects.get()
    other = library_tree["pages"]["library"].pk

    client.force_login(member_of(TRAINERS))
    assert client.get(url).status_code != 200
    client.post(url, footer_pages_form(chosen, cookie_page=other))
    assert FooterPages.objects.get().cookie_page_id == chosen.cookie_page_id

    client.force_login(member_of(MODERATORS))
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, footer_pages_form(chosen, cookie_page=""))
    assert response.status_code == 302

    client.logout()
    links = footer_links(client.get(library_tree["pages"]["home"].url).content.decode())
    assert site_pages[("cookies", "nl")].url not in links and len(links) == 3
