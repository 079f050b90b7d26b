"""The matches' ids, best first (search/ranking.py: the engine of the database in use), and
the table of entries each process keeps (search/entry_table.py)."""

import pytest

from elearning.core.generations import generation_raise
from elearning.core.page_cache import GENERATION_KEY
from search.entry_table import TITLE, entry_table
from search.models import SearchEntry, SynonymGroup
from search.ranking import matching_ids
from tests.factories import ModulePageFactory, ToolPageFactory, publish

from .conftest import facet_count, result_titles
from .test_search import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def ranked(catalogue):
    """Matches of different ranks and ties: the word in titles, in summaries, or twice."""
    for number in range(9):
        publish(
            ModulePageFactory(
                parent=catalogue["course"],
                title=f"Signalen {number}" if number % 3 == 0 else f"Deel {number}",
                summary="Signalen en nog eens signalen." if number % 2 else "Een deel.",
            )
        )
    return catalogue


def _titles(ids):
    by_id = SearchEntry.objects.in_bulk(ids)
    return [by_id[pk].title for pk in ids]


def test_the_matches_are_the_entries_holding_the_words_and_only_those(ranked):
    found = _titles(matching_ids("signalen"))
    assert {f"Signalen {n}" for n in (0, 3, 6)} <= set(found)
    assert {f"Deel {n}" for n in (1, 2, 4, 5, 7, 8)} <= set(found)  # in summary or text
    assert "Babobox" not in found and "Webinar ouderen" not in found
    assert matching_ids("signalen zonnepanelen") == []
    assert matching_ids("zonnepanelen") == []


def test_the_beginning_of_a_word_matches_titles_only(ranked):
    found = _titles(matching_ids("signa", prefix=True))
    assert sorted(found) == sorted(
        ["Signalen 0", "Signalen 3", "Signalen 6", "Signalen bij kinderen"]
    )
    assert _titles(matching_ids("kindermis", prefix=True)) == ["Kindermishandeling herkennen"]
    assert matching_ids("zonnep", prefix=True) == []


def test_a_title_outranks_a_summary_and_equals_go_newest_first(ranked):
    first = publish(
        ToolPageFactory(parent=ranked["library"], title="Meldcode", summary="Een tool.")
    )
    second = publish(
        ToolPageFactory(parent=ranked["library"], title="Het stappenplan", summary="De meldcode.")
    )
    twin = publish(
        ToolPageFactory(
            parent=ranked["library"], title="Meldcode", slug="meldcode-2", summary="Een tool."
        )
    )
    found = _titles(matching_ids("meldcode"))
    assert found.index("Het stappenplan") > 1  # both titles come before it
    ids = matching_ids("meldcode")
    entry_ids = {page.pk: page.search_entry.pk for page in (first, second, twin)}
    assert ids.index(entry_ids[twin.pk]) < ids.index(entry_ids[first.pk])


def test_at_most_the_limit_of_ids_is_read(ranked):
    assert matching_ids("signalen", limit=3) == matching_ids("signalen")[:3]


def test_a_table_read_before_a_change_commits_is_read_again_after(
    catalogue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        publish(ToolPageFactory(parent=catalogue["library"], title="Veiligheidsplan"))
        during = entry_table()  # what another process may read before the commit
    assert callbacks
    for callback in callbacks:
        callback()
    after = entry_table()
    assert after is not during
    assert "Veiligheidsplan" in {row[TITLE] for row in after.by_title("nl")}


def test_a_change_written_by_another_process_shows_once_its_generation_moves(client, catalogue):
    assert facet_count(search(client, q="babobox"), "format", "tool") == 1
    # Another process turns the tool into a webinar: this process got no signal of it...
    SearchEntry.objects.filter(page=catalogue["tool"]).update(format="webinar")
    assert facet_count(search(client, q="babobox"), "format", "tool") == 1
    # ... until the generation that process raised with its write is seen.
    generation_raise(GENERATION_KEY)
    response = search(client, q="babobox")
    assert facet_count(response, "format", "tool") is None
    assert facet_count(response, "format", "webinar") == 1


def test_pages_of_a_broad_search_follow_the_order_of_every_match_ranked(client, catalogue):
    """A page ranks only the matches it shows (search/ordering.py); paged through, the
    results are still every match once, titles holding the word first, then the engine's
    order of all of them."""
    for number in range(14):
        publish(
            ModulePageFactory(
                parent=catalogue["course"],
                title=f"Signalen {number}" if number % 2 else f"Deel {number}",
                summary=" ".join(["Signalen."] * (1 + number % 5)),
            )
        )
    pages = [result_titles(search(client, q="signalen", page=str(n))) for n in (1, 2)]
    assert [len(page) for page in pages] == [10, len(pages[1])] and 0 < len(pages[1]) <= 10
    listed = pages[0] + pages[1]
    engine_order = _titles(matching_ids("signalen"))  # every match, ranked in one statement
    in_title = [title for title in engine_order if "signalen" in title.lower()]
    expected = in_title + [title for title in engine_order if title not in in_title]
    assert listed == [title for title in expected if title in listed]
    assert sorted(listed) == sorted(
        title for title in engine_order if SearchEntry.objects.get(title=title).language == "nl"
    )


def test_a_title_holds_a_synonym_only_with_all_its_words(client, catalogue):
    """ "huiselijk geweld" also asks for "partnergeweld": a title with "Partnergeweld" holds
    the query and comes first; a title with "Huiselijke" alone does not, so it is ranked with
    the pages whose text holds the words."""
    SynonymGroup.objects.create(language="nl", terms="huiselijk geweld, partnergeweld")
    for title, times in (("Huiselijke taken", 1), ("Over thuis", 4)):
        publish(
            ModulePageFactory(
                parent=catalogue["course"],
                title=title,
                summary=" ".join(["Huiselijk geweld."] * times),
            )
        )
    titles = result_titles(search(client, q="huiselijk geweld"))
    assert titles[0] == "Partnergeweld in het gezin"
    # Both in the engine's order, not "Huiselijke taken" first for its title (bm25 puts
    # "Over thuis" first; ts_rank weighs the title's "huiselijk" more than four summaries).
    ranked = [t for t in _titles(matching_ids("huiselijk geweld")) if t in titles[1:]]
    assert titles[1:] == ranked
