import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import PageViewRestriction

from search.models import SearchEntry, UnansweredQuery
from tests.factories import ModulePageFactory, publish

from .conftest import RESULT_TITLE, facet_count, result_titles

pytestmark = pytest.mark.django_db

EVERYTHING = {"Kindermishandeling herkennen", "Signalen bij kinderen", "Het gesprek"} | {
    "Webinar ouderen",
    "Babobox",
    "Partnergeweld in het gezin",
}


def search(client, language="nl", **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response


def test_a_title_match_ranks_above_a_body_match(client, catalogue):
    titles = result_titles(search(client, q="signalen"))
    assert titles[0] == "Signalen bij kinderen"
    assert {"Het gesprek", "Partnergeweld in het gezin"} <= set(titles[1:])


def test_a_result_shows_its_type_duration_theme_and_the_words_found(client, catalogue):
    page = search(client, q="meldcode").content.decode()
    assert result_titles(search(client, q="meldcode")) == ["Webinar ouderen"]
    result = page[page.index('class="result"') :]
    assert "Webinar" in result and "90 minuten" in result
    assert "Ouderenmis(be)handeling" in result
    assert "We overlopen de <mark>meldcode</mark> en het beroepsgeheim" in result
    assert catalogue["webinar"].url in result


def test_chapter_titles_and_transcripts_are_searched(client, catalogue):
    assert result_titles(search(client, q="huisartsen")) == ["Webinar ouderen"]
    assert result_titles(search(client, q="partnergeweld bespreken")) == [
        "Partnergeweld in het gezin"
    ]


def test_a_snippet_shows_the_pages_text_as_text_never_as_markup(client, catalogue):
    webinar = catalogue["webinar"]
    webinar.transcript = "<script>alert(1)</script> over de meldcode"
    publish(webinar)
    page = search(client, q="meldcode").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; over de <mark>meldcode</mark>" in page
    assert "<script>alert(1)" not in page


def test_the_beginning_of_a_word_finds_titles(client, catalogue):
    assert result_titles(search(client, q="Babo")) == ["Babobox"]
    # Every word typed must begin a word of the title, in any order, accents or not.
    assert result_titles(search(client, q="herken KINDERMIS")) == ["Kindermishandeling herkennen"]
    assert result_titles(search(client, q="part gezi")) == ["Partnergeweld in het gezin"]
    assert result_titles(search(client, q="herken gezi")) == []


def test_search_stays_in_the_visitors_language_and_offers_the_others(client, catalogue):
    dutch = search(client, q="maltraitance")
    assert result_titles(dutch) == []
    assert facet_count(dutch, "language", "fr") == 1
    chosen = client.get("/nl/search/", {"q": "maltraitance", "language": "fr"})
    assert result_titles(chosen) == ["Maltraitance infantile"]
    assert result_titles(search(client, "fr", q="maltraitance")) == ["Maltraitance infantile"]
    assert "Kindermishandeling herkennen" not in result_titles(
        search(client, "fr", q="kindermishandeling")
    )


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"format": "tool"}, {"Babobox"}),
        ({"format": ["tool", "podcast"]}, {"Babobox", "Partnergeweld in het gezin"}),
        ({"format": "course"}, {"Kindermishandeling herkennen"}),
        (
            {"duration": "short"},
            {"Signalen bij kinderen", "Het gesprek", "Partnergeweld in het gezin"},
        ),
        ({"duration": "medium"}, {"Kindermishandeling herkennen"}),
        ({"duration": "long"}, {"Webinar ouderen"}),
        (
            {"theme": "kindermishandeling"},
            {"Kindermishandeling herkennen", "Signalen bij kinderen", "Het gesprek", "Babobox"},
        ),
        ({"theme": "ouderen"}, {"Webinar ouderen"}),
        ({"sector": "prevention"}, {"Babobox"}),
        (
            {"sector": "care"},
            {"Kindermishandeling herkennen", "Signalen bij kinderen", "Het gesprek"},
        ),
        ({"language": "fr", "format": "course"}, {"Maltraitance infantile"}),
        ({"format": "module", "duration": "short"}, {"Signalen bij kinderen", "Het gesprek"}),
        ({"format": "module", "duration": "long"}, set()),
        ({"theme": "kindermishandeling", "sector": "prevention"}, {"Babobox"}),
    ],
)
def test_every_facet_narrows_the_library_and_facets_combine(client, catalogue, params, expected):
    assert set(result_titles(search(client, **params))) == expected


def test_facets_narrow_a_query_too(client, catalogue):
    titles = result_titles(search(client, q="signalen", format="module", duration="short"))
    assert titles == ["Signalen bij kinderen", "Het gesprek"]


def test_each_facet_counts_what_choosing_a_value_would_give(client, catalogue):
    response = search(client, format="module")
    # The other formats keep their counts, so the visitor can widen the choice...
    assert facet_count(response, "format", "module") == 2
    assert facet_count(response, "format", "tool") == 1
    assert facet_count(response, "format", "webinar") == 1
    # ...while the other facets count within the chosen format.
    assert facet_count(response, "duration", "short") == 2
    assert facet_count(response, "duration", "long") is None
    assert facet_count(response, "theme", "kindermishandeling") == 2
    assert facet_count(response, "theme", "ouderen") is None


def test_facet_choices_survive_paging_in_the_address(client, catalogue):
    for number in range(12):
        publish(ModulePageFactory(parent=catalogue["course"], title=f"Extra {number}"))
    page = search(client, format="module", duration="short").content.decode()
    assert 'href="?format=module&amp;duration=short&amp;page=2"' in page
    second = search(client, format="module", duration="short", page="2")
    assert len(result_titles(second)) == 4


def test_editors_promote_a_page_for_a_key_query(client, catalogue):
    SearchPromotion.objects.create(
        query=Query.get("1712"),
        page=catalogue["tool"],
        description="Bel 1712 bij vragen over geweld.",
        sort_order=0,
    )
    page = search(client, q="1712").content.decode()
    promotions = page[page.index('id="promotions-heading"') : page.index('role="status"')]
    assert catalogue["tool"].url in promotions
    assert "Bel 1712 bij vragen over geweld." in promotions
    # Not translated into French: French visitors are not sent to a Dutch page.
    assert 'id="promotions-heading"' not in search(client, "fr", q="1712").content.decode()


def test_searches_are_counted_and_those_without_results_kept_apart(counted_search, catalogue):
    counted_search("zonnepanelen")
    counted_search("Zonnepanelen")
    counted_search("signalen")
    counted_search("signalen", page="2")  # paging is not a new search
    hits = {h.query.query_string: h.hits for h in QueryDailyHits.objects.select_related("query")}
    assert hits == {"zonnepanelen": 2, "signalen": 1}
    unanswered = UnansweredQuery.objects.get()
    assert (unanswered.query.query_string, unanswered.hits) == ("zonnepanelen", 2)


def test_counting_a_new_word_leaves_cached_pages_and_tables_current(counted_search, catalogue):
    from elearning.core.page_cache import page_cache_generation

    before = page_cache_generation()
    counted_search("een woord dat niemand eerder zocht")
    assert Query.objects.filter(query_string="een woord dat niemand eerder zocht").exists()
    assert page_cache_generation() == before


def test_unpublished_and_private_pages_leave_the_search(client, catalogue):
    catalogue["tool"].unpublish()
    assert result_titles(search(client, q="babobox")) == []
    PageViewRestriction.objects.create(
        page=catalogue["course"], restriction_type=PageViewRestriction.LOGIN
    )
    assert result_titles(search(client, q="signalen")) == ["Partnergeweld in het gezin"]
    assert not SearchEntry.objects.filter(page=catalogue["titled"]).exists()


def test_a_result_links_to_its_page_where_it_is_now(client, catalogue):
    def links(language="nl", q="babobox"):
        found = RESULT_TITLE.findall(search(client, language, q=q).content.decode())
        return [url for url, _title in found]

    tool = catalogue["tool"]
    assert links() == [tool.get_url()]
    tool.slug = "babobox-koffer"
    publish(tool)
    tool.refresh_from_db()
    assert links() == [tool.get_url()] and links()[0].endswith("/babobox-koffer/")
    # The course moved under the tool: its module's address follows.
    course, titled = catalogue["course"], catalogue["titled"]
    course.move(tool, pos="last-child")
    titled.refresh_from_db()
    assert links(q="Signalen bij kinderen")[0] == titled.get_url()
    assert "/babobox-koffer/" in titled.get_url()


def test_a_course_entry_follows_its_modules_duration(client, catalogue):
    assert SearchEntry.objects.get(page=catalogue["course"]).minutes == 25
    publish(ModulePageFactory(parent=catalogue["course"], duration_minutes=20))
    entry = SearchEntry.objects.get(page=catalogue["course"])
    assert (entry.minutes, entry.length) == (45, "medium")


def test_the_rebuild_command_restores_every_entry(client, catalogue):
    from django.core.management import call_command

    before = set(SearchEntry.objects.values_list("page_id", "format", "minutes", "theme_keys"))
    SearchEntry.objects.all().delete()
    call_command("search_rebuild", verbosity=0)
    after = set(SearchEntry.objects.values_list("page_id", "format", "minutes", "theme_keys"))
    assert after == before and len(after) == 7
    assert result_titles(search(client, q="babobox")) == ["Babobox"]


def test_the_number_of_queries_does_not_grow_with_the_matches(client, catalogue):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            search(client, q="signalen", page="2")
        return len(captured)

    queries()  # the first search of a process also reads the site, themes and entries once
    few = queries()
    for number in range(30):
        publish(ModulePageFactory(parent=catalogue["course"], title=f"Signalen {number}"))
    queries()  # content changed: the next search reads again what a process keeps of it
    assert queries() == few


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "%%%&&&***"},
        {"q": "OR"},
        {"q": "AND NOT -"},
        {"q": "' OR 1=1; DROP TABLE wagtailcore_page; --"},
        {"q": '"unclosed'},
        {"q": "NEAR("},
        {"q": "signalen*"},
        {"q": "\x00signalen"},
        {"q": " ".join(["signalen"] * 500)},
        {"q": "signalen", "format": ["tool"] * 300 + ["x"] * 300, "theme": "../../etc"},
        {"q": "signalen", "duration": "<script>", "language": "zz", "sector": "'--"},
        {"q": "signalen", "page": "abc"},
        {"q": "signalen", "page": "99999999999999999999"},
        {"format": "module", "page": "-1"},
    ],
)
def test_hostile_queries_return_a_normal_page(client, catalogue, params):
    response = client.get("/nl/search/", params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>", 1)[1]


def test_an_empty_search_shows_the_form_only(client, catalogue):
    page = search(client, "fr").content.decode()
    assert 'name="q"' in page and 'class="result"' not in page


def test_suggestions_name_titles_that_start_with_the_words_typed(client, catalogue):
    response = client.get("/nl/search/suggest/", {"q": "Signa"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Signalen bij kinderen"]
    assert suggestions[0]["url"] == catalogue["titled"].url
    assert suggestions[0]["format"] == "Module"
    assert client.get("/fr/search/suggest/", {"q": "Signa"}).json() == {"suggestions": []}


@pytest.mark.parametrize("query", ["", "s", "%%%", "' OR 1=1 --", "x" * 5000, '"NEAR('])
def test_suggestions_for_hostile_input_are_empty_not_errors(client, catalogue, query):
    response = client.get("/nl/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response.json() == {"suggestions": []}
