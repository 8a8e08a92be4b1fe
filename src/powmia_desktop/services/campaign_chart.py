"""The shape of a campaign's progress chart, worked out once for the window and the PDF.

Counts over time become points in a unit square (x: the day between the first count and
the last, y: the count over the top of the scale); the goal is a level line; the scale's
top is a round number at or above both the goal and the highest count, with a few ticks.
Both renderers (the window's chart and reports/progress_chart.py) only scale and draw.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ChartShape:
    #: (x, y) in 0..1 for each count, oldest first
    points: tuple[tuple[float, float], ...]
    #: the counts themselves, in the same order, for labels
    counts: tuple[int, ...]
    #: the goal's height in 0..1, or None without a goal
    goal: float | None
    top: int
    #: (value, height in 0..1) of each line of the scale, 0 included
    ticks: tuple[tuple[int, float], ...]
    first: dt.date
    last: dt.date


def _round_top(value: int) -> tuple[int, int]:
    """A round scale top at or above ``value`` and its tick step (1, 2, 2.5 or 5 × 10^n)."""
    if value <= 0:
        return 1, 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            candidate = step * factor
            if value / candidate <= 5:
                top = -(-value // candidate) * candidate
                return top, candidate
        step *= 10


def chart_shape(series: Sequence[tuple[dt.date, int]], goal: int | None) -> ChartShape | None:
    """Where each count and the goal sit on the chart; None when nothing was counted."""
    if not series:
        return None
    ordered = sorted(series)
    first, last = ordered[0][0], ordered[-1][0]
    span = (last - first).days
    top, step = _round_top(max([goal or 0, *(c for _, c in ordered)]))
    points = tuple(
        ((day - first).days / span if span else 1.0, count / top) for day, count in ordered
    )
    ticks = tuple((v, v / top) for v in range(0, top + 1, step))
    return ChartShape(
        points,
        tuple(c for _, c in ordered),
        goal / top if goal else None,
        top,
        ticks,
        first,
        last,
    )
