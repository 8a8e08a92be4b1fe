"""Timeline events as an audience may see them, read as plain rows (10,000 for 2,000 cases)."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.models import (
    Citation,
    Contact,
    EventParticipant,
    Place,
    Serviceman,
    Source,
    TimelineEvent,
)
from powmia_desktop.services.audience.gate import CitedRow, Gate, case_name, place_name
from powmia_desktop.services.audience.log import RedactionLog
from powmia_desktop.services.audience.profile import Audience
from powmia_desktop.services.audience.reading import CHUNK, loaded_by_id, rows_by_owner
from powmia_desktop.services.audience.views import EventView
from powmia_desktop.services.values import date_text, label


def event_views(
    session: Session,
    audience: Audience,
    log: RedactionLog,
    *,
    case_ids: Sequence[int] | None = None,
) -> list[EventView]:
    """Timeline events in date order: all of them, or those naming one of ``case_ids``.

    Read as plain rows in a few IN-queries (the events, their participants, their citations
    with their sources' titles): 2,000 cases have 10,000 events, too many to map one by one.
    """
    gate = Gate(audience, log)
    events = _event_rows(session, case_ids)
    ids = [e.id for e in events]
    participants = rows_by_owner(session, _PARTICIPANTS, EventParticipant.event_id, ids)
    cited = rows_by_owner(session, _EVENT_CITATIONS, Citation.timeline_event_id, ids)
    named = [p for rows in participants.values() for p in rows]
    servicemen = loaded_by_id(session, Serviceman, {p.serviceman_id for p in named})
    contacts = loaded_by_id(session, Contact, {p.contact_id for p in named})
    places = loaded_by_id(session, Place, {e.place_id for e in events if not e.place_text})
    shown = []
    for e in events:
        # A withheld event is named by its date and number, not by its (private) words.
        heading = f"event no. {e.id}" + (f" of {date_text(e.date)}" if e.date else "")
        if not gate.admit_key(f"{_EVENT}:{e.id}", e.sensitivity, "timeline event", heading):
            continue
        what = f"{date_text(e.date)} {e.title}".strip()
        people: list[str] = []
        cases: list[int] = []
        for p in participants.get(e.id, ()):
            who = f"{e.title}: participant {p.id}"
            if not gate.admit_key(
                f"{_PARTICIPANT}:{p.id}", p.sensitivity, "event participant", who
            ):
                continue
            if p.serviceman_id is not None:
                s = servicemen[p.serviceman_id]
                if gate.admit(s, "case", s.sort_name):
                    people.append(case_name(s))
                    cases.append(s.id)
            elif name := gate.name(contacts.get(p.contact_id), f"named in '{e.title}'"):
                people.append(name)
        fd: FuzzyDate | None = e.date
        shown.append(
            gate.view_key(
                f"{_EVENT}:{e.id}",
                e.sensitivity,
                EventView(
                    e.id,
                    date_text(fd),
                    e.date_sort,
                    fd.earliest if fd else None,
                    fd.latest if fd else None,
                    e.title,
                    gate.text_key(
                        f"{_EVENT}:{e.id}", e.sensitivity, e.description, "description", what
                    ),
                    label(e.category),
                    e.place_text or place_name(gate, places.get(e.place_id), ""),
                    tuple(people),
                    tuple(cases),
                    gate.cited_rows(map(CitedRow._make, cited.get(e.id, ())), e.title),
                ),
                what,
            )
        )
    return shown


_EVENT: str = TimelineEvent.__tablename__
_PARTICIPANT: str = EventParticipant.__tablename__
_EVENTS = select(
    TimelineEvent.id,
    TimelineEvent.date,
    TimelineEvent.date_sort,
    TimelineEvent.title,
    TimelineEvent.description,
    TimelineEvent.category,
    TimelineEvent.place_text,
    TimelineEvent.place_id,
    TimelineEvent.sensitivity,
).order_by(TimelineEvent.date_sort.asc().nulls_last(), TimelineEvent.id)
_PARTICIPANTS = select(
    EventParticipant.id,
    EventParticipant.event_id,
    EventParticipant.serviceman_id,
    EventParticipant.contact_id,
    EventParticipant.sensitivity,
).order_by(EventParticipant.id)
#: Columns in the order of :class:`CitedRow`'s fields.
_EVENT_CITATIONS = (
    select(
        Citation.id,
        Citation.timeline_event_id,
        Citation.source_id,
        Source.title,
        Source.sensitivity,
        Citation.locator,
        Citation.quote,
        Citation.confidence,
        Citation.notes,
        Citation.sensitivity,
    )
    .join(Source, Citation.source_id == Source.id)
    .order_by(Citation.id)
)


def _event_rows(session: Session, case_ids: Sequence[int] | None) -> list[Any]:
    """The events (as rows) in date order, each once: all, or those naming the cases."""
    if case_ids is None:
        return list(session.execute(_EVENTS))
    ids = list(case_ids)
    events: dict[int, Any] = {}
    for start in range(0, len(ids), CHUNK):
        naming = select(EventParticipant.event_id).where(
            EventParticipant.serviceman_id.in_(ids[start : start + CHUNK])
        )
        for e in session.execute(_EVENTS.where(TimelineEvent.id.in_(naming))):
            events.setdefault(e.id, e)
    rows = list(events.values())
    if len(ids) > CHUNK:
        rows.sort(key=lambda e: (e.date_sort is None, e.date_sort or 0, e.id))
    return rows
