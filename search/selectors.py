"""Library search and browsing: the matches of a query, narrowed by facets, with counts.

One search asks the search backend once for the ids of every match, in order of relevance
(ranking.py), and takes their titles and facet values from the table every process keeps
(entry_table.py); facet counts and the filtered, paginated list are then worked out in one
pass over those rows. Each facet counts its values under every other facet's choice, so that
the numbers say what a click would give (values of one facet combine with OR, facets with AND).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import get_language

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from courses.models import PodcastPage
from courses.selectors import card_images_attach, page_of, themes_in_locale
from elearning.core.generations import (
    generation_process_value,
    generation_process_values_store,
    generation_value,
    generation_values_store,
)
from elearning.core.models import Sector
from elearning.core.page_cache import page_cache_generation

from .entry_table import ID, SIGNATURE, VALUES, entry_table
from .highlight import highlight, words_pattern
from .models import Format, Length, SearchEntry
from .ordering import in_page_order
from .query import parse
from .ranking import matches, ranked_ids, suggested_terms, title_prefix_ids

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
MAX_CHOICES = 10  # values per facet taken from a URL; more are ignored
RESULTS_PER_PAGE = 10
# Quotes and operators mean something to full-text engines (FTS5, tsquery); visitors mean
# words. Keep letters, digits, inner hyphens and brackets ("mis(be)handeling": two spellings,
# search/words.py); everything else separates words. The engines only ever see parsed words.
NON_WORD = re.compile(r"[^\w()-]+|(?<!\w)-|-(?!\w)")


def search_terms(raw):
    return " ".join(NON_WORD.sub(" ", raw[:MAX_QUERY_LENGTH]).split()[:MAX_WORDS])


@dataclass
class Choices:
    """What the visitor asked for, read defensively from the URL."""

    query: str = ""
    terms: str = ""
    language: str = ""  # of the items' text; the interface's unless the visitor chose
    interface_language: str = ""  # whose library (entry_table.py: which copy stands for an item)
    formats: set = field(default_factory=set)
    lengths: set = field(default_factory=set)
    themes: set = field(default_factory=set)  # translation keys
    sectors: set = field(default_factory=set)

    implied_formats: bool = False  # the page's default formats, not the visitor's choice
    corrected: str = ""  # the words shown instead, when the query's own found nothing

    _parsed: tuple = field(default=(), repr=False)  # (words, language, Query) parsed last

    @property
    def parsed(self):
        """The query shown (query.py), in the language of the results asked for."""
        words = self.corrected or self.terms
        if self._parsed[:2] != (words, self.language):
            self._parsed = (words, self.language, parse(words, language=self.language))
        return self._parsed[2]

    def parsed_as(self, words, query):
        """These words parsed in the results' language are `query`: no need to parse them
        again."""
        self._parsed = (words, self.language, query)

    @property
    def pattern(self):
        """What marks the words found in results: the words asked for, with their synonyms
        and compounds."""
        return words_pattern(self.parsed.words()) if self.terms else None

    def chosen(self):
        """Each facet's chosen values, in FACETS order; an empty set lets everything pass."""
        return ({self.language}, self.formats, self.lengths, self.themes, self.sectors)

    @property
    def narrowed(self):
        """Whether the visitor chose any facet value (the language aside)."""
        explicit_formats = self.formats and not self.implied_formats
        return bool(explicit_formats or self.lengths or self.themes or self.sectors)


def _values(params, name, allowed):
    return {value for value in params.getlist(name)[:MAX_CHOICES] if value in allowed}


def read_choices(params, *, language, themes):
    """The visitor's query and facet choices; anything unknown is left out, never an error."""
    query = params.get("q", "").strip()[:MAX_QUERY_LENGTH]
    slugs = {theme.slug: key for key, theme in themes.items()}
    languages = {code for code, _name in settings.LANGUAGES}
    chosen_language = params.get("language", "")
    return Choices(
        query=query,
        terms=search_terms(query),
        language=chosen_language if chosen_language in languages else language,
        interface_language=language,
        formats=_values(params, "format", set(Format.values)),
        lengths=_values(params, "duration", set(Length.values)),
        themes={slugs[slug] for slug in _values(params, "theme", set(slugs))},
        sectors=_values(params, "sector", set(Sector.Code.values)),
    )


def _matches(choices, table):
    """(every match's row (entry_table.py), how to rank them): `rank([(ids, limit), ...])`,
    the best `limit` of each group's ids, best first (ordering.py ranks only what a page
    shows), or None when the rows come in their order already.

    Words that find nothing in the language asked for (another language's stemmer may still
    take a typo for a word of its own) are tried as the beginnings of title words
    ("kindermis": the titles in memory, newest first), then with each word the index does not
    know replaced by its closest word ("kindermishandelng"): the page then says which words it
    shows results for (choices.corrected).
    """

    def found_by(terms):
        ids, queries = matches(terms)
        choices.parsed_as(terms, queries[choices.language])
        rows = table.rows_of(ids, choices.interface_language)
        return rows, lambda groups: ranked_ids(queries, groups)

    def by_title_beginnings(terms):  # from the titles in memory: no document to read
        beginnings = {
            word
            for slot in parse(terms, language=choices.language, prefix=True).slots
            for phrase in slot
            for word in phrase
        }
        ids = sorted(table.title_words.holding_all(beginnings), reverse=True)
        return table.rows_of(ids, choices.interface_language), None  # newest first

    def in_language(found):
        return any(row[VALUES][0][0] == choices.language for row in found[0])

    found = found_by(choices.terms)
    if not in_language(found):
        prefixed = by_title_beginnings(choices.terms)
        found = prefixed if prefixed[0] else found
    if not in_language(found):
        better = suggested_terms(choices.terms, language=choices.language)
        instead = found_by(better) if better else ([], None)
        if in_language(instead):
            found, choices.corrected = instead, better
    return found


FACETS = ("language", "format", "length", "theme", "sector")


def _narrow(rows, choices, signatures):
    """(the rows that pass every facet, {facet: Counter of values}).

    A row that passes every facet counts for each of its values; a row that fails one facet
    only counts for that facet (choosing that value would bring it in); others do not count.
    Rows with the same facet values share a signature (entry_table.py): each signature is
    weighed once, with the number of rows that have it (thousands of matches, few
    signatures).
    """
    active = [(n, wanted) for n, wanted in enumerate(choices.chosen()) if wanted]
    passing, gathered = set(), Counter()
    for signature, number in Counter(row[SIGNATURE] for row in rows).items():
        values, pairs = signatures[signature]
        failed = [n for n, wanted in active if wanted.isdisjoint(values[n])]
        if not failed:
            passing.add(signature)
            for pair in pairs:
                gathered[pair] += number
        elif len(failed) == 1:
            for value in values[failed[0]]:
                gathered[(failed[0], value)] += number
    counts = {facet: Counter() for facet in FACETS}
    for (n, value), count in gathered.items():
        counts[FACETS[n]][value] = count
    return [row for row in rows if row[SIGNATURE] in passing], counts


def _results(rows, choices, *, themes, cards):
    """The page's results with their URL (and their page, for `cards`), themes, duration and
    snippet."""
    ids = [row[ID] for row in rows]
    entries = SearchEntry.objects.filter(pk__in=ids)
    by_id = {entry.pk: entry for entry in (entries.select_related("page") if cards else entries)}
    urls = {} if cards else page_urls([entry.page_id for entry in by_id.values()])
    pattern = choices.pattern
    format_labels = {value: str(label) for value, label in Format.choices}
    results = []
    for entry in (by_id[pk] for pk in ids if pk in by_id):
        entry.url = urls.get(entry.page_id)  # cards link to their page instead
        entry.format_label = format_labels.get(entry.format, entry.format)
        body = entry.text if pattern and pattern.search(entry.text) else ""
        entry.snippet = highlight(body or entry.summary, pattern)
        entry.title_marked = highlight(entry.title, pattern, limit=len(entry.title))
        entry.theme_list = sorted(
            (themes[key] for key in entry.themes if key in themes), key=lambda t: t.name
        )
        results.append(entry)
    return results


def page_urls(page_ids):
    """{page id: its URL} of these live pages, kept by each process under the page-cache
    generation (publishing, moving or deleting a page raises it) and the active language:
    a search's ten pages cost more to load than the rest of its results."""
    key = f"search:page-urls:{page_cache_generation()}:{get_language()}"
    known = generation_process_value(key) or {}
    missing = [pk for pk in page_ids if pk not in known]
    if missing:
        pages = Page.objects.filter(pk__in=missing).only("id", "url_path")
        known = {**known, **{page.pk: page.get_url() for page in pages}}
        generation_process_values_store({key: known})
    return known


def promoted_queries():
    """The (normalised) queries editors promoted results for: a short list, kept under the
    page-cache generation (a promotion raises it, signal_handlers.py), so that other searches
    cost no query for it."""
    key = f"search:promoted-queries:{page_cache_generation()}"
    found = generation_value(key)
    if found is None:
        found = frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True))
        generation_values_store({key: found}, timeout=settings.PAGE_CACHE_TIMEOUT)
    return found


def promoted(choices):
    """Editors' picks for this query, in the visitor's language where translated."""
    query_string = normalise_query_string(choices.query)
    if not choices.terms or query_string not in promoted_queries():
        return []
    picks = list(
        SearchPromotion.objects.filter(query__query_string=query_string).select_related("page")
    )
    keys = [pick.page.translation_key for pick in picks if pick.page_id]
    if not keys:
        return picks
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=keys, locale__language_code=choices.language)
    }
    shown = []
    for pick in picks:
        if pick.page_id:
            pick.shown_page = translated.get(pick.page.translation_key)
            if pick.shown_page is None:
                continue
        shown.append(pick)
    return shown


def facet_options(counts, choices, *, themes):
    """Each facet's values with their count and whether chosen; empty values left out."""

    def options(facet, pairs, chosen):
        found = counts[facet]
        return [
            {
                "value": value,
                "label": label,
                "count": found.get(value, 0),
                "chosen": value in chosen,
            }
            for value, label in pairs
            if found.get(value) or value in chosen
        ]

    theme_pairs = sorted(((k, t.name) for k, t in themes.items()), key=lambda pair: pair[1])
    return {
        "format": options(
            "format", Format.choices, set() if choices.implied_formats else choices.formats
        ),
        "duration": options("length", Length.choices, choices.lengths),
        "theme": [
            {**option, "value": themes[option["value"]].slug}
            for option in options("theme", theme_pairs, choices.themes)
        ],
        "sector": options("sector", Sector.Code.choices, choices.sectors),
        "language": options("language", settings.LANGUAGES, {choices.language}),
    }


def library_search(
    *, params, locale, per_page=RESULTS_PER_PAGE, words=True, formats=(), cards=False
):
    """Everything a search or library page shows for these URL parameters.

    Without `words` (the library page) the query is left out: browsing by facets alone.
    `formats` are chosen when the address chooses none; with `cards`, each result has its page.
    """
    themes = {str(key): theme for key, theme in themes_in_locale(locale.pk).items()}
    choices = read_choices(params, language=locale.language_code, themes=themes)
    if not words:
        choices.query = choices.terms = ""
    if words and not (choices.terms or choices.narrowed):
        return {"choices": choices}  # the search form alone
    if "format" not in params and formats:
        choices.formats, choices.implied_formats = set(formats), True
    table = entry_table()
    if choices.terms:
        rows, rank = _matches(choices, table)
    else:  # browsing: by title
        rows, rank = table.by_title(choices.interface_language), None
    rows, counts = _narrow(rows, choices, table.signatures)
    ordered = in_page_order(rows, choices.parsed, rank) if choices.terms else rows
    page_obj = page_of(Paginator(ordered, per_page), params)
    return {
        "choices": choices,
        "page_obj": page_obj,
        "results": _results(list(page_obj), choices, themes=themes, cards=cards),
        "facets": facet_options(counts, choices, themes=themes),
        "promotions": promoted(choices),
    }


MAX_SUGGESTIONS = 8


def suggestions(*, query, language):
    """[{title, url, format}] of the live items in `language` whose title has words starting
    with the query's words."""
    terms = search_terms(query)
    if len(terms) < 2:
        return []
    ids = title_prefix_ids(terms, language=language, limit=MAX_SUGGESTIONS)
    by_id = SearchEntry.objects.select_related("page").in_bulk(ids)
    found = [by_id[pk] for pk in ids if pk in by_id]
    return [
        {"title": e.title, "url": e.page.get_url(), "format": e.get_format_display()} for e in found
    ]


LIBRARY_PAGE_SIZE = 12
# What the library shows until the visitor chooses: modules are reached through their course
# (or by choosing the format).
LIBRARY_FORMATS = (Format.COURSE, Format.WEBINAR, Format.TOOL, Format.PODCAST)


def library_browse(*, library, params):
    """The library page: its items narrowed by the search's facets, shown as cards, and the
    podcast shows it holds."""
    found = library_search(
        params=params,
        locale=library.locale,
        per_page=LIBRARY_PAGE_SIZE,
        words=False,
        formats=LIBRARY_FORMATS,
        cards=True,
    )
    cards = []
    for entry in found["results"]:
        card = entry.page  # the card links to it; the rest comes from the entry
        card.summary, card.minutes, card.theme_list = entry.summary, entry.minutes, entry.theme_list
        card.text_language = entry.language  # the card's title and summary carry it
        card.format_label = entry.format_label
        cards.append(card)
    card_images_attach(cards)
    shows = PodcastPage.objects.child_of(library).live().public().order_by("path")
    return {**found, "entries": cards, "podcast_shows": list(shows)}


def library_page_context(*, page, request, context):
    """The library page's items, narrowed by the facets in its address (courses/page_context.py)."""
    return library_browse(library=page, params=request.GET)
