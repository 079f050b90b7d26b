"""The order a search page lists its matches in, worked out only as far as a page needs.

Items whose title holds the query's words come first: those whose title holds the most of the
query's words (or their alternatives: every word of a synonym such as "huiselijk geweld"), then
courses; each group in the engine's order (rank, then the newest). Which titles hold which
words comes from the table of entries each process keeps (entry_table.py: its title words), so
that thousands of matches cost a lookup each; the engine ranks only the groups a page takes its
rows from (ranking reads each match's whole document).
"""

from collections import Counter, defaultdict

from .entry_table import ID, VALUES, entry_table
from .models import Format

# Among items whose title holds the words, courses first: a course is where a visitor starts,
# and its modules, which repeat its words, would otherwise outrank it.
FORMAT_ORDER = {Format.COURSE: 0}
OTHER_FORMATS = 1


class Ranked:
    """Matches in the order a page lists them, ranked by the engine only where a page is
    taken: ranking reads each match's whole document, and a page shows ten of thousands.

    `groups` are lists of rows in the page's order, each ranked within by `rank`: given
    [(ids, limit), ...], the best `limit` of each group's ids, best first, in one statement
    (engine_*.ranked_ids); or in their order already when `rank` is None. Paginator takes its
    length and slices.
    """

    def __init__(self, groups, rank):
        self.groups, self.rank = groups, rank
        self.length = sum(map(len, groups))

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        if not isinstance(index, slice):
            if not 0 <= index < self.length:
                raise IndexError(index)
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.length)
        taken, offset = [], 0  # (group, how many of its best, how many of those to skip)
        for group in self.groups:
            if offset >= stop:
                break
            if group and offset + len(group) > start:
                taken.append((group, min(stop - offset, len(group)), max(start - offset, 0)))
            offset += len(group)
        shown = []
        for (_group, _count, skip), best in zip(taken, self._best(taken), strict=True):
            shown += best[skip:]
        return shown

    def _best(self, taken):
        """Each taken group's best `count` rows, best first: one ranking for all of them."""
        if self.rank is None:
            return [group[:count] for group, count, _skip in taken]
        ranked = self.rank([([row[ID] for row in group], count) for group, count, _skip in taken])
        found = []
        for (group, count, _skip), ids in zip(taken, ranked, strict=True):
            by_id = {row[ID]: row for row in group}
            best = [by_id.pop(pk) for pk in ids if pk in by_id]
            if len(best) < count:  # an entry rewritten since the match: after the ranked ones
                best += sorted(by_id.values(), key=lambda row: -row[ID])[: count - len(best)]
            found.append(best)
        return found


def in_page_order(rows, query, rank):
    """The rows (of a search's matches) in the page's order, by the words of `query` (the
    visitor's, parsed in the results' language), each group ranked by `rank` (Ranked). The
    engines weigh titles differently (bm25 against ts_rank), so the title groups come first
    whatever the engine."""
    title_words = entry_table().title_words
    held = Counter()
    for slot in query.slots:  # a slot is held by a title with every word of an alternative
        holding = set()
        for phrase in slot:
            holding |= title_words.holding_all(phrase)
        held.update(holding)
    in_title, in_text = defaultdict(list), []
    for row in rows:  # thousands of rows for a broad word: kept plain
        count = held.get(row[ID])
        if count:
            order = FORMAT_ORDER.get(row[VALUES][1][0], OTHER_FORMATS)
            in_title[(-count, order)].append(row)
        else:
            in_text.append(row)
    return Ranked([in_title[key] for key in sorted(in_title)] + [in_text], rank)
