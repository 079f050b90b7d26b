"""Synonyms kept by editors (Settings > Search synonyms): what the form refuses and why, what
the search reads (search/synonyms.py) and that it follows every save and delete at once, who
may keep them, and the demo's groups."""

import html

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.users.models import UserProfile

from elearning.accounts.roles import MODERATORS, TRAINERS
from search.demo import DEMO_SYNONYMS, demo_synonyms_seed
from search.models import SynonymGroup
from search.synonyms import synonym_groups
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def admin_reading(language, group_name=MODERATORS):
    """A client signed in as a member of `group_name` whose admin language is `language`."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def moderator():
    return admin_reading("en")


def add(client, terms, language="nl"):
    return client.post(reverse("search_synonyms:add"), {"language": language, "terms": terms})


def text_of(response):
    return html.unescape(response.content.decode())


def refused(response):
    """The form came back (no redirect) and nothing was saved."""
    assert response.status_code == 200
    assert not SynonymGroup.objects.exists()
    return text_of(response)


# --- What the form refuses ----------------------------------------------------------------------


def test_empty_terms_are_refused(moderator):
    assert "This field is required." in refused(add(moderator, ""))
    assert "Write at least two different terms" in refused(add(moderator, "  ,  , "))


def test_one_term_is_not_a_group(moderator):
    assert "Write at least two different terms" in refused(add(moderator, "kindermishandeling"))


def test_two_spellings_of_one_term_are_one_term(moderator):
    # Case and accents do not make a term of their own.
    assert "Write at least two different terms" in refused(add(moderator, "Aînés, aines, AÎNÉS"))


def test_more_than_twenty_terms_are_refused(moderator):
    terms = ", ".join(f"term{number}" for number in range(21))

    assert "at most 20 terms" in refused(add(moderator, terms))


def test_a_term_longer_than_a_hundred_characters_is_refused(moderator):
    page = refused(add(moderator, "kindermishandeling, " + "a" * 300))

    # The message repeats only the beginning of the term.
    assert f"“{'a' * 39}…” is longer than 100 characters" in page


def test_a_term_of_more_than_four_words_is_refused(moderator):
    page = refused(add(moderator, "partnergeweld, geweld tussen broers en zussen"))

    assert "“geweld tussen broers en zussen” has more than 4 words" in page


def test_markup_is_refused_and_never_shown_as_markup(moderator):
    response = add(moderator, "<script>alert(1)</script>, child abuse")
    page = refused(response)

    assert "contains characters a search term does not have: < >" in page
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    "terms",
    [
        "child abuse'; DROP TABLE site_search_synonymgroup; --, kindermishandeling",
        "' OR 1=1 --, kindermishandeling",
        'kindermishandeling, "child abuse"',
    ],
)
def test_sql_and_quotes_are_refused(moderator, terms):
    assert "contains characters a search term does not have" in refused(add(moderator, terms))
    assert add(moderator, "VIF, IFG").status_code == 302  # the table is still there


def test_a_term_of_punctuation_only_is_refused(moderator):
    page = refused(add(moderator, "kindermishandeling, ..., -"))

    assert "“...” has no letters or digits." in page
    assert "“-” has no letters or digits." in page
    assert "contains characters" in refused(add(moderator, "!!!, ???"))


def test_brackets_are_written_out_as_two_terms(moderator):
    page = refused(add(moderator, "ouderenmis(be)handeling, elder abuse"))

    assert "write each spelling as a term of its own instead of brackets" in page
    assert add(moderator, "ouderenmishandeling, ouderenmisbehandeling").status_code == 302


def test_a_term_in_another_group_of_the_language_is_refused_naming_it(moderator):
    add(moderator, "VIF, IFG, intrafamiliaal geweld")
    response = add(moderator, "huiselijk geweld, Intrafamiliaal Geweld")

    assert response.status_code == 200
    assert (
        "“Intrafamiliaal Geweld” is already in another group of this language "
        "(“VIF, IFG, intrafamiliaal geweld”)"
    ) in text_of(response)
    assert SynonymGroup.objects.count() == 1


def test_the_same_term_may_be_in_a_group_of_each_language(moderator):
    assert add(moderator, "VIF, IFG", language="nl").status_code == 302
    assert add(moderator, "VIF, violence intrafamiliale", language="fr").status_code == 302


def test_terms_are_kept_as_written_trimmed_and_once(moderator):
    assert (
        add(moderator, "  Kindermishandeling ,child   abuse,\nCHILD ABUSE ,, ").status_code == 302
    )

    assert SynonymGroup.objects.get().terms == "Kindermishandeling, child abuse"


def test_a_group_keeps_its_own_terms_when_edited(moderator):
    group = SynonymGroup.objects.create(language="nl", terms="VIF, IFG")
    url = reverse("search_synonyms:edit", args=[group.pk])

    response = moderator.post(url, {"language": "nl", "terms": "VIF, IFG, huiselijk geweld"})

    assert response.status_code == 302
    group.refresh_from_db()
    assert group.terms == "VIF, IFG, huiselijk geweld"


def test_errors_are_in_the_editors_language():
    dutch = refused(add(admin_reading("nl"), "kindermishandeling"))
    french = refused(add(admin_reading("fr"), "VIF, x<y"))

    assert "Schrijf minstens twee verschillende termen, gescheiden door komma's." in dutch
    assert "« x<y » contient des caractères qu'un terme de recherche ne contient pas" in french


# --- What the search reads ----------------------------------------------------------------------


def test_groups_are_read_as_folded_words_per_language():
    SynonymGroup.objects.create(language="fr", terms="Aînés, personnes âgées")
    SynonymGroup.objects.create(language="nl", terms="VIF, IFG, pre-school")

    assert synonym_groups("fr") == ((("aines",), ("personnes", "agees")),)
    assert synonym_groups("nl") == ((("vif",), ("ifg",), ("pre-school",)),)
    assert synonym_groups("en") == ()
    assert synonym_groups("xx") == ()


def test_a_term_without_words_saved_around_the_rules_is_left_out():
    SynonymGroup.objects.create(language="nl", terms="VIF, !!!, IFG")
    SynonymGroup.objects.create(language="nl", terms="alleen, ???")

    assert synonym_groups("nl") == ((("vif",), ("ifg",)),)


def test_the_groups_are_read_once_until_one_changes(django_assert_num_queries):
    SynonymGroup.objects.create(language="nl", terms="VIF, IFG")
    synonym_groups("nl")

    with django_assert_num_queries(0):
        assert synonym_groups("nl") == ((("vif",), ("ifg",)),)
        assert synonym_groups("fr") == ()


def test_a_search_uses_a_saved_edited_or_deleted_group_at_once(moderator):
    assert synonym_groups("en") == ()  # read and kept before the editor's changes

    add(moderator, "child abuse, child maltreatment", language="en")
    assert synonym_groups("en") == ((("child", "abuse"), ("child", "maltreatment")),)

    group = SynonymGroup.objects.get()
    moderator.post(
        reverse("search_synonyms:edit", args=[group.pk]),
        {"language": "en", "terms": "child abuse, child neglect"},
    )
    assert synonym_groups("en") == ((("child", "abuse"), ("child", "neglect")),)

    moderator.post(reverse("search_synonyms:delete", args=[group.pk]))
    assert not SynonymGroup.objects.exists()
    assert synonym_groups("en") == ()


# --- Who keeps them -----------------------------------------------------------------------------


def test_moderators_find_the_synonyms_under_settings_and_manage_them(moderator):
    home = text_of(moderator.get(reverse("wagtailadmin_home")))
    assert "Search synonyms" in home

    assert moderator.get(reverse("search_synonyms:index")).status_code == 200
    assert add(moderator, "VIF, IFG").status_code == 302
    group = SynonymGroup.objects.get()
    assert moderator.get(reverse("search_synonyms:edit", args=[group.pk])).status_code == 200


@pytest.mark.parametrize("group_name", [TRAINERS, "Editors"])
def test_admin_users_without_the_permission_are_turned_away(group_name):
    group = SynonymGroup.objects.create(language="nl", terms="VIF, IFG")
    client = admin_reading("en", group_name)

    assert "Search synonyms" not in text_of(client.get(reverse("wagtailadmin_home")))
    for url in (
        reverse("search_synonyms:index"),
        reverse("search_synonyms:add"),
        reverse("search_synonyms:edit", args=[group.pk]),
        reverse("search_synonyms:delete", args=[group.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    assert add(client, "kindermishandeling, child abuse").status_code in (302, 403)
    client.post(reverse("search_synonyms:delete", args=[group.pk]))
    assert list(SynonymGroup.objects.values_list("terms", flat=True)) == ["VIF, IFG"]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    group = SynonymGroup.objects.create(language="nl", terms="VIF, IFG")

    for url in (
        reverse("search_synonyms:index"),
        reverse("search_synonyms:edit", args=[group.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert add(client, "kindermishandeling, child abuse").status_code == 302
    assert SynonymGroup.objects.count() == 1


@pytest.mark.parametrize(
    "language, heading, help_text",
    [
        ("nl", "Synoniemengroepen", "Termen gescheiden door komma's."),
        ("fr", "Groupes de synonymes", "Termes séparés par des virgules."),
        ("en", "Synonym groups", "Terms separated by commas."),
    ],
)
def test_the_list_filters_by_language_in_the_editors_language(language, heading, help_text):
    SynonymGroup.objects.create(language="nl", terms="VIF, IFG")
    SynonymGroup.objects.create(language="fr", terms="aînés, personnes âgées")
    client = admin_reading(language)

    listing = text_of(client.get(reverse("search_synonyms:index"), {"language": "fr"}))
    form = text_of(client.get(reverse("search_synonyms:add")))

    assert heading in listing
    assert "aînés, personnes âgées" in listing
    assert "VIF, IFG" not in listing
    assert "VIF, IFG" in text_of(client.get(reverse("search_synonyms:index"), {"q": "IFG"}))
    assert help_text in form


# --- The demo -----------------------------------------------------------------------------------


def test_the_demo_groups_follow_the_rules_and_are_seeded_once():
    added = demo_synonyms_seed()

    assert added == sum(len(groups) for groups in DEMO_SYNONYMS.values())
    assert demo_synonyms_seed() == 0
    assert SynonymGroup.objects.count() == added
    assert (("aines",), ("personnes", "agees")) in synonym_groups("fr")


def test_seeding_again_leaves_an_editors_change_alone():
    demo_synonyms_seed()
    group = SynonymGroup.objects.get(language="nl", terms__startswith="VIF")
    group.terms = "VIF, IFG"
    group.save()

    demo_synonyms_seed()

    group.refresh_from_db()
    assert group.terms == "VIF, IFG"
    assert SynonymGroup.objects.filter(language="nl", terms__contains="VIF").count() == 1
