"""How a timeline is laid out, shared by the window's chart and the printed one (no Qt here).

Time is a day number (``date.toordinal``, a float between days). This module knows:

* the eras marked behind every timeline (``ERAS``);
* what part of a fuzzy date is drawn solid and what part faded (``drawn_span``): "about
  1953" is solid over 1953 and faded over the year either side; "between 1952 and 1954" is
  one uncertain moment, faded towards both ends; "before 1960" fades out to the left;
* the scale's marks for any zoom (``scale_marks``) and the width of the buckets events are
  counted in when too many are in view to draw one by one (``bucket_days``);
* the counts per lane and day (``Histogram``), from which any bucket's count is two
  bisections, so a zoomed-out view of 500,000 events costs what its buckets cost.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from powmia_desktop.core.fuzzydate import KEY_MAX, KEY_MIN, DateModifier, FuzzyDate

#: How far an open end ("before 1960", "after 1954") is drawn fading out, in days.
OPEN_END_DAYS = 5 * 365


@dataclass(frozen=True)
class Era:
    name: str
    start: dt.date
    end: dt.date
    colour: str  # a light hex colour for the band behind the events

    @property
    def span(self) -> tuple[float, float]:
        return float(self.start.toordinal()), float(self.end.toordinal() + 1)


#: A colour for each lane (category or case), in lane order, repeating.
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
)

#: The periods every timeline marks.
ERAS: tuple[Era, ...] = (
    Era("Korean War", dt.date(1950, 6, 25), dt.date(1953, 7, 27), "#f3dede"),
    Era("Operation Big Switch", dt.date(1953, 8, 5), dt.date(1953, 9, 6), "#f5e3bf"),
    Era(
        "Joint recovery operations in North Korea",
        dt.date(1996, 7, 1),
        dt.date(2005, 5, 25),
        "#d6e9f2",
    ),
)


@lru_cache(maxsize=131_072)
def key_day(key: int) -> int | None:
    """The day number of a ``yyyymmdd`` key; None for the open ends and text-only keys."""
    if key <= KEY_MIN or key >= KEY_MAX:
        return None
    return dt.date(key // 10000, key // 100 % 100, key % 100).toordinal()


def day_key(day: float) -> int:
    """The ``yyyymmdd`` key of a day number (clamped to the calendar)."""
    whole = min(max(int(day), 1), dt.date.max.toordinal())
    d = dt.date.fromordinal(whole)
    return d.year * 10000 + d.month * 100 + d.day


@dataclass(frozen=True)
class DrawnSpan:
    """Where an event is drawn: faded from ``low`` to ``solid_low``, solid to ``solid_high``,
    faded again to ``high`` (days, the last one exclusive)."""

    low: float
    solid_low: float
    solid_high: float
    high: float


@lru_cache(maxsize=65_536)
def _parsed(stored: str) -> FuzzyDate | None:
    try:
        return FuzzyDate.from_json(stored)
    except ValueError:
        return None


@lru_cache(maxsize=65_536)
def _one_day(key: int) -> DrawnSpan | None:
    day = key_day(key)
    return None if day is None else DrawnSpan(day, day, day + 1.0, day + 1.0)


def drawn_span(stored: str | None, earliest_key: int, latest_key: int) -> DrawnSpan | None:
    """How the event dated ``stored`` (the date's JSON) is drawn; None when it has no days."""
    if earliest_key == latest_key:  # a day: most dates, drawn without reading the JSON
        return _one_day(earliest_key)
    date = _parsed(stored) if stored else None
    first, last = key_day(earliest_key), key_day(latest_key)
    if first is None and last is None:
        return None
    if first is None:  # before X
        assert last is not None
        return DrawnSpan(last + 1 - OPEN_END_DAYS, last + 1, last + 1, last + 1)
    if last is None:  # after X
        return DrawnSpan(first, first, first, first + OPEN_END_DAYS)
    low, high = float(first), float(last + 1)
    modifier = date.modifier if date is not None else DateModifier.NONE
    if modifier is DateModifier.ABOUT and date is not None and date.start is not None:
        core = date.start
        return DrawnSpan(low, core.first_day().toordinal(), core.last_day().toordinal() + 1.0, high)
    if modifier is DateModifier.BETWEEN:
        middle = (low + high) / 2
        return DrawnSpan(low, middle, middle, high)
    return DrawnSpan(low, low, high, high)


def year_day(year: float) -> float:
    """The day number of a (fractional) year."""
    whole = int(year)
    start = dt.date(whole, 1, 1).toordinal()
    return start + (year - whole) * (dt.date(whole + 1, 1, 1).toordinal() - start)


def day_year(day: float) -> float:
    d = dt.date.fromordinal(int(day))
    start = dt.date(d.year, 1, 1).toordinal()
    return d.year + (day - start) / (dt.date(d.year + 1, 1, 1).toordinal() - start)


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
#: Steps between scale marks: (kind, size) in years, months or days.
_STEPS = (
    ("day", 1),
    ("day", 2),
    ("day", 7),
    ("month", 1),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 20),
    ("year", 50),
    ("year", 100),
)


def scale_marks(low: float, high: float, width: float, gap: float = 80) -> list[tuple[float, str]]:
    """The scale's marks from day ``low`` to ``high`` over ``width`` pixels, at least ``gap``
    pixels apart: (day, label), on whole years, months or days."""
    if high <= low or width <= 0:
        return []
    per_day = width / (high - low)
    lengths = {"day": 1.0, "month": 30.44, "year": 365.25}
    kind, size = next(((k, s) for k, s in _STEPS if lengths[k] * s * per_day >= gap), _STEPS[-1])
    first = dt.date.fromordinal(max(int(low), 1))
    marks: list[tuple[float, str]] = []
    if kind == "year":
        year = first.year - first.year % size
        while True:
            day = float(dt.date(max(year, 1), 1, 1).toordinal())
            if day > high:
                return marks
            if day >= low:
                marks.append((day, str(year)))
            year += size
    if kind == "month":
        month = first.year * 12 + first.month - 1
        month -= month % size
        while True:
            d = dt.date(month // 12, month % 12 + 1, 1)
            day = float(d.toordinal())
            if day > high:
                return marks
            if day >= low:
                label = str(d.year) if d.month == 1 else f"{_MONTHS[d.month - 1]} {d.year}"
                marks.append((day, label))
            month += size
    day = float(int(low) - int(low) % size)
    while day <= high:
        if day >= low:
            d = dt.date.fromordinal(int(day))
            marks.append((day, f"{d.day} {_MONTHS[d.month - 1]} {d.year}"))
        day += size
    return marks


#: Bucket widths in days, the smallest first.
_BUCKETS = (1, 2, 7, 14, 30.44, 91.31, 182.62, 365.25, 730.5, 1826.25, 3652.5)


def bucket_days(low: float, high: float, width: float, least_px: float = 6) -> float:
    """The width in days of the count buckets at this zoom: at least ``least_px`` pixels."""
    per_day = width / max(high - low, 1e-9)
    return next((b for b in _BUCKETS if b * per_day >= least_px), _BUCKETS[-1])


class Histogram:
    """How many events each lane holds per day, as sorted days and running totals."""

    def __init__(self, counts: Iterable[tuple[int, int, int]], lanes: int) -> None:
        """``counts``: (lane, day, count) in any order; lanes are 0 … ``lanes`` - 1."""
        per_lane: list[dict[int, int]] = [{} for _ in range(lanes)]
        for lane, day, count in counts:
            if 0 <= lane < lanes:
                per_lane[lane][day] = per_lane[lane].get(day, 0) + count
        self.days: list[list[int]] = []
        self.totals: list[list[int]] = []
        for found in per_lane:
            days = sorted(found)
            running, totals = 0, [0]
            for day in days:
                running += found[day]
                totals.append(running)
            self.days.append(days)
            self.totals.append(totals)

    @property
    def lanes(self) -> int:
        return len(self.days)

    def total(self) -> int:
        return sum(t[-1] for t in self.totals)

    def extent(self) -> tuple[float, float] | None:
        """The first and last day (exclusive) any event starts on."""
        firsts = [d[0] for d in self.days if d]
        lasts = [d[-1] for d in self.days if d]
        if not firsts:
            return None
        return float(min(firsts)), float(max(lasts) + 1)

    def count(self, lane: int, low: float, high: float) -> int:
        """Events of ``lane`` starting on a day in [low, high)."""
        days, totals = self.days[lane], self.totals[lane]
        return totals[bisect_left(days, high)] - totals[bisect_left(days, low)]

    def count_all(self, low: float, high: float) -> int:
        return sum(self.count(lane, low, high) for lane in range(self.lanes))

    def buckets(self, lane: int, low: float, high: float, size: float) -> list[tuple[float, int]]:
        """(bucket start, count) of every bucket of ``size`` days meeting [low, high) that
        holds an event; buckets start on multiples of ``size`` so panning keeps them put."""
        days, totals = self.days[lane], self.totals[lane]
        found: list[tuple[float, int]] = []
        i = bisect_left(days, low - size)
        end = bisect_right(days, high)
        while i < end:
            start = (days[i] // size) * size
            j = max(bisect_left(days, start + size, i), i + 1)
            found.append((start, totals[j] - totals[i]))
            i = j
        return found


def pack_rows(spans: Sequence[tuple[float, float]], most: int = 1_000_000) -> list[int]:
    """A row for each (left, right) pixel extent, sorted by left, so none overlap: greedy,
    each into the first row free at its left edge; -1 for one that finds none of ``most``."""
    ends: list[float] = []
    rows: list[int] = []
    for left, right in spans:
        for row, end in enumerate(ends):
            if end <= left:
                ends[row] = right
                rows.append(row)
                break
        else:
            if len(ends) < most:
                ends.append(right)
                rows.append(len(ends) - 1)
            else:
                rows.append(-1)
    return rows
