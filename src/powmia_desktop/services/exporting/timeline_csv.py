"""The timeline as CSV: every event with its date as typed, its sources and locators.

Columns match what services/importing/timeline.py reads, so an exported timeline imports
back unchanged. Events, citations and sources above the privacy ceiling are left out.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import EventCategory
from powmia_desktop.db.models import Citation, Source, TimelineEvent
from powmia_desktop.db.tables import table_of
from powmia_desktop.services.audience import RedactionLog
from powmia_desktop.services.exchange import SOURCE_SEPARATOR
from powmia_desktop.services.exporting.files import ExportResult, write_csv
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, Privacy, visible
from powmia_desktop.services.values import date_text

TIMELINE_HEADERS = [
    "Date",
    "Title",
    "Category",
    "Place",
    "Description",
    "Source",
    "Locator",
    "Quote",
]


def timeline_rows(
    session: Session, privacy: Privacy = DEFAULT_PRIVACY, log: RedactionLog | None = None
) -> list[list[str]]:
    """The timeline's rows; an audience's rules take phone numbers and the like out of the
    descriptions and quotes."""
    gate = privacy.gate(RedactionLog() if log is None else log)
    e, c, s = table_of(TimelineEvent), table_of(Citation), table_of(Source)
    cited: dict[int, list[tuple[str, str, str]]] = {}
    query = (
        select(c.c.timeline_event_id, s.c.title, c.c.locator, c.c.quote, c.c.id, c.c.sensitivity)
        .join(s, s.c.id == c.c.source_id)
        .where(c.c.timeline_event_id.is_not(None), visible(c, privacy), visible(s, privacy))
        .order_by(c.c.timeline_event_id, c.c.id)
    )
    for event_id, title, locator, quote, cid, level in session.execute(query):
        quote = gate.text_key(f"citation:{cid}", level, quote, "quote", f"{title} {locator}")
        cited.setdefault(event_id, []).append((title, locator, quote))
    rows = []
    events = (
        select(
            e.c.id,
            type_coerce(e.c.date, String),
            e.c.title,
            type_coerce(e.c.category, String),
            e.c.place_text,
            e.c.description,
            e.c.sensitivity,
        )
        .where(visible(e, privacy))
        .order_by(e.c.date_sort.asc().nulls_last(), e.c.id)
    )
    for event_id, date, title, category, place, description, level in session.execute(events):
        what = f"{date_text(date)} {title}".strip()
        description = gate.text_key(
            f"timeline_event:{event_id}", level, description, "description", what
        )
        sources = cited.get(event_id, [])

        def joined(part: int, sources: list[tuple[str, str, str]] = sources) -> str:
            values = [source[part] for source in sources]
            return SOURCE_SEPARATOR.join(values) if any(values) else ""

        row = [
            date_text(date),
            title,
            EventCategory(category).label if category else "",
            place,
            description,
            joined(0),
            joined(1),
            joined(2),
        ]
        rows.append(gate.cells(f"timeline_event:{event_id}", level, row, TIMELINE_HEADERS, what))
    return rows


def export_timeline(
    session: Session, path: Path, *, privacy: Privacy = DEFAULT_PRIVACY, overwrite: bool = False
) -> ExportResult:
    log = RedactionLog()
    rows = timeline_rows(session, privacy, log)
    write_csv(path, TIMELINE_HEADERS, rows, overwrite)
    return ExportResult("events", path, len(rows), log=log)
