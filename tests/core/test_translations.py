"""Every UI string exists in Dutch, French and English, compiled and in use."""

import re
from pathlib import Path

import pytest

from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "elearning" / "locale"


def po_entries(language):
    text = (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:  # the first block is the header
        if block.lstrip().startswith("#~"):
            continue  # obsolete
        yield block


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_string_is_translated_and_none_is_fuzzy(language):
    untranslated = []
    for block in po_entries(language):
        assert "#, fuzzy" not in block, block
        for value in re.findall(r'^msgstr(?:\[\d\])? "(.*)"\n((?:".*"\n?)*)', block + "\n", re.M):
            if not (value[0] or value[1].strip()):
                untranslated.append(block)
    assert not untranslated, untranslated[:3]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_compiled_catalogue_is_present(language):
    assert (LOCALE_DIR / language / "LC_MESSAGES" / "django.mo").stat().st_size > 1000


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "Snel weg"), ("fr", "Sortie rapide"), ("en", "Quick exit")],
)
def test_the_chrome_speaks_the_visitors_language(language, expected):
    with translation.override(language):
        assert translation.gettext("Quick exit") == expected
