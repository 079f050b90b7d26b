"""The tables a report shows, the same cells in its downloads, and the rule that hides small
groups.

Privacy rule: any number that covers fewer than MIN_LEARNERS people (a count, an average, a
share) is shown as "fewer than 5", on the screen and in every download. A table is built once,
with the rule applied, and both the page and the exports read that one table.
"""

from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext_lazy as _

MIN_LEARNERS = 5


class Suppressed:
    """A cell hidden by the privacy rule."""

    def __str__(self):
        return str(SUPPRESSED_TEXT)

    def __repr__(self):
        return "SUPPRESSED"


SUPPRESSED = Suppressed()
SUPPRESSED_TEXT = _("fewer than 5")


def counted(number):
    """A count of people, or SUPPRESSED below MIN_LEARNERS (zero included: "none" is a group
    too small to show)."""
    return number if number >= MIN_LEARNERS else SUPPRESSED


def mean(value, people, digits=1):
    """An average over `people`, rounded, or SUPPRESSED when too few people carry it."""
    if value is None or people < MIN_LEARNERS:
        return SUPPRESSED
    return round(float(value), digits)


def share(part, whole):
    """`part` of `whole` in whole percent; SUPPRESSED when either group is too small (a share
    would otherwise give away the count it hides)."""
    if part < MIN_LEARNERS or whole < MIN_LEARNERS:
        return SUPPRESSED
    return round(100 * part / whole)


def cell_text(value):
    """A cell as the page and the CSV show it (numbers in the reader's language)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return formats.number_format(value, use_l10n=True)
    if isinstance(value, float):
        return formats.number_format(value, decimal_pos=1, use_l10n=True)
    return str(value)


def cell_value(value):
    """A cell as a spreadsheet keeps it: numbers as numbers, everything else as its text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return cell_text(value)


@dataclass
class Table:
    """One table of a report: `slug` names it in export links, `rows` hold cells (numbers,
    texts or SUPPRESSED), the first cell of a row is its heading."""

    slug: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    description: str = ""
    empty_text: str = ""
    chart: object = None

    def text_rows(self):
        return [[cell_text(value) for value in row] for row in self.rows]

    def export_rows(self, *, as_text):
        convert = cell_text if as_text else cell_value
        yield [str(label) for label in self.columns]
        for row in self.rows:
            yield [convert(value) for value in row]


def percent_label(label):
    return _("%(label)s (%%)") % {"label": label}
