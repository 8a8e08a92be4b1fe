"""The timeline: dated, sourced events, for one case or for the whole archive."""

import datetime as dt
from typing import NamedTuple

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.core.fuzzydate import date_key
from powmia_desktop.db.models import Citation, EventParticipant, TimelineEvent


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
) -> list[EventRow]:
    """Events in date order; with ``start``/``end``, those whose possible dates meet the range.

    "Events in 1953" therefore includes "about 1953", "between 1952 and 1954" and "Aug 1953".
    """
    e = TimelineEvent.__table__.c
    query = select(
        e.id,
        type_coerce(e.date, String),
        e.date_sort,
        e.title,
        type_coerce(e.category, String),
        e.place_text,
    ).order_by(e.date_sort.asc().nulls_last(), e.id)
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
    if limit is not None:
        query = query.limit(limit)
    return [EventRow(*row) for row in session.execute(query)]


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
