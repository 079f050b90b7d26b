"""The matches' ids, best first (search/ranking.py), and the table of entries each process
keeps (search/entry_table.py). On PostgreSQL the ids are read from Wagtail's index table alone:
they must come in exactly the order of Wagtail's own search."""

import pytest

from elearning.core.generations import generation_raise
from elearning.core.page_cache import GENERATION_KEY
from search.entry_table import TITLE, entry_table
from search.models import SearchEntry
from search.ranking import matching_ids
from tests.factories import ModulePageFactory, ToolPageFactory, publish

from .conftest import facet_count
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


def _backend_order(words, prefix):
    entries = SearchEntry.objects.all()
    found = (
        entries.autocomplete(words, operator="and")
        if prefix
        else entries.search(words, operator="and")
    )
    return [entry.pk for entry in found]


@pytest.mark.parametrize(
    "words, prefix, found",
    [
        ("signalen", False, True),
        ("signalen kinderen", False, True),
        ("meldcode", False, True),
        ("partnergeweld", False, True),
        ("zonnepanelen", False, False),
        ("signa", True, True),
        ("kindermis", True, True),
        ("babo", True, True),
        ("zonnep", True, False),
    ],
)
def test_the_ids_come_in_the_order_of_the_backends_own_search(ranked, words, prefix, found):
    expected = _backend_order(words, prefix)
    assert bool(expected) is found
    assert matching_ids(words, prefix=prefix) == expected


def test_at_most_the_limit_of_ids_is_read(ranked):
    assert matching_ids("signalen", limit=3) == _backend_order("signalen", False)[:3]


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
