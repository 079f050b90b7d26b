"""The search scenario's check (search.py, step 4): one request per query on each side, before
the measurement (this also warms both up).

- Every answer is 200, on the site and on the baseline.
- Results shown: for every query the baseline finds pages for (on SQLite, without a baseline,
  every query of a shape that finds pages whatever the engine), the site's page links to a
  library page that the page of a query without results does not link to, so that neither the
  site's chrome nor the markup of the results matters.
- Counts: the site's "N resultaten" beside the baseline's number of matches in the language.
  The site's query parser (search/query.py) may ask for more than the visitor's words: a
  synonym group, the compounds a Dutch word ends, a word joined or split, hyphen variants; and
  when the words find nothing, the beginnings of titles' words, then the closest known words.
  The baseline asks for the words alone. So the counts must be equal only where the site asks
  the same: the query's parse in the language has exactly one alternative per slot, of one word
  each, and the baseline finds something. Everywhere else the site must find at least as many
  (every alternative widens the match; a fallback only runs when the words found nothing).
  The parse is read inside Django (search_baseline.query_parses), against the vocabulary the
  rebuild wrote.
"""

import json
import re

from .harness import http_get, log

LINK = re.compile(r'href="([^"]+)"')
COUNT_SENTENCE = re.compile(r"(\d[\d.,\u00a0\u202f]*)\s+resulta")  # "123 resultaten voor …"
NO_RESULT_SENTENCE = "Geen resultaten"  # the Dutch page's sentence for none


def site_answer(server, path):
    """(status, links on the page, the number the page says it found or None)."""
    status, _headers, body = http_get(server.base_url + path, timeout=60)
    text = body.decode("utf-8", "replace")
    count = COUNT_SENTENCE.search(text)
    if count:
        return status, set(LINK.findall(text)), int(re.sub(r"\D", "", count[1]))
    return status, set(LINK.findall(text)), 0 if NO_RESULT_SENTENCE in text else None


def baseline_answer(server, path):
    status, _headers, body = http_get(server.base_url + path)
    return status, json.loads(body)["matches"] if status == 200 else None


def count_rule(row):
    """("equal" or "at_least", whether the site's count keeps to it); see the docstring."""
    site, baseline = row["site_count"], row["baseline_count"]
    rule = "equal" if row["plain"] and baseline else "at_least"
    if site is None or baseline is None:
        return rule, None
    return rule, site == baseline if rule == "equal" else site >= baseline


def counts_verdict(rows):
    """yes (every query keeps to its rule), no, or unknown (a page no longer says its count)."""
    kept = [row["count_ok"] for row in rows]
    if any(ok is None for ok in kept):
        return "unknown"
    return "yes" if all(kept) else "no"


def check(server, *, queries, parses, paths, library_url, postgres, matching_shapes):
    """{results_checked, counts_match, problems, queries}: see the module docstring.

    `paths` is (site_path(words), baseline_path(words)); `parses` {words: {"plain": bool, ...}}.
    """
    site_path, baseline_path = paths
    reference = next(words for words, shape in queries if shape == "no_result")
    _status, chrome, reference_count = site_answer(server, site_path(reference))
    problems = []
    if reference_count:
        problems.append(f"{reference!r}: the page of a query without results shows some")
    rows = {}
    for words, shape in queries:
        status, links, count = site_answer(server, site_path(words))
        shown = sorted(link for link in links - chrome if link.startswith(library_url))
        row = {"shape": shape, "status": status, "result_links": len(shown), "site_count": count}
        row.update(parses.get(words, {}))
        expected = shape in matching_shapes
        if postgres:
            row["baseline_status"], row["baseline_count"] = baseline_answer(
                server, baseline_path(words)
            )
            expected = bool(row["baseline_count"])
            row["count_rule"], row["count_ok"] = count_rule(row)
            if row["baseline_status"] != 200:
                problems.append(f"{words!r}: the baseline answered {row['baseline_status']}")
        if status != 200:
            problems.append(f"{words!r}: the site answered {status}")
        elif expected and not shown:
            problems.append(f"{words!r}: the site shows no result")
        rows[words] = row
    for problem in problems:
        log(f"check: {problem}")
    return {
        "results_checked": f"failed({len(problems)})" if problems else "ok",
        "counts_match": counts_verdict(rows.values()) if postgres else "none",
        "problems": problems,
        "queries": rows,
    }


def language_filter(server, *, words, baseline_path):
    """Baseline counts of the words French pages share, per language: the filter at work."""
    return {
        word: {
            language: baseline_answer(server, baseline_path(word, language))[1]
            for language in ("nl", "fr")
        }
        for word in words
    }
