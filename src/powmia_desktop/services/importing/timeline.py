"""Importing timeline events from CSV: fuzzy dates, categories, places and their sources.

A row's date is read as people write it ("about 1953", "Late April 1862" stays text); an
end date makes a span ("from 1862-4-6 to 1862-4-7"). Each row may name its source (created
when the archive has none of that title) with a locator (page, box) and a quote; a
``source`` option gives one source for the whole file, as for the events of one book. A
category that is not one of the archive's is kept in the event's notes and the event
filed under "Other". Rows without a title take the first sentence of their description.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.core.validation import clean_text
from powmia_desktop.core.vocab import EventCategory, SourceType
from powmia_desktop.db.models import Citation, Source, TimelineEvent, fuzzy_date_values
from powmia_desktop.db.tables import raw_table, table_of
from powmia_desktop.db.types import utcnow
from powmia_desktop.services.exchange import SOURCE_SEPARATOR
from powmia_desktop.services.importing.list_rows import cells_of, field_columns
from powmia_desktop.services.importing.outcome import (
    ImportResult,
    recorded_batch,
)
from powmia_desktop.services.importing.records import (
    bulk_insert,
    index_after_insert,
    new_uids,
    next_ids,
    record_defaults,
)
from powmia_desktop.services.importing.tabular import read_table, require_one_of, resolve_mapping

TIMELINE_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "date": ("Date", "Start Date", "start_date", "When", "Start"),
    "date_text": ("Time Period", "time_period", "Period", "Date as written"),
    "end_date": ("End Date", "end_date", "Until", "End"),
    "title": ("Title", "Event", "Event Name", "event_name", "Headline", "Name"),
    "description": ("Description", "Details", "Body", "Summary", "Text"),
    "category": ("Category", "Kind"),
    "place": ("Place", "Location", "Where"),
    "source": ("Source", "Sources", "Source Title", "Reference"),
    "locator": ("Locator", "Page", "Pages", "Citation"),
    "quote": ("Quote", "Excerpt"),
    "url": ("URL", "Link", "Source URL"),
    "notes": ("Notes", "Comments"),
}
_SENTENCE: Final = re.compile(r"^(.{1,200}?[.!?])(\s|$)")


def _title(cells: dict[str, str]) -> str:
    title = clean_text(cells.get("title"), field="title")
    if title:
        return title[:500]
    description = clean_text(cells.get("description"), field="description")
    if not description:
        raise ValidationError("there is no title (or description) in this row", "title")
    match = _SENTENCE.match(description)
    short = match.group(1) if match else description
    return short if len(short) <= 120 else short[:117].rstrip() + "..."


def _date(cells: dict[str, str]) -> FuzzyDate | None:
    start = cells.get("date", "").strip() or cells.get("date_text", "").strip()
    end = cells.get("end_date", "").strip()
    if not start:
        return FuzzyDate.parse(end) if end else None
    first = FuzzyDate.parse(start)
    if end and end != start:
        span = FuzzyDate.parse(f"from {start} to {end}")
        if span.modifier.value == "span":
            return span
    return first


class _Sources:
    """Sources by title: found in the archive or created once per import."""

    def __init__(self, session: Session, now: Any) -> None:
        self.session, self.now = session, now
        self.ids: dict[str, int] = {}
        for sid, title in session.execute(select(Source.id, Source.title).order_by(Source.id)):
            self.ids.setdefault(title.casefold(), sid)

    def id_for(self, title: str, url: str = "") -> int:
        key = title.casefold()
        if key not in self.ids:
            record = record_defaults(self.now, Source.default_sensitivity)
            record.update(
                title=title[:500], author="", date=None, source_type=SourceType.OTHER.value,
                repository="", locator="", url=url[:1000],
            )  # fmt: skip
            raw = raw_table(table_of(Source))
            self.ids[key] = int(
                self.session.execute(raw.insert().values(record).returning(raw.c.id)).scalar_one()
            )
        return self.ids[key]


def import_events(
    session: Session,
    path: Path,
    *,
    mapping: dict[str, str | None] | None = None,
    source: str | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import a CSV of timeline events; ``source`` names a source every row cites."""
    table = read_table(path)
    columns_map = resolve_mapping(table.headers, TIMELINE_FIELDS, mapping)
    fields = ("title", "description")
    require_one_of(columns_map, fields, table.headers, path.name, "the title")
    columns = field_columns(table.headers, columns_map)
    result = ImportResult("events", path.name, dry_run)
    result.warn(table.warning)
    result.counts = {"rows": len(table), "events": 0, "citations": 0}
    now = utcnow()
    with recorded_batch(session, result, "events", {"columns": columns_map}):
        sources = _Sources(session, now)
        ids = next_ids(session, table_of(TimelineEvent))
        events: list[dict[str, Any]] = []
        citations: list[dict[str, Any]] = []
        for position, values in enumerate(table.rows):
            if position % 500 == 0:
                progress(position, len(table), f"Reading row {position + 1:,}")
            number = table.row_numbers[position]
            cells = cells_of(values, columns)
            try:
                event, cited = _event(cells, next(ids), source, sources, now)
            except ValidationError as error:
                result.reject(number, str(error))
                continue
            events.append(event)
            citations += cited
        for record, uid in zip(
            events + citations, new_uids(len(events) + len(citations)), strict=True
        ):
            record["uid"] = uid
        with index_after_insert(session, table_of(TimelineEvent)) as reindex:
            bulk_insert(session, raw_table(table_of(TimelineEvent)), events)
            if events:
                reindex(events[0]["id"], events[-1]["id"])
        bulk_insert(session, raw_table(table_of(Citation)), citations)
        result.counts["events"] = len(events)
        result.counts["citations"] = len(citations)
    return result


def _event(
    cells: dict[str, str], event_id: int, file_source: str | None, sources: _Sources, now: Any
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    notes = [clean_text(cells.get("notes"), multiline=True, field="notes")]
    if cells.get("date_text") and cells.get("date"):
        notes.append(f"Date as written: {clean_text(cells['date_text'], field='date')}")
    category = EventCategory.OTHER
    word = cells.get("category", "").strip()
    if word:
        try:
            category = EventCategory.parse(word)
        except ValidationError:
            notes.append(f"Category: {word}")
    record = record_defaults(now, TimelineEvent.default_sensitivity, uid=False)
    record.update(
        id=event_id,
        notes="\n".join(n for n in notes if n),
        title=_title(cells),
        description=clean_text(cells.get("description"), multiline=True, field="description"),
        category=category.value,
        place_id=None,
        place_text=clean_text(cells.get("place"), field="place")[:300],
        **fuzzy_date_values("date", _date(cells)),
    )
    separator = SOURCE_SEPARATOR.strip()
    titles = [t.strip() for t in cells.get("source", "").split(separator) if t.strip()]
    locators = [t.strip() for t in cells.get("locator", "").split(separator)]
    quotes = [t.strip() for t in cells.get("quote", "").split(separator)]

    def nth(items: list[str], index: int) -> str:
        return items[index] if index < len(items) else ""

    pairs = [(t, nth(locators, i), nth(quotes, i)) for i, t in enumerate(titles)]
    if file_source:
        pairs.insert(0, (file_source, "" if titles else locators[0], "" if titles else quotes[0]))
    cited = []
    for title, locator, quote in pairs:
        citation = record_defaults(now, Citation.default_sensitivity, uid=False)
        citation.update(
            source_id=sources.id_for(clean_text(title, field="source")),
            locator=clean_text(locator, field="locator")[:300],
            quote=clean_text(quote, multiline=True, field="quote"),
            confidence="secondary",
            serviceman_id=None, status_change_id=None, claim_id=None,
            timeline_event_id=event_id, captivity_id=None, incident_id=None,
            live_sighting_report_id=None,
        )  # fmt: skip
        cited.append(citation)
    return record, cited
