"""Which counts a report hides, so that no group of fewer than 5 people can be read or worked
out from everything one person can see and download.

The rule, in two steps, over every count that one person's reports can show at once (every
course, every municipality they may choose and "all of them", every month, every download):

1. Primary: a count of fewer than MIN_PEOPLE people is hidden (zero included: "none" is a
   group too small to show, so a hidden cell never says whether anyone is in it).
2. Complementary: the reports know how their counts hang together: the "all municipalities"
   figure is the sum of the municipalities' figures (and of the learners without a
   municipality), a course's starts are the sum of its months, nobody completes a module they
   did not start, a municipality's learners are at least those of each course and at most
   their sum, and so on. Starting from the shown numbers, these relations give every hidden
   count a lowest and a highest possible value (the bounds an attacker with a pencil reaches:
   interval propagation to a fixpoint). While some hidden count of 1 to 4 people has its
   lowest and highest value equal, one more count is hidden: the smallest shown count in a
   relation that pins it (looking through other pinned counts). A hidden count may end up
   narrowed to a range ("between 2 and 4"), never to one value between 1 and 4.

Counts that no report shows but that the relations speak of (a municipality's learners over
all sectors) take part as unknowns and are held to the same rule. Parts that no report shows
but a reader may know (the learners without a municipality, who may well be none; who started
before the period) are taken as known, to be safe.

tests/reports/test_disclosure.py checks the result against a stronger reader: a linear
program over the people themselves, fed every page and filter a role can reach.
"""

from collections import defaultdict, deque

MIN_PEOPLE = 5
_INF = float("inf")


class Disclosure:
    """Counts (by key), the relations between them, and which of them to hide."""

    def __init__(self):
        self._index = {}
        self._values = []
        self._published = []
        self._known = []
        self._constraints = []  # (plus indexes, minus indexes, constant, is_equality)
        self._hidden = None

    def count(self, key, value, *, published=True, known=False):
        """A count of people; `published=False` for a count no report shows, `known=True` for
        one a reader may know without a report (hiding it protects nothing)."""
        if key in self._index:
            raise ValueError(f"count {key!r} given twice")
        self._index[key] = len(self._values)
        self._values.append(int(value))
        self._published.append(published)
        self._known.append(known)
        self._hidden = None

    def value(self, key):
        return self._values[self._index[key]]

    def equal(self, total, parts, *, known=0):
        """total = sum(parts) + known."""
        self._relate(parts, [total], known, True)

    def at_most(self, smaller, parts, *, known=0):
        """smaller <= sum(parts) + known."""
        self._relate([smaller], parts, -known, False)

    def _relate(self, plus, minus, constant, equality):
        plus = [self._index[key] for key in plus]
        minus = [self._index[key] for key in minus]
        # A relation the data do not satisfy (a record changed since, an odd import) is left
        # out rather than trusted: the bounds must hold for the real numbers.
        total = sum(self._values[i] for i in plus) - sum(self._values[i] for i in minus)
        total += constant
        if total > 0 or (equality and total != 0):
            return
        self._constraints.append((tuple(plus), tuple(minus), constant, equality))
        self._hidden = None

    def is_hidden(self, key):
        if self._hidden is None:
            self._hidden = self._suppress()
        return self._index[key] in self._hidden

    # --- The rule --------------------------------------------------------------------------

    def _suppress(self):
        values = self._values
        hidden = {i for i, v in enumerate(values) if not self._published[i] or v < MIN_PEOPLE}
        of_cell = defaultdict(list)
        for number, (plus, minus, _c, _e) in enumerate(self._constraints):
            for i in (*plus, *minus):
                of_cell[i].append(number)
        while True:
            low, high = self._bounds(hidden, of_cell)
            pinned = [i for i in sorted(hidden) if low[i] == high[i] and 0 < values[i] < MIN_PEOPLE]
            chosen = {self._complement(i, hidden, low, high, of_cell) for i in pinned}
            chosen.discard(None)
            if not chosen:
                return hidden
            hidden |= chosen

    def _complement(self, start, hidden, low, high, of_cell):
        """The smallest shown count nearest to `start` in the relations, going through counts
        that are hidden but pinned (they are as good as shown)."""
        seen, layer = {start}, [start]
        while layer:
            shown, next_layer = [], []
            for i in layer:
                for number in of_cell[i]:
                    plus, minus, _c, _e = self._constraints[number]
                    for j in (*plus, *minus):
                        if j in seen:
                            continue
                        seen.add(j)
                        if j not in hidden and not self._known[j]:
                            shown.append(j)
                        elif low[j] == high[j]:
                            next_layer.append(j)
            if shown:
                return min(shown, key=lambda j: (self._values[j], j))
            layer = next_layer
        return None

    def _bounds(self, hidden, of_cell):
        """Lowest and highest value of every count, given the shown ones and the relations."""
        unknown = [i in hidden and not self._known[i] for i in range(len(self._values))]
        low = [0 if unknown[i] else v for i, v in enumerate(self._values)]
        high = [_INF if unknown[i] else v for i, v in enumerate(self._values)]
        queue = deque(range(len(self._constraints)))
        queued = [True] * len(self._constraints)
        budget = 200 * (len(self._constraints) + 1)
        while queue and budget:
            budget -= 1
            number = queue.popleft()
            queued[number] = False
            for i in self._tighten(self._constraints[number], low, high):
                for other in of_cell[i]:
                    if not queued[other]:
                        queued[other] = True
                        queue.append(other)
        return low, high

    @staticmethod
    def _tighten(constraint, low, high):
        """Narrow the members of sum(plus) - sum(minus) + constant (= or <=) 0; the members
        whose bounds moved."""
        plus, minus, constant, equality = constraint
        # The expression's least and greatest value, infinite terms counted apart.
        least = _Sum(constant)
        most = _Sum(constant)
        for i in plus:
            least.add(low[i])
            most.add(high[i])
        for i in minus:
            least.add(-high[i])
            most.add(-low[i])
        moved = []
        for i in plus:
            rest_least = least.without(low[i])
            new_high = -rest_least if rest_least != -_INF else _INF
            new_low = low[i]
            if equality:
                rest_most = most.without(high[i])
                new_low = max(low[i], -rest_most) if rest_most != _INF else low[i]
            if _narrow(i, new_low, min(high[i], new_high), low, high):
                moved.append(i)
        for i in minus:
            rest_least = least.without(-high[i])
            new_low = max(low[i], rest_least) if rest_least != -_INF else low[i]
            new_high = high[i]
            if equality:
                rest_most = most.without(-low[i])
                new_high = min(high[i], rest_most)
            if _narrow(i, new_low, new_high, low, high):
                moved.append(i)
        return moved


def _narrow(i, new_low, new_high, low, high):
    new_low = max(new_low, 0)
    if new_low <= low[i] and new_high >= high[i]:
        return False
    low[i], high[i] = max(low[i], new_low), min(high[i], new_high)
    return True


class _Sum:
    """A sum of terms some of which may be infinite (of one sign), so that a term can be taken
    out again."""

    def __init__(self, start):
        self.finite = start
        self.infinite = 0  # how many infinite terms
        self.sign = 0

    def add(self, term):
        if term in (_INF, -_INF):
            self.infinite += 1
            self.sign = 1 if term > 0 else -1
        else:
            self.finite += term

    def without(self, term):
        if term in (_INF, -_INF):
            return self.finite if self.infinite == 1 else self.sign * _INF
        if self.infinite:
            return self.sign * _INF
        return self.finite - term
