"""Charts drawn on the server as SVG, from a report's table (the table stays beside it: the
chart is a picture of numbers the reader can also read, copy and download).

Only geometry is computed here; templates/reports/includes/*_chart.html draw it, so every text
is escaped by the template engine. Hidden cells (fewer than 5 people) draw no bar and break a
line, and say so in words.
"""

from dataclasses import dataclass, field

from .tables import SUPPRESSED, cell_text

WIDTH = 640
BAR_ROW = 46  # a label line above each bar
BAR_LEFT, BAR_RIGHT_ROOM = 8, 120
LINE_HEIGHT, LINE_TOP, LINE_BOTTOM, LINE_LEFT, LINE_RIGHT = 280, 20, 60, 48, 16
# Series differ in colour, dash and marker, never in colour alone (WCAG 1.4.1).
SERIES_STYLES = [
    {"colour": "#2e1f5e", "dash": "", "marker": "circle"},
    {"colour": "#a23c00", "dash": "6 4", "marker": "square"},
    {"colour": "#00676a", "dash": "2 3", "marker": "diamond"},
]


@dataclass
class Bar:
    label: str
    text: str
    y: float
    width: float
    hidden: bool


@dataclass
class BarChart:
    title: str
    description: str
    bars: list
    width: int = WIDTH
    height: int = 0
    kind: str = "bar"


def bar_chart(table, *, value_column, title, description):
    """One horizontal bar per row of `table`: its first cell as label, `value_column` as size."""
    values = [row[value_column] for row in table.rows]
    largest = max((v for v in values if v is not SUPPRESSED and v), default=0)
    room = WIDTH - BAR_LEFT - BAR_RIGHT_ROOM
    bars = []
    for index, row in enumerate(table.rows):
        value = row[value_column]
        hidden = value is SUPPRESSED
        size = 0 if hidden or not largest else room * (value or 0) / largest
        bars.append(
            Bar(
                label=cell_text(row[0]),
                text=cell_text(value),
                y=index * BAR_ROW,
                width=round(size, 1),
                hidden=hidden,
            )
        )
    return BarChart(title=title, description=description, bars=bars, height=len(bars) * BAR_ROW + 4)


@dataclass
class Series:
    label: str
    colour: str
    dash: str
    marker: str
    segments: list = field(default_factory=list)  # runs of (x, y) between hidden points
    points: list = field(default_factory=list)


@dataclass
class LineChart:
    title: str
    description: str
    series: list
    ticks_x: list  # (x, label)
    ticks_y: list  # (y, label)
    width: int = WIDTH
    height: int = LINE_HEIGHT
    left: int = LINE_LEFT
    right: int = WIDTH - LINE_RIGHT
    top: int = LINE_TOP
    bottom: int = LINE_HEIGHT - LINE_BOTTOM
    kind: str = "line"


def _nice_top(largest):
    """The axis' top: 5, 10, 20, 50, 100, ... at or above the largest value (a fifth of each
    is a whole number, so the five gridlines carry whole labels)."""
    top = 5
    while top < largest:
        top = top * 5 // 2 if str(top)[0] == "2" else top * 2
    return top


def line_chart(table, *, series_columns, title, description):
    """One line per column in `series_columns`, one point per row (the rows are months)."""
    numbers = [row[c] for row in table.rows for c in series_columns if row[c] is not SUPPRESSED]
    top = _nice_top(max(numbers, default=0))
    left, right = LINE_LEFT, WIDTH - LINE_RIGHT
    upper, lower = LINE_TOP, LINE_HEIGHT - LINE_BOTTOM
    count = len(table.rows)
    step = (right - left) / max(count - 1, 1)

    def x_of(index):
        return round(left + index * step, 1)

    def y_of(value):
        return round(lower - (lower - upper) * value / top, 1)

    series = []
    for style, column in zip(SERIES_STYLES[: len(series_columns)], series_columns, strict=True):
        line = Series(label=str(table.columns[column]), **style)
        run = []
        for index, row in enumerate(table.rows):
            value = row[column]
            if value is SUPPRESSED:
                if run:
                    line.segments.append(run)
                run = []
                continue
            point = (x_of(index), y_of(value))
            run.append(point)
            line.points.append(point)
        if run:
            line.segments.append(run)
        line.segments = [" ".join(f"{x},{y}" for x, y in seg) for seg in line.segments]
        series.append(line)
    ticks_y = [(y_of(top * i // 5), cell_text(top * i // 5)) for i in range(6)]
    ticks_x = [(x_of(i), cell_text(row[0])) for i, row in enumerate(table.rows)]
    return LineChart(
        title=title, description=description, series=series, ticks_x=ticks_x, ticks_y=ticks_y
    )
