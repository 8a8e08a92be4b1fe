"""Meetings and the due dates of tasks as iCalendar, for any calendar program.

A meeting is a VEVENT (its uid the event's UID, its zone as TZID when it has one, all-day
meetings as dates); a task with a due date is a VTODO with DUE (and COMPLETED when done).
What is above the privacy ceiling stays out.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import icalendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop import __version__
from powmia_desktop.core.vocab import MeetingStatus
from powmia_desktop.db.models import Meeting, Task
from powmia_desktop.db.tables import table_of
from powmia_desktop.services.audience import RedactionLog
from powmia_desktop.services.exporting.files import ExportResult, write_atomically, write_bytes
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, Privacy, visible


def _local(moment: dt.datetime, zone_name: str) -> dt.datetime:
    if zone_name:
        try:
            return moment.astimezone(zoneinfo.ZoneInfo(zone_name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return moment.astimezone(dt.UTC)


def calendar_bytes(
    session: Session, privacy: Privacy = DEFAULT_PRIVACY, log: RedactionLog | None = None
) -> tuple[bytes, int]:
    """The .ics text of every meeting and every task with a due date, and how many."""
    gate = privacy.gate(RedactionLog() if log is None else log)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//powmia-desktop//{__version__}//EN")
    calendar.add("version", "2.0")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    count = 0
    meetings = (
        select(Meeting)
        .where(visible(table_of(Meeting), privacy))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    for meeting in session.scalars(meetings):
        if meeting.starts_at is None:
            continue
        event = icalendar.Event()
        event.add("uid", meeting.uid)
        event.add("dtstamp", stamp)
        event.add("summary", gate.text(meeting, meeting.title, "title", meeting.title))
        if meeting.all_day:
            event.add("dtstart", meeting.starts_at.date())
            if meeting.ends_at is not None:
                event.add("dtend", meeting.ends_at.date())
        else:
            event.add("dtstart", _local(meeting.starts_at, meeting.timezone))
            if meeting.ends_at is not None:
                event.add("dtend", _local(meeting.ends_at, meeting.timezone))
        if meeting.place:
            event.add("location", gate.text(meeting, meeting.place, "place", meeting.title))
        if meeting.description:
            event.add(
                "description", gate.text(meeting, meeting.description, "description", meeting.title)
            )
        if meeting.status is MeetingStatus.CANCELLED:
            event.add("status", "CANCELLED")
        elif meeting.status is MeetingStatus.HELD:
            event.add("status", "CONFIRMED")
        else:
            event.add("status", "TENTATIVE")
        calendar.add_component(event)
        count += 1
    tasks = (
        select(Task)
        .where(visible(table_of(Task), privacy), Task.due_on.is_not(None))
        .order_by(Task.due_on, Task.id)
    )
    for task in session.scalars(tasks):
        todo = icalendar.Todo()
        todo.add("uid", task.uid)
        todo.add("dtstamp", stamp)
        todo.add("summary", gate.text(task, task.title, "title", task.title))
        todo.add("due", task.due_on)
        todo.add("status", "COMPLETED" if task.done else "NEEDS-ACTION")
        calendar.add_component(todo)
        count += 1
    if count:
        calendar.add_missing_timezones()
    return calendar.to_ical(), count


def export_calendar(
    session: Session, path: Path, *, privacy: Privacy = DEFAULT_PRIVACY, overwrite: bool = False
) -> ExportResult:
    log = RedactionLog()
    data, count = calendar_bytes(session, privacy, log)
    write_atomically(path, lambda handle: write_bytes(handle, data), overwrite)
    return ExportResult("meetings and tasks", path, count, log=log)
