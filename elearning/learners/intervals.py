"""Watched intervals: the union of what was actually played, in seconds."""

# Two intervals closer than this count as one: the player reports every ~250 ms and a heartbeat
# may end a fraction of a second before the next one starts.
JOIN_GAP_SECONDS = 0.5


def intervals_merge(existing, new):
    """The union of two lists of [start, end] pairs, sorted and without overlaps."""
    merged = []
    for start, end in sorted((float(start), float(end)) for start, end in [*existing, *new]):
        if merged and start <= merged[-1][1] + JOIN_GAP_SECONDS:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [[round(start, 2), round(end, 2)] for start, end in merged]


def intervals_length(intervals):
    return sum(end - start for start, end in intervals)
