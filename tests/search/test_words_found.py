"""What a visitor types and what the search finds for it (search/query.py, search/engine_*.py):
compounds, punctuation and hyphen variants, typos, plurals and each language's own rules. The
same tests run on SQLite (make test) and on PostgreSQL (make test-integration)."""

import pytest

from django.core.management import call_command

from search.models import SearchWord
from tests.factories import ModulePageFactory, ToolPageFactory, publish, translate

from .conftest import _text, result_titles
from .test_search import search

pytestmark = pytest.mark.django_db

ENGLISH_TEXT = (
    "A short guide for professionals who meet family violence: recognising the signs, "
    "talking about them with the person and knowing where to refer."
)


@pytest.fixture
def words_library(catalogue):
    """The catalogue with a serious game, a preschool tool and an English library."""
    library = catalogue["library"]
    publish(
        ToolPageFactory(
            parent=library,
            title="Educatieve serious game Barst",
            body=_text("Een spel over relaties voor jongeren in de klas."),
        )
    )
    translate(library.get_parent(), "en")
    english = translate(library, "en", title="Library", summary=ENGLISH_TEXT)
    publish(
        ToolPageFactory(
            parent=english,
            title="Talking with pre-school children about home",
            summary=ENGLISH_TEXT,
            body=_text("Picture books and puppets help young children tell what worries them."),
        )
    )
    publish(
        ToolPageFactory(
            parent=english,
            title="Signs in schools",
            summary=ENGLISH_TEXT,
            body=_text("What teachers notice and how they start a conversation."),
        )
    )
    return catalogue


def test_a_compound_is_found_by_its_usual_spelling_and_by_its_end(client, words_library):
    # The webinar's theme is written "Ouderenmis(be)handeling": both spellings find it.
    assert result_titles(search(client, q="ouderenmishandeling")) == ["Webinar ouderen"]
    assert result_titles(search(client, q="ouderenmisbehandeling")) == ["Webinar ouderen"]
    # "mishandeling" is the end of "kindermishandeling" and "ouderenmishandeling".
    found = result_titles(search(client, q="mishandeling"))
    assert {"Kindermishandeling herkennen", "Webinar ouderen", "Babobox"} <= set(found)


def test_a_word_written_as_two_is_found_when_typed_as_one_and_the_other_way(client, words_library):
    assert result_titles(search(client, q="seriousgame")) == ["Educatieve serious game Barst"]
    assert result_titles(search(client, q="serious game")) == ["Educatieve serious game Barst"]


def test_hyphen_variants_find_each_other(client, words_library):
    wanted = ["Talking with pre-school children about home"]
    for query in ("preschool", "pre-school", "pre school"):
        assert result_titles(search(client, "en", q=query)) == wanted, query


def test_plural_and_singular_find_each_other_in_each_language(client, words_library):
    assert "Signs in schools" in result_titles(search(client, "en", q="school"))
    assert "Signs in schools" in result_titles(search(client, "en", q="sign"))
    assert "Signalen bij kinderen" in result_titles(search(client, q="signaal"))
    french = search(client, "fr", q="signal")
    assert result_titles(french) == ["Maltraitance infantile"]  # its summary: "les signaux"


def test_accents_do_not_matter(client, words_library):
    assert result_titles(search(client, "fr", q="reconnaitre")) == ["Maltraitance infantile"]
    assert result_titles(search(client, "fr", q="RECONNAÎTRE")) == ["Maltraitance infantile"]


def test_a_typo_shows_the_results_of_the_closest_words_and_says_so(client, words_library):
    response = search(client, q="kindermishandelng")
    page = response.content.decode()
    assert "Niets gevonden voor “kindermishandelng”." in page
    assert 'href="?q=kindermishandeling"' in page
    assert "Kindermishandeling herkennen" in result_titles(response)
    typo = search(client, q="partnergewelt")
    assert result_titles(typo) == ["Partnergeweld in het gezin"]


def test_the_did_you_mean_line_is_in_the_visitors_language(client, words_library):
    dutch = search(client, q="kindermishandelng").content.decode()
    assert "Niets gevonden voor “kindermishandelng”" in dutch
    assert "Bedoelde u <a" in dutch
    french = search(client, "fr", q="maltraitanse").content.decode()
    assert "Rien n’a été trouvé pour « maltraitanse »." in french
    assert 'href="?q=maltraitance"' in french


def test_words_nothing_is_like_find_nothing_and_offer_nothing(client, words_library):
    response = search(client, q="zonnepanelen")
    assert result_titles(response) == []
    assert "Bedoelde u" not in response.content.decode()


def test_the_beginning_of_a_word_still_finds_titles(client, words_library):
    assert result_titles(search(client, q="kindermis")) == ["Kindermishandeling herkennen"]


def test_query_syntax_of_either_engine_is_taken_as_words(client, words_library):
    for query in ["signalen & !kinderen", "signalen | kinderen", "'signalen':*", '"signalen" * (']:
        response = search(client, q=query)
        assert "Signalen bij kinderen" in result_titles(response), query


def test_a_rebuild_forgets_the_words_of_pages_that_went(words_library):
    assert SearchWord.objects.filter(language="nl", word="babobox").exists()
    words_library["tool"].unpublish()
    call_command("search_rebuild", verbosity=0)
    assert not SearchWord.objects.filter(language="nl", word="babobox").exists()
    assert SearchWord.objects.filter(language="nl", word="signalen").exists()


def test_a_bracketed_spelling_typed_finds_either_spelling(client, words_library):
    assert result_titles(search(client, q="ouderenmis(be)handeling")) == ["Webinar ouderen"]
    assert result_titles(search(client, q="Ouderenmis(be)handeling webinar")) == ["Webinar ouderen"]
    # Mistyped, it is one word to correct, not two.
    typo = search(client, q="ouderenmis(be)handelign")
    assert 'href="?q=ouderenmishandeling"' in typo.content.decode()
    assert result_titles(typo) == ["Webinar ouderen"]


def test_a_course_comes_before_its_modules_when_their_titles_hold_the_words(client, words_library):
    course = words_library["course"]
    publish(ModulePageFactory(parent=course, title="Kindermishandeling in de klas"))
    titles = result_titles(search(client, q="kindermishandeling"))
    assert titles[:2] == ["Kindermishandeling herkennen", "Kindermishandeling in de klas"]
    # A title holding more of the words comes first, whatever its format.
    titles = result_titles(search(client, q="kindermishandeling klas"))
    assert titles[0] == "Kindermishandeling in de klas"
