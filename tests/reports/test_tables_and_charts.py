"""The privacy rule and the charts drawn from a table, on their own."""

from django.utils import translation

from elearning.reports.charts import bar_chart, line_chart
from elearning.reports.tables import SUPPRESSED, Table, counted, mean, share


def test_the_rule_hides_every_number_about_fewer_than_five_people():
    assert [counted(n) for n in (0, 1, 4, 5, 120)] == [SUPPRESSED] * 3 + [5, 120]
    assert mean(3.456, 5) == 3.5 and mean(3.456, 4) is SUPPRESSED and mean(None, 50) is SUPPRESSED
    assert share(5, 10) == 50
    assert share(4, 100) is SUPPRESSED  # 4% of 100 would give the hidden 4 away
    assert share(5, 4) is SUPPRESSED


def test_a_hidden_cell_reads_fewer_than_five_in_each_language():
    table = Table(
        slug="t", title="T", columns=["Stap", "Lerenden"], rows=[["a", SUPPRESSED], ["b", 1234]]
    )
    for language, words, number in (
        ("nl", "minder dan 5", "1.234"),
        ("fr", "moins de 5", "1\u202f234"),
        ("en", "fewer than 5", "1,234"),
    ):
        with translation.override(language):
            texts = table.text_rows()
            assert texts[0][1] == words
            assert texts[1][1] in (number, "1234", "1 234")


def test_bars_are_sized_by_value_and_hidden_cells_draw_no_bar():
    table = Table(
        slug="t",
        title="T",
        columns=["Stap", "Lerenden"],
        rows=[["a", 40], ["b", 20], ["c", SUPPRESSED]],
    )
    with translation.override("nl"):
        chart = bar_chart(table, value_column=1, title="T", description="D")
    widths = [bar.width for bar in chart.bars]
    assert widths[0] == 2 * widths[1] > 0 and widths[2] == 0
    assert chart.bars[2].hidden and chart.bars[2].text == "minder dan 5"


def test_lines_break_where_a_month_is_hidden():
    rows = [
        ["2026-01", 10, 6],
        ["2026-02", SUPPRESSED, 7],
        ["2026-03", 12, SUPPRESSED],
        ["2026-04", 14, 8],
    ]
    table = Table(slug="m", title="M", columns=["Maand", "Gestart", "Voltooid"], rows=rows)
    chart = line_chart(table, series_columns=[1, 2], title="M", description="D")
    started, completed = chart.series
    assert len(started.segments) == 2 and len(started.points) == 3
    assert len(completed.segments) == 2 and len(completed.points) == 3
    assert started.dash != completed.dash and started.marker != completed.marker  # not colour alone
    assert chart.ticks_y[-1][1] == "20"  # the axis reaches past the largest value (14)
