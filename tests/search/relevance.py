"""How well the site search finds what professionals type, measured as a visitor sees it.

The relevance set (relevance_set/<language>.yaml beside this file) lists queries written from
the demo library, each with the pages a professional expects among the first five results. The
evaluator asks the search page itself (`/<language>/search/?q=...`) and reads the result links
in the order shown, so whatever the engine does underneath (stemming, compounds, synonyms,
spelling), only what reaches the visitor counts. Promoted pages ("Recommended") are not results
and are left out.

recall_at_5: the mean over queries of the share of expected pages found in the first five.
mrr: the mean over queries of 1/rank of the first expected page in the first five (0 if none).

Used by tests/search/test_relevance.py and the `relevance` bench scenario
(tests/benchmarks/relevance.py).
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import yaml

SET_DIR = Path(__file__).with_name("relevance_set")
LANGUAGES = ("nl", "fr", "en")
KINDS = ("compound", "typo", "synonym", "plural", "abbreviation", "hyphen", "accent", "plain")
TOP = 5
# What the search page must reach (issue 22): the richer PostgreSQL search, and SQLite's FTS5
# where it can follow (`make run`).
BUDGETS = {"postgresql": 0.9, "sqlite": 0.8}


@dataclass(frozen=True)
class RelevanceQuery:
    language: str
    query: str
    kind: str
    expected: tuple  # URL paths of the pages that must be among the first five results

    @property
    def url(self):
        return f"/{self.language}/search/?{urlencode({'q': self.query})}"


def relevance_set_load(folder=SET_DIR):
    """The queries of the set, one file per language, checked for shape (a slip in the YAML
    must not pass silently as a query that expects nothing)."""
    queries = []
    for language in LANGUAGES:
        path = Path(folder) / f"{language}.yaml"
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        if content["language"] != language:
            raise ValueError(f"{path} says its language is {content['language']}")
        for number, entry in enumerate(content["queries"], start=1):
            query = RelevanceQuery(
                language=language,
                query=entry["query"],
                kind=entry["kind"],
                expected=tuple(entry["expected"]),
            )
            if query.kind not in KINDS or not query.query.strip() or not query.expected:
                raise ValueError(f"query {number} of {path} is not well formed: {entry}")
            if any(not page.startswith(f"/{language}/") for page in query.expected):
                raise ValueError(f"query {number} of {path} expects a page in another language")
            queries.append(query)
    return queries


class _ResultLinks(HTMLParser):
    """The link of each result title, in order: `ol.results > li.result > h2.result__title > a`.

    Only the first link of a title counts; links elsewhere on the page (navigation, facets,
    promotions, pagination) are ignored.
    """

    def __init__(self):
        super().__init__()
        self.links = []
        self._results_depth = 0  # open <ol class="results"> elements (0: outside the list)
        self._ol_depth = 0
        self._in_title = False
        self._title_linked = False

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "ol":
            self._ol_depth += 1
            if "results" in classes and not self._results_depth:
                self._results_depth = self._ol_depth
        elif tag == "h2" and self._results_depth and "result__title" in classes:
            self._in_title, self._title_linked = True, False
        elif tag == "a" and self._in_title and not self._title_linked:
            href = dict(attrs).get("href")
            if href:
                self.links.append(urlsplit(href).path)
                self._title_linked = True

    def handle_endtag(self, tag):
        if tag == "ol":
            if self._ol_depth == self._results_depth:
                self._results_depth = 0
            self._ol_depth -= 1
        elif tag == "h2":
            self._in_title = False


def result_paths(html):
    """The URL paths of the results of a search page, in the order shown."""
    parser = _ResultLinks()
    parser.feed(html)
    parser.close()
    return parser.links


def client_fetch(client):
    """A fetch function (URL -> (status, HTML)) for a Django test Client."""

    def fetch(url):
        response = client.get(url)
        return response.status_code, response.content.decode()

    return fetch


def _query_score(query, found):
    top = found[:TOP]
    hits = [path for path in query.expected if path in top]
    ranks = [rank for rank, path in enumerate(top, start=1) if path in query.expected]
    return {
        "language": query.language,
        "query": query.query,
        "kind": query.kind,
        "expected": list(query.expected),
        "top5": top,
        "missing": [path for path in query.expected if path not in top],
        "recall": len(hits) / len(query.expected),
        "reciprocal_rank": 1 / ranks[0] if ranks else 0.0,
    }


def _mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _grouped(scores, key):
    groups = {}
    for score in scores:
        groups.setdefault(score[key], []).append(score)
    return {
        name: {
            "queries": len(members),
            "recall_at_5": round(_mean(s["recall"] for s in members), 3),
            "mrr": round(_mean(s["reciprocal_rank"] for s in members), 3),
        }
        for name, members in sorted(groups.items())
    }


def relevance_evaluate(fetch, queries=None):
    """Ask the search page every query of the set; the scores and a report per query.

    `fetch(url)` returns (status, HTML): `client_fetch(client)` for a test client. A search page
    that does not answer 200 counts as finding nothing, and is listed under "errors".
    """
    queries = relevance_set_load() if queries is None else queries
    scores, errors = [], []
    for query in queries:
        status, html = fetch(query.url)
        if status != 200:
            errors.append({"url": query.url, "status": status})
        scores.append(_query_score(query, result_paths(html) if status == 200 else []))
    return {
        "recall_at_5": _mean(s["recall"] for s in scores),
        "mrr": _mean(s["reciprocal_rank"] for s in scores),
        "queries": len(scores),
        "by_language": _grouped(scores, "language"),
        "by_kind": _grouped(scores, "kind"),
        "failed": [s for s in scores if s["recall"] < 1],
        "errors": errors,
        "per_query": scores,
    }


def failures_describe(result, limit=20):
    """Readable lines for the queries that missed a page: what was expected, what came."""
    lines = []
    for score in result["failed"][:limit]:
        lines.append(
            f"{score['language']} {score['query']!r} ({score['kind']}): missing "
            f"{', '.join(score['missing'])}; top 5: {', '.join(score['top5']) or 'nothing'}"
        )
    if len(result["failed"]) > limit:
        lines.append(f"... and {len(result['failed']) - limit} more")
    return lines
