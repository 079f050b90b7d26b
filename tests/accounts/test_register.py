"""Dutch in one register: the formal "u" everywhere, allauth's account pages and mails included;
English says "certificate", never "attest"."""

import re
from pathlib import Path

import allauth
import polib
import pytest

from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "elearning" / "locale"
ALLAUTH_DUTCH = Path(allauth.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
# allauth's parts this site uses (no MFA, no identity provider).
USED = ("templates/account", "account/", "templates/socialaccount", "socialaccount/")


def translations(entry):
    return [entry.msgstr, *entry.msgstr_plural.values()]


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def test_our_dutch_never_says_je_jij_or_jouw():
    informal = [
        entry.msgid
        for entry in catalogue("nl")
        if not entry.obsolete and any(INFORMAL.search(text) for text in translations(entry))
    ]
    assert informal == []


def test_every_informal_allauth_string_we_show_is_given_formally():
    informal = {
        entry.msgid
        for entry in polib.pofile(str(ALLAUTH_DUTCH))
        if not entry.obsolete
        and any(place.startswith(USED) for place, _line in entry.occurrences)
        and any(INFORMAL.search(text) for text in translations(entry))
    }
    ours = {entry.msgid for entry in catalogue("nl") if entry.msgstr}
    assert informal - ours == set()


@pytest.mark.parametrize(
    ("msgid", "formal"),
    [
        ("Are you sure you want to sign out?", "Weet u zeker dat u zich wilt afmelden?"),
        ("Confirmation email sent to %(email)s.", "Bevestigingsmail verzonden naar %(email)s."),
    ],
)
def test_allauth_speaks_formal_dutch_on_our_pages(msgid, formal):
    with translation.override("nl"):
        assert translation.gettext(msgid) == formal


def test_no_sentence_says_contact_us():
    for language in ("nl", "fr", "en"):
        with translation.override(language):
            text = translation.gettext(
                "Please contact us if you have any trouble resetting your password."
            )
        assert not re.search(r"contact us|contact met ons|contactez-nous", text, re.I), text


def test_english_says_certificate_never_attest():
    attest = [
        entry.msgid
        for entry in catalogue("en")
        if any(re.search("attest", text, re.IGNORECASE) for text in translations(entry))
    ]
    assert attest == []
