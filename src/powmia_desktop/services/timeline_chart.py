"""What the timeline chart reads: lanes, counts per lane and day, and the events in view.

Everything is read with Core as the driver's tuples: the counts once (grouped by SQLite,
some thousands of rows even for 500,000 events), the events only for the days in view and
only when few enough are there to draw one by one (``ChartData.events_between``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, and_, case, func, literal, or_, select, true, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.fuzzydate import KEY_MAX, KEY_MIN
from powmia_desktop.core.vocab import EventCategory
from powmia_desktop.db.models import EventParticipant, Serviceman, TimelineEvent
from powmia_desktop.services.rows import plain_rows
from powmia_desktop.services.timeline_layout import (
    DrawnSpan,
    Histogram,
    day_key,
    drawn_span,
    key_day,
)
from powmia_desktop.services.values import stored_label

BY_CATEGORY = "category"
BY_CASE = "case"
#: Lanes by case across the archive: the cases with the most events, at most this many.
CASE_LANES = 40
#: Events wider than this (in yyyymmdd key units: a single day) are read once with the
#: counts (few: most dates are known to the day); the events known to the day are read for
#: the days in view only, through the date index.
WIDE_KEYS = 0
#: A timeline of at most this many dated events (one case's) is read whole with its counts.
EVERY_EVENT_LIMIT = 1500


@dataclass(frozen=True)
class EventMark:
    id: int
    lane: int
    span: DrawnSpan
    title: str
    date: str  # the date's JSON (the view shows its words)


@dataclass
class ChartData:
    """The lanes and counts of one timeline (one case's, or the archive's)."""

    lanes: list[str]
    histogram: Histogram
    case_id: int | None
    by: str
    #: the lane of each lane key (category value or case id)
    lane_of: dict[Any, int]
    wide_marks: list[EventMark]
    #: every event known to the day, when few (``EVERY_EVENT_LIMIT``); else None: they are
    #: read for the days in view (``events_between``)
    every_event: list[EventMark] | None = None
    #: cases with events left out of lanes by case (beyond the ``CASE_LANES`` shown)
    more_lanes: int = 0
    _wide_lows: list[float] = field(default_factory=list, repr=False)

    @property
    def total(self) -> int:
        return self.histogram.total()

    def __post_init__(self) -> None:
        self.wide_marks.sort(key=lambda m: m.span.low)
        self._wide_lows = [m.span.low for m in self.wide_marks]

    def events_between(self, session: Session, low: float, high: float) -> list[EventMark]:
        """The events known to the day drawn in days [low, high), read from the archive
        through the date index, in lane order then by start."""
        low_key, high_key = day_key(low), day_key(high)
        e = TimelineEvent.__table__.c
        query = _marks_query(self, e).where(
            e.date_earliest.between(max(low_key - WIDE_KEYS, KEY_MIN + 1), high_key),
            e.date_latest >= low_key,
            e.date_latest < KEY_MAX,
            e.date_latest - e.date_earliest <= WIDE_KEYS,
        )
        marks = _marks(self, plain_rows(session, query))
        marks.sort(key=lambda m: (m.lane, m.span.low, m.id))
        return marks

    def wide_between(self, low: float, high: float) -> list[EventMark]:
        """The events dated only roughly (wider than a day, or open-ended) drawn in days
        [low, high), from those read with the counts, by start."""
        reach = bisect_left(self._wide_lows, high)
        return [m for m in self.wide_marks[:reach] if m.span.high > low]


def _lane_key(by: str, e: Any) -> Any:
    if by == BY_CASE:
        return EventParticipant.__table__.c.serviceman_id
    return type_coerce(e.category, String)


def _scoped(data_case: int | None, by: str, query: Any, e: Any) -> Any:
    p = EventParticipant.__table__.c
    if by == BY_CASE:
        query = query.join_from(TimelineEvent.__table__, EventParticipant.__table__)
        query = query.where(p.event_id == e.id, p.serviceman_id.is_not(None))
        if data_case is not None:
            query = query.where(p.serviceman_id == data_case)
    elif data_case is not None:
        query = query.where(e.id.in_(select(p.event_id).where(p.serviceman_id == data_case)))
    return query


def _marks_query(data: ChartData, e: Any) -> Any:
    key = _lane_key(data.by, e)
    query = select(e.id, key, type_coerce(e.date, String), e.date_earliest, e.date_latest, e.title)
    query = _scoped(data.case_id, data.by, query, e)
    if data.by == BY_CASE and data.case_id is None:
        query = query.where(key.in_(list(data.lane_of)))
    return query


def _marks(data: ChartData, rows: list[Any]) -> list[EventMark]:
    marks = []
    for event_id, key, stored, earliest, latest, title in rows:
        lane = data.lane_of.get(key)
        span = drawn_span(stored, earliest, latest) if lane is not None else None
        if lane is not None and span is not None:
            marks.append(EventMark(event_id, lane, span, title, stored))
    return marks


def _cases_like(text: str) -> Any:
    """Cases whose surname, given names or service number hold every word of ``text``."""
    s = Serviceman.__table__.c
    return and_(
        true(),
        *(
            or_(
                s.surname.icontains(word, autoescape=True),
                s.given_names.icontains(word, autoescape=True),
                s.service_number.icontains(word, autoescape=True),
            )
            for word in text.split()
        ),
    )


def _case_lanes(
    session: Session, case_id: int | None, cases_like: str
) -> tuple[list[str], dict[Any, int], int]:
    """The lanes' names and keys (the cases with the most events, at most ``CASE_LANES``,
    of those ``cases_like`` names), and how many more cases with events there are."""
    p = EventParticipant.__table__.c
    s = Serviceman.__table__.c
    counted = select(p.serviceman_id, func.count().label("n")).where(p.serviceman_id.is_not(None))
    if case_id is not None:
        counted = counted.where(p.serviceman_id == case_id)
    if cases_like.strip():
        counted = counted.where(p.serviceman_id.in_(select(s.id).where(_cases_like(cases_like))))
    counted = counted.group_by(p.serviceman_id)
    top = counted.order_by(func.count().desc(), p.serviceman_id).limit(CASE_LANES).subquery()
    rows = plain_rows(
        session,
        select(s.id, s.rank, s.given_names, s.surname)
        .join(top, top.c.serviceman_id == s.id)
        .order_by(s.surname, s.given_names, s.id),
    )
    names = [" ".join(part for part in (r, g, f) if part) for _, r, g, f in rows]
    more = 0
    if len(rows) == CASE_LANES:
        every = session.execute(select(func.count()).select_from(counted.subquery())).scalar()
        more = int(every or 0) - len(rows)
    return names, {row[0]: i for i, row in enumerate(rows)}, more


def load_chart(
    session: Session, *, case_id: int | None = None, by: str = BY_CATEGORY, cases_like: str = ""
) -> ChartData:
    """The lanes and counts of the archive's timeline, or of case ``case_id``'s; lanes by
    case are those of the cases whose names hold every word of ``cases_like``."""
    e = TimelineEvent.__table__.c
    key = _lane_key(by, e)
    more = 0
    if by == BY_CASE:
        lanes, lane_of, more = _case_lanes(session, case_id, cases_like)
    start = case((e.date_earliest == KEY_MIN, e.date_latest), else_=e.date_earliest)
    counted = select(key, start, func.count()).where(
        e.date_latest >= literal(0), e.date_earliest <= KEY_MAX, e.date_latest.is_not(None)
    )
    counted = _scoped(case_id, by, counted, e)
    if by == BY_CASE and case_id is None:
        counted = counted.where(key.in_(list(lane_of)))
    counts = plain_rows(session, counted.group_by(key, start))
    if by != BY_CASE:  # a lane for each category with a dated event, in the usual order
        order = {c.value: i for i, c in enumerate(EventCategory)}
        values = sorted({k for k, _, _ in counts if k}, key=lambda v: (order.get(v, len(order)), v))
        lanes = [stored_label(EventCategory, v) for v in values]
        lane_of = {v: i for i, v in enumerate(values)}
    histogram = Histogram(
        (
            (lane_of.get(k, -1), day, n)
            for k, first, n in counts
            if (day := key_day(first)) is not None
        ),
        len(lanes),
    )
    keep = ChartData(lanes, histogram, case_id, by, lane_of, [])
    wide_query = _marks_query(keep, e).where(
        e.date_latest >= literal(0),
        e.date_earliest <= KEY_MAX,
        or_(
            e.date_earliest == KEY_MIN,
            e.date_latest == KEY_MAX,
            e.date_latest - e.date_earliest > WIDE_KEYS,
        ),
    )
    wide = _marks(keep, plain_rows(session, wide_query))
    data = ChartData(lanes, histogram, case_id, by, lane_of, wide, more_lanes=more)
    if histogram.total() <= EVERY_EVENT_LIMIT:
        data.every_event = data.events_between(session, 1.0, float(dt.date.max.toordinal()))
    return data
