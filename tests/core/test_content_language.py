"""A page knows the language its text is written in, whatever its locale says."""

import pytest

from wagtail.models import Locale

from courses.models import ModulePage
from elearning.core import content_language
from elearning.core.content_language import (
    MAX_CHARS,
    page_content_language,
    page_text,
    text_language,
)
from tests.factories import ModulePageFactory, make_home, translate

DUTCH = "Kinderen die thuis geweld meemaken, tonen dat vaak op school: zo herkent u de signalen."
FRENCH = "Les enfants exposés à la violence à la maison le montrent souvent à l'école."
ENGLISH = "Children who live with violence at home often show it at school: how to see it."


@pytest.mark.parametrize(("text", "expected"), [(DUTCH, "nl"), (FRENCH, "fr"), (ENGLISH, "en")])
def test_a_sentence_is_recognised_among_the_sites_languages(text, expected):
    assert text_language(text, fallback="nl" if expected != "nl" else "fr") == expected


@pytest.mark.parametrize("text", ["Babobox", "Signalen (fr)", "Podcast 2", "", None])
def test_too_little_text_keeps_the_pages_locale(text):
    assert text_language(text, fallback="fr") == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "<p></p><p><br></p>" * 500,
        '<img src="x" alt=""><a href="https://example.org">https://example.org</a>',
        "0123456789 " * 200,
        "\x00\ufffd\u202e" * 1000,
    ],
)
def test_markup_numbers_and_garbage_never_error_and_keep_the_locale(text):
    assert text_language(text, fallback="en") == "en"


class IdentifierSpy:
    """Stands in for py3langid's identifier and keeps what it was given."""

    def __init__(self):
        self.texts = []

    def classify(self, text):
        self.texts.append(text)
        return "nl", 1.0


def test_a_very_long_text_is_read_from_its_beginning_only(monkeypatch):
    spy = IdentifierSpy()
    monkeypatch.setattr(content_language, "_identifier", lambda: spy)
    assert text_language(DUTCH * 10_000, fallback="fr") == "nl"
    assert len(spy.texts[0]) <= MAX_CHARS


@pytest.mark.django_db
def test_a_french_copy_still_in_dutch_is_dutch_and_a_translated_one_french():
    home = make_home()
    translate(home, "fr")
    module = ModulePageFactory(parent=home, title="Signalen bij kinderen", summary=DUTCH)
    copy = translate(module, "fr")
    assert (module.content_language, copy.content_language) == ("nl", "nl")

    copy.title, copy.summary, copy.body = "Les signaux", FRENCH, []
    copy.save_revision().publish()
    copy.refresh_from_db()
    assert copy.content_language == "fr"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        [],
        [{"type": "text", "value": "<p><br></p>" * 2000}],
        [{"type": "text", "value": f"<p>{DUTCH}</p>" * 5000}],
    ],
)
def test_empty_markup_only_and_very_long_pages_never_error(body):
    french = Locale.objects.get_or_create(language_code="fr")[0]
    page = ModulePage(title="M", summary="", body=body, locale=french)
    expected = "nl" if body and DUTCH in str(body[0]["value"]) else "fr"
    assert page_content_language(page) == expected
    assert len(page_text(page)) < 3 * MAX_CHARS
