"""The timeline: dated, sourced events, for one case or for the whole archive."""

import datetime as dt
from typing import Any, NamedTuple

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.core.fuzzydate import date_key
from powmia_desktop.db.models import Citation, EventParticipant, TimelineEvent
from powmia_desktop.services.rows import count_rows, plain_rows


class EventRow(NamedTuple):
    id: int
    date: str | None
    date_sort: int | None
    title: str
    category: str
    place_text: str


def list_events(
    session: Session,
    *,
    case_id: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int | None = None,
    ordered: bool = True,
) -> list[EventRow]:
    """Events in date order; with ``start``/``end``, those whose possible dates meet the range.

    "Events in 1953" therefore includes "about 1953", "between 1952 and 1954" and "Aug 1953".
    ``ordered=False`` leaves them in id order for a caller that sorts them itself (the
    window's list: 500,000 events sorted by SQLite would cost it a second more). With
    ``limit``, the first events by date come through the date index (undated ones last).
    The rows are the driver's own tuples, without per-value type processing.
    """
    e = TimelineEvent.__table__.c
    query = select(
        e.id,
        type_coerce(e.date, String),
        e.date_sort,
        e.title,
        type_coerce(e.category, String),
        e.place_text,
    )
    if case_id is not None:
        query = query.where(
            e.id.in_(
                select(EventParticipant.event_id).where(EventParticipant.serviceman_id == case_id)
            )
        )
    if start is not None:
        query = query.where(e.date_latest >= date_key(start))
    if end is not None:
        query = query.where(e.date_earliest <= date_key(end))
    if not ordered:
        queries = [query.order_by(e.id)]
    elif limit is not None:
        # "NULLS LAST" would keep SQLite from walking the date index: dated events first
        # through the index, then as many undated ones as the limit leaves room for.
        queries = [
            query.where(e.date_sort.is_not(None)).order_by(e.date_sort, e.id),
            query.where(e.date_sort.is_(None)).order_by(e.id),
        ]
    else:
        queries = [query.order_by(e.date_sort.asc().nulls_last(), e.id)]
    found: list[Any] = []
    for part in queries:
        if limit is not None:
            if len(found) >= limit:
                break
            part = part.limit(limit - len(found))
        found += plain_rows(session, part)
    make = tuple.__new__  # what EventRow._make does, without a Python call per row
    return [make(EventRow, row) for row in found]


def count_events(session: Session) -> int:
    return count_rows(session, TimelineEvent)


def get_event(session: Session, event_id: int) -> TimelineEvent:
    event = session.get(
        TimelineEvent,
        event_id,
        options=[
            selectinload(TimelineEvent.participants),
            selectinload(TimelineEvent.citations).selectinload(Citation.source),
            selectinload(TimelineEvent.tags),
        ],
    )
    if event is None:
        raise NotFoundError(f"There is no timeline event with id {event_id}")
    return event
