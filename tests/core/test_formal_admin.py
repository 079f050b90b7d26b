"""The admin speaks formal Dutch: every string Wagtail's or wagtail-localize's own Dutch gives
with "je/jij/jouw" reaches trainers and editors as "u/uw" from our catalogue, in the pages and
in the admin's scripts. A Wagtail upgrade that brings a new informal string fails here."""

import re
from pathlib import Path

import polib
import pytest

from django.test import Client
from django.urls import reverse
from django.utils import translation

import wagtail
import wagtail_localize
from wagtail.users.models import UserProfile

from tests.factories import UserFactory

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
UPSTREAM = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]


def informal_entries(domain):
    """(catalogue, entry) for each Dutch entry upstream translates informally."""
    for root in UPSTREAM:
        for path in sorted(root.glob(f"**/locale/nl/LC_MESSAGES/{domain}.po")):
            for entry in polib.pofile(str(path)):
                texts = [entry.msgstr, *entry.msgstr_plural.values()]
                if not entry.obsolete and any(INFORMAL.search(text) for text in texts):
                    yield path.relative_to(root.parent), entry


def shown_in_dutch(entry):
    """What Django gives a Dutch user for this entry: our catalogue first (LOCALE_PATHS)."""
    with translation.override("nl"):
        if entry.msgid_plural:
            return [
                translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
                if entry.msgctxt
                else translation.ngettext(entry.msgid, entry.msgid_plural, count)
                for count in (1, 2)
            ]
        if entry.msgctxt:
            return [translation.pgettext(entry.msgctxt, entry.msgid)]
        return [translation.gettext(entry.msgid)]


def test_upstream_still_has_informal_strings_to_check():
    assert len(list(informal_entries("django"))) > 100  # the walk finds the catalogues


def test_every_informal_wagtail_string_reaches_dutch_users_formally():
    informal = [
        f"{catalogue}: {entry.msgid!r}"
        for catalogue, entry in informal_entries("django")
        if any(INFORMAL.search(text) or text == entry.msgid for text in shown_in_dutch(entry))
    ]
    assert informal == []


@pytest.mark.django_db
def test_the_admin_login_asks_for_your_address_formally():
    page = Client(HTTP_ACCEPT_LANGUAGE="nl").get(reverse("wagtailadmin_login"))

    text = page.content.decode()
    assert "Voer uw " in text
    assert not INFORMAL.search(re.sub(r"<[^>]+>", " ", text))


@pytest.mark.django_db
def test_the_admin_scripts_speak_formally():
    editor = UserFactory(email="redactie@example.org", is_staff=True, is_superuser=True)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "nl"
    profile.save()
    client = Client()
    client.force_login(editor)

    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()

    upstream = list(informal_entries("djangojs"))
    assert upstream  # Wagtail's scripts have such strings (three in 7.4)
    for _catalogue, entry in upstream:
        assert entry.msgstr not in catalogue, entry.msgid
    assert "Weet u het zeker?" in catalogue


def overridden_entries(language):
    """Our catalogue's entries for the upstream strings made formal (upstream_formal_admin.py)."""
    path = Path(__file__).parents[2] / f"elearning/locale/{language}/LC_MESSAGES/django.po"
    return [
        entry
        for entry in polib.pofile(str(path))
        if any("upstream_formal_admin" in file for file, _line in entry.occurrences)
    ]


def upstream_translations(language):
    found = {}
    for root in UPSTREAM:
        for path in sorted(root.glob(f"**/locale/{language}/LC_MESSAGES/django.po")):
            for entry in polib.pofile(str(path)):
                texts = texts_of(entry)
                if any(texts) and not entry.obsolete and "fuzzy" not in entry.flags:
                    found.setdefault((entry.msgid, entry.msgid_plural), texts)
    return found


def texts_of(entry):
    if not entry.msgid_plural:
        return [entry.msgstr]
    return [entry.msgstr_plural[form] for form in sorted(entry.msgstr_plural)]


def markup(text):
    """Placeholders and tags: what a translation must carry over unchanged."""
    return sorted(re.findall(r"%\(\w+\)[sd]|\{\w+\}|</?\w+", text))


def test_the_formal_dutch_says_what_wagtails_dutch_says():
    """Each override is Wagtail's own Dutch in the formal register, not a neighbouring string
    that makemessages' fuzzy matching put there ("Check your email" once read "Test uw kennis")."""
    upstream = upstream_translations("nl")
    wrong = []
    for entry in overridden_entries("nl"):
        theirs = upstream[(entry.msgid, entry.msgid_plural)]
        for ours, informal in zip(texts_of(entry), [theirs[0], theirs[-1]], strict=False):
            formal_words = set(re.findall(r"\w+", ours.lower()))
            informal_words = set(re.findall(r"\w+", informal.lower()))
            pronouns = {"je", "jij", "jou", "jouw", "jezelf", "u", "uw", "uzelf"}
            shared = len((formal_words & informal_words) - pronouns)
            if markup(ours) != markup(informal) or shared < 0.6 * len(informal_words - pronouns):
                wrong.append((entry.msgid, ours))
    assert wrong == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_french_and_english_keep_wagtails_own_words(language):
    upstream = upstream_translations("fr") if language == "fr" else {}
    changed = []
    for entry in overridden_entries(language):
        if language == "en":
            expected = (
                [entry.msgid] if not entry.msgid_plural else [entry.msgid, entry.msgid_plural]
            )
        else:
            theirs = upstream[(entry.msgid, entry.msgid_plural)]
            expected = [theirs[0]] if not entry.msgid_plural else [theirs[0], theirs[-1]]
        if texts_of(entry) != expected:
            changed.append(entry.msgid)
    assert changed == []
