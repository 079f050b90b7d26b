"""Merging watched intervals: what a learner watched counts once, and skipping counts nothing."""

import random

from hypothesis import given
from hypothesis import strategies as st

from elearning.learners.intervals import JOIN_GAP_SECONDS, intervals_length, intervals_merge


def test_overlapping_intervals_count_once():
    assert intervals_merge([[0, 10]], [[5, 15]]) == [[0, 15]]
    assert intervals_length(intervals_merge([[0, 10]], [[5, 15]])) == 15


def test_an_interval_inside_another_adds_nothing():
    assert intervals_merge([[0, 60]], [[10, 20]]) == [[0, 60]]


def test_touching_intervals_join():
    assert intervals_merge([[0, 10]], [[10, 20]]) == [[0, 20]]


def test_heartbeats_a_fraction_of_a_second_apart_join_but_a_skip_does_not():
    assert intervals_merge([[0, 10]], [[10.4, 20]]) == [[0, 20]]
    assert intervals_merge([[0, 10]], [[10 + JOIN_GAP_SECONDS, 20]]) == [[0, 20]]
    assert intervals_merge([[0, 10]], [[10.6, 20]]) == [[0, 10], [10.6, 20]]
    # Skipping from 10 s to the end counts only what was played before and after.
    assert intervals_length(intervals_merge([[0, 10]], [[590, 600]])) == 20


def test_unordered_input_gives_sorted_disjoint_output():
    merged = intervals_merge([[50, 60], [0, 5]], [[30, 40], [4, 8], [55, 70]])

    assert merged == [[0, 8], [30, 40], [50, 70]]


def test_nothing_merged_with_nothing_is_nothing():
    assert intervals_merge([], []) == []
    assert intervals_merge([], [[1, 2]]) == [[1, 2]]
    assert intervals_merge([[1, 2]], []) == [[1, 2]]


def test_numbers_from_json_and_stored_lists_mix():
    """Stored progress holds lists of floats; new events bring tuples of ints or floats."""
    assert intervals_merge([[0.0, 1.5]], ((1.5, 3),)) == [[0.0, 3.0]]


def test_long_recordings_keep_their_precision():
    ten_hours = 36_000.0
    assert intervals_merge([[0, ten_hours - 0.25]], [[ten_hours - 0.25, ten_hours]]) == [
        [0, ten_hours]
    ]


def test_positions_are_kept_to_the_hundredth_of_a_second():
    assert intervals_merge([], [[1.23456, 2.34567]]) == [[1.23, 2.35]]


# The property. On a grid of quarter seconds (the player reports about every 250 ms) every sum
# is exact in binary floating point, so "the union" can be checked exactly: second by quarter.
QUARTERS = 400  # 100 s

quarter_intervals = st.lists(
    st.tuples(st.integers(0, QUARTERS - 1), st.integers(1, 40)).map(
        lambda pair: (pair[0], min(pair[0] + pair[1], QUARTERS))
    ),
    max_size=12,
)


def covered_quarters(intervals):
    return {q for start, end in intervals for q in range(start, end)}


def expected_union(intervals):
    """The union quarter by quarter, with gaps of at most JOIN_GAP_SECONDS filled."""
    covered = covered_quarters(intervals)
    runs = []
    for q in range(QUARTERS):
        if q not in covered:
            continue
        if runs and q - runs[-1][1] <= JOIN_GAP_SECONDS * 4:
            runs[-1][1] = q + 1
        else:
            runs.append([q, q + 1])
    return [[start / 4, end / 4] for start, end in runs]


@given(existing=quarter_intervals, new=quarter_intervals, seed=st.integers())
def test_the_merge_is_exactly_the_union_sorted_and_disjoint(existing, new, seed):
    as_seconds = [(start / 4, end / 4) for start, end in existing + new]
    shuffled = as_seconds[:]
    random.Random(seed).shuffle(shuffled)

    merged = intervals_merge(as_seconds[: len(existing)], as_seconds[len(existing) :])

    assert merged == expected_union(existing + new)
    assert merged == intervals_merge([], shuffled)  # order and split of the input do not matter
    assert intervals_merge(merged, []) == merged  # merging again changes nothing
    for (_start, end), (next_start, _next_end) in zip(merged, merged[1:], strict=False):
        assert next_start - end > JOIN_GAP_SECONDS  # sorted, disjoint, gaps that were skips


@given(
    st.lists(
        st.tuples(st.floats(0, 1e6), st.floats(0.01, 1e4)).map(lambda p: (p[0], p[0] + p[1])),
        max_size=12,
    )
)
def test_any_plausible_seconds_stay_covered_sorted_and_disjoint(intervals):
    merged = intervals_merge([], intervals)

    for start, end in intervals:
        # Kept to the hundredth: an edge may move by half of one.
        assert any(s - 0.005 <= start and end <= e + 0.005 for s, e in merged)
    for (start, end), (next_start, _next_end) in zip(merged, merged[1:], strict=False):
        assert start < end < next_start
