"""A page is shown under the language its text is written in, never another one's `lang`.

A French copy still in Dutch (made in the admin, imported, not translated yet) keeps the French
interface, but its content region says lang="nl" and a notice tells the visitor; the language
switcher says where a page has no translation; the library counts items by their text's language.
"""

import re

import pytest

from elearning.core.sites import site_url
from tests.factories import ModulePageFactory, ToolPageFactory, publish, translate
from tests.search.conftest import facet_count

CONTENT_REGION = re.compile(r'<div class="page-content"( lang="(\w+)")?>')


def _content_lang(html):
    return CONTENT_REGION.search(html).group(2)


@pytest.fixture
def dutch_copy(library_tree):
    """A Dutch module and its French copy, not translated yet (its text is the Dutch)."""
    module = publish(
        ModulePageFactory(parent=library_tree["pages"]["course"], title="Broers en zussen")
    )
    return {"original": module, "copy": translate(module, "fr")}


@pytest.mark.django_db
def test_a_french_page_still_in_dutch_says_so_and_marks_its_content_dutch(client, dutch_copy):
    assert dutch_copy["copy"].content_language == "nl"

    html = client.get(dutch_copy["copy"].url).content.decode()

    assert '<html lang="fr">' in html
    assert _content_lang(html) == "nl"
    assert "pas encore disponible dans votre langue" in html
    assert 'Néerlandais (<span lang="nl">Nederlands</span>)' in html
    notice_at, content_at = html.index("content-language-notice"), html.index("page-content")
    assert notice_at < content_at  # read before the content, in the interface's language


@pytest.mark.django_db
def test_a_translated_french_page_has_no_notice_and_no_other_lang(client, library_tree):
    module_fr = library_tree["translations"][("module", "fr")]
    assert module_fr.content_language == "fr"

    html = client.get(module_fr.url).content.decode()

    assert '<html lang="fr">' in html
    assert _content_lang(html) is None
    assert "content-language-notice" not in html


@pytest.mark.django_db
def test_cached_pages_keep_each_languages_notice(client, dutch_copy):
    for _visit in range(2):  # rendered, then from the page cache
        dutch = client.get(dutch_copy["original"].url)
        french = client.get(dutch_copy["copy"].url)
        assert _content_lang(dutch.content.decode()) is None
        assert _content_lang(french.content.decode()) == "nl"
    assert french["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_the_switcher_says_when_a_page_has_no_translation(
    client, library_tree, django_capture_on_commit_callbacks
):
    module = library_tree["pages"]["module"]
    with django_capture_on_commit_callbacks(execute=True):
        library_tree["translations"][("module", "en")].delete()

    html = client.get(module.url).content.decode()

    english = re.search(r'<a href="/en/" lang="en" hreflang="en">(.*?)</a>', html).group(1)
    assert "this page is not translated: to the home page" in english  # in English, its own
    assert 'rel="alternate" hreflang="en"' not in html


@pytest.mark.django_db
def test_the_switcher_says_when_a_translation_is_not_translated_yet(client, dutch_copy):
    html = client.get(dutch_copy["original"].url).content.decode()

    french = re.search(
        rf'<a href="{dutch_copy["copy"].url}" lang="fr" hreflang="fr">(.*?)</a>', html
    ).group(1)
    assert "cette page n’est pas encore traduite" in french
    assert 'rel="alternate" hreflang="fr"' not in html
    assert 'rel="alternate" hreflang="en"' not in html  # no English copy at all


@pytest.mark.django_db
def test_a_translated_page_is_offered_plainly(client, library_tree):
    tool = library_tree["pages"]["tool"]
    tool_fr = library_tree["translations"][("tool", "fr")]

    html = client.get(tool.url).content.decode()

    link = re.search(rf'<a href="{tool_fr.url}" lang="fr" hreflang="fr">(.*?)</a>', html).group(1)
    # Its code on a wide screen, its name on a phone; no note.
    assert re.sub(r"<[^>]+>", "", link).split() == ["FR", "Français"]
    assert f'<link rel="alternate" hreflang="fr" href="{site_url(tool_fr.url)}">' in html


@pytest.mark.django_db
def test_the_library_counts_items_by_the_language_of_their_text(client, library_tree):
    tool = publish(
        ToolPageFactory(parent=library_tree["pages"]["library"], title="Veiligheidsplan")
    )
    tool_copy = translate(tool, "fr")  # still Dutch
    library_fr = library_tree["translations"][("library", "fr")]

    french = client.get(library_fr.url)
    dutch_in_french = client.get(library_fr.url, {"language": "nl"})

    assert facet_count(french, "language", "fr") == 3  # course, webinar, tool: not the copy
    assert tool_copy.pk not in {card.pk for card in french.context["entries"]}
    listed = {card.pk for card in dutch_in_french.context["entries"]}
    assert tool_copy.pk in listed  # the French copy stands in for its Dutch original
    assert tool.pk not in listed
    assert f'class="card__title" lang="nl"><a href="{tool_copy.url}"' in (
        dutch_in_french.content.decode()
    )
