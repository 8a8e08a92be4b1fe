"""Importing calendars (.ics): each event becomes a meeting.

* Time zones: a TZID that names an IANA zone, a Windows zone ("W. Europe Standard Time") or
  carries its offset ("(UTC-05:00) Eastern Time") is honoured; times are stored in UTC and
  the zone's name kept for display. Times without a zone ("floating") are read as UTC.
* All-day events keep their day (midnight UTC, ``all_day`` set).
* Recurring events are expanded into their occurrences (EXDATEs left out, RECURRENCE-ID
  overrides used instead of the occurrence they replace), at most ``max_occurrences`` per
  series: a weekly meeting with no end does not become a thousand rows. A rule that cannot
  be read is reported and the event imported once.
* An event whose start cannot be read is rejected with its number and why.
* Importing the same file again adds nothing: each occurrence gets a stable uid made from
  the event's UID and start, and an occurrence whose uid is in the archive is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import icalendar
from dateutil.rrule import rrulestr
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.core.validation import clean_text
from powmia_desktop.core.vocab import MeetingStatus, MeetingType
from powmia_desktop.db.models import Meeting
from powmia_desktop.db.tables import raw_table, table_of
from powmia_desktop.db.types import utcnow
from powmia_desktop.services.importing.outcome import (
    ImportResult,
    printable,
    recorded_batch,
)
from powmia_desktop.services.importing.records import bulk_insert, record_defaults
from powmia_desktop.services.importing.tabular import read_bytes

MAX_OCCURRENCES: Final = 52
#: A calendar file larger than this is refused before it is read (years of meetings are
#: a few hundred kilobytes).
MAX_CALENDAR_BYTES: Final = 64 * 1024 * 1024
_NAMESPACE: Final = uuid.UUID("5b0b6f0e-2f1c-4c55-9a55-6f6d6961cafe")
_OFFSET: Final = re.compile(r"\((?:UTC|GMT)\s*(?P<sign>[+-])(?P<h>\d{1,2}):?(?P<m>\d{2})\)")
_UUID: Final = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _zone(tzid: str) -> tuple[dt.tzinfo | None, str]:
    """The zone a TZID names and its IANA name ("" for a bare offset or nothing known)."""
    for name in (tzid, WINDOWS_TO_OLSON.get(tzid, "")):
        if name:
            try:
                return zoneinfo.ZoneInfo(name), name
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
    match = _OFFSET.search(tzid)
    if match is not None:
        minutes = int(match["h"]) * 60 + int(match["m"])
        sign = -1 if match["sign"] == "-" else 1
        return dt.timezone(dt.timedelta(minutes=sign * minutes)), ""
    return None, ""


def _moment(event: Any, key: str) -> tuple[dt.datetime | None, bool, str]:
    """(UTC start, all-day, zone name) of DTSTART/DTEND; raises ValidationError if unreadable."""
    if key not in event:
        return None, False, ""
    prop = event[key]
    try:
        value = prop.dt
    except Exception:  # icalendar keeps unreadable values as "broken" properties
        value = None
    if isinstance(value, dt.datetime):
        tzid = str(prop.params.get("TZID", "")) if hasattr(prop, "params") else ""
        name = ""
        if value.tzinfo is None:
            zone, name = _zone(tzid) if tzid else (None, "")
            value = value.replace(tzinfo=zone or dt.UTC)
        else:
            name = getattr(value.tzinfo, "key", "") or _zone(tzid)[1] if tzid else ""
            name = name or getattr(value.tzinfo, "key", "")
        return value.astimezone(dt.UTC), False, name
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC), True, ""
    raw = _raw_text(event, key)
    raise ValidationError(f"its {key} '{printable(raw, 40)}' is not a date or time")


def _raw_text(event: Any, key: str) -> str:
    """The value of a property as written in the file, also for a broken one."""
    for line in event.content_lines():
        name, _, value = str(line).partition(":")
        if name.split(";")[0].upper() == key:
            return value
    return ""


def _text(event: Any, key: str, limit: int | None = None) -> str:
    value = event.get(key)
    if value is None:
        return ""
    text = clean_text(str(value), multiline=limit is None, field=key.lower())
    return text[:limit] if limit else text


def _stable_uid(event_uid: str, start: dt.datetime, series: bool) -> str:
    if event_uid and not series and _UUID.match(event_uid.lower()):
        return event_uid.lower()
    return str(uuid.uuid5(_NAMESPACE, f"{event_uid}|{start.isoformat()}"))


def _exdates(event: Any) -> set[dt.datetime]:
    found: set[dt.datetime] = set()
    values = event.get("EXDATE")
    for entry in values if isinstance(values, list) else [values] if values is not None else []:
        for item in getattr(entry, "dts", []):
            moment = item.dt
            if isinstance(moment, dt.datetime):
                found.add(
                    (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
                )
            elif isinstance(moment, dt.date):
                found.add(dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.UTC))
    return found


def _occurrences(
    event: Any, start: dt.datetime, limit: int, notes: list[str], label: str
) -> Iterator[dt.datetime]:
    """The UTC starts of an event: itself, or its series (EXDATEs left out) up to ``limit``."""
    rule = event.get("RRULE")
    if rule is None:
        yield start
        return
    rules = rule if isinstance(rule, list) else [rule]
    try:
        text = "\n".join("RRULE:" + r.to_ical().decode() for r in rules)
        series = rrulestr(text, dtstart=start, forceset=True)
    except (ValueError, TypeError, AttributeError) as error:
        notes.append(f"{label}: its repeat rule could not be read ({error}); imported once")
        yield start
        return
    skipped = _exdates(event)
    count = 0
    for moment in series:
        if moment in skipped:
            continue
        if count == limit:
            notes.append(f"{label}: repeats beyond {limit} times; the first {limit} were imported")
            return
        count += 1
        yield moment


def read_calendars(data: bytes, name: str) -> list[Any]:
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except (ValueError, IndexError, KeyError, TypeError) as error:
        reason = printable(str(error), 120)
        raise ValidationError(f"{name} is not a calendar file I can read: {reason}") from None
    events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    if not calendars:
        raise ValidationError(f"{name} has no calendar in it (no BEGIN:VCALENDAR)")
    return events


def import_calendar(
    session: Session,
    path: Path,
    *,
    meeting_type: MeetingType = MeetingType.OTHER,
    max_occurrences: int = MAX_OCCURRENCES,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import every event of an .ics file as meetings (one ImportBatch)."""
    events = read_calendars(read_bytes(path, MAX_CALENDAR_BYTES), path.name)
    result = ImportResult("meetings", path.name, dry_run)
    result.counts = {"events": len(events), "meetings": 0}
    existing = set(session.scalars(select(Meeting.uid)))
    rows = plan_meetings(
        events, result, existing,
        meeting_type=meeting_type, max_occurrences=max_occurrences, progress=progress,
    )  # fmt: skip
    with recorded_batch(session, result, "meetings", {"max_occurrences": max_occurrences}):
        bulk_insert(session, raw_table(table_of(Meeting)), rows)
    return result


def _overrides(events: list[Any]) -> set[tuple[str, dt.datetime]]:
    """(UID, original start) of every occurrence that a RECURRENCE-ID event replaces."""
    found: set[tuple[str, dt.datetime]] = set()
    for event in events:
        if "RECURRENCE-ID" in event:
            try:
                moment = _moment(event, "RECURRENCE-ID")[0]
            except ValidationError:
                continue
            if moment is not None:
                found.add((str(event.get("UID", "")), moment))
    return found


def plan_meetings(
    events: list[Any],
    result: ImportResult,
    existing: set[str],
    *,
    meeting_type: MeetingType = MeetingType.OTHER,
    max_occurrences: int = MAX_OCCURRENCES,
    progress: Progress = no_progress,
) -> list[dict[str, Any]]:
    """The meeting rows of ``events`` (no database needed); rejects go into ``result``."""
    now = utcnow()
    overrides = _overrides(events)
    rows: list[dict[str, Any]] = []
    for number, event in enumerate(events, 1):
        if number % 100 == 0:
            progress(number, len(events), f"Reading event {number:,}")
        title = _text(event, "SUMMARY", 300) or "(no title)"
        label = f"Event {number} ({title[:40]})"
        try:
            start, all_day, zone = _moment(event, "DTSTART")
            end = _moment(event, "DTEND")[0]
            if start is None:
                raise ValidationError("it has no start (DTSTART)")
            if end is None and "DURATION" in event:
                end = start + event.decoded("DURATION")
            recurring = "RRULE" in event and "RECURRENCE-ID" not in event
            base = _meeting_values(event, title, meeting_type, result.file_name, now)
        except (ValidationError, ValueError, TypeError, OverflowError) as error:
            result.reject(number, str(error), "Event")
            continue
        event_uid = str(event.get("UID", "")) or f"{title}|{base['place']}"
        for moment in _occurrences(event, start, max_occurrences, result.notes, label):
            if recurring and (event_uid, moment) in overrides and moment != start:
                continue
            uid = _stable_uid(event_uid, moment, recurring)
            if uid in existing:
                result.add("already in the archive")
                continue
            existing.add(uid)
            shift = moment - start
            row = dict(base, uid=uid, all_day=all_day, timezone=zone[:64])
            row["starts_at"] = _naive(moment)
            row["ends_at"] = _naive(end + shift) if end is not None else None
            row["status"] = _status(event, end + shift if end else moment, now)
            rows.append(row)
    result.counts["meetings"] = len(rows)
    return rows


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _status(event: Any, ends: dt.datetime, now: dt.datetime) -> str:
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return MeetingStatus.CANCELLED.value
    return (MeetingStatus.HELD if ends < now else MeetingStatus.PLANNED).value


def _meeting_values(
    event: Any, title: str, meeting_type: MeetingType, file_name: str, now: dt.datetime
) -> dict[str, Any]:
    record = record_defaults(now, Meeting.default_sensitivity)
    description = _text(event, "DESCRIPTION")
    url = _text(event, "URL", 1000)
    if url:
        description = f"{description}\n{url}".strip()
    notes = [f"Imported from {file_name}"]
    if event.get("UID"):
        notes.append(f"iCalendar UID: {event.get('UID')}")
    if event.get("RRULE"):
        rule = event["RRULE"]
        rule_text = (
            rule.to_ical().decode("utf-8", "replace") if hasattr(rule, "to_ical") else str(rule)
        )
        notes.append(f"Repeats: {rule_text}")
    record.update(
        notes="\n".join(notes),
        meeting_type=meeting_type.value,
        title=title,
        place=_text(event, "LOCATION", 300),
        description=description,
        minutes="",
    )
    return record
