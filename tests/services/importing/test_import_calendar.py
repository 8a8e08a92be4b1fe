"""Importing calendars: every real .ics, time zones, all-day days and repeats."""

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Meeting
from powmia_desktop.services.importing.calendar import import_calendar

# VEVENT count of each file (shared/data/real/README.md, checked with grep), the events
# rejected (a start that is no date: "Next Year", and a TZID quoted around the time), and
# whether the file has repeating events (which become several meetings each).
CALENDARS = {
    "icalendar/alarm_etar_future.ics": (1, 0, False),
    "icalendar/alarm_google_future.ics": (1, 0, False),
    "icalendar/alarm_thunderbird_future.ics": (1, 0, False),
    "node-ical/Office-2012-owa.ics": (4, 0, True),
    "node-ical/badRRULE.ics": (3, 0, True),
    "node-ical/festival-multiday-rrule.ics": (128, 0, True),
    "node-ical/ms_timezones.ics": (4, 1, True),
    "node-ical/multi-event-basic.ics": (9, 1, False),
    "node-ical/tentative-apple-calendar.ics": (4, 0, False),
    "node-ical/tripit-location-escaping.ics": (47, 0, False),
    "node-ical/tv-show-episode.ics": (27, 0, False),
    "thunderbird/USHolidays-autogen.ics": (700, 0, False),
    "thunderbird/USHolidays-community-essentialpim.ics": (30, 0, True),
}


def meetings(archive: Archive) -> int:
    with archive.reader() as session:
        return session.scalar(select(func.count()).select_from(Meeting)) or 0


@pytest.mark.parametrize("name", sorted(CALENDARS))
def test_every_real_calendar_imports(real: Path, archive: Archive, name: str) -> None:
    events, rejected, repeats = CALENDARS[name]
    with archive.session() as session:
        result = import_calendar(session, real / "calendar" / name)
    assert result.counts["events"] == events
    assert len(result.rejected) == rejected
    assert all("is not a date or time" in p.reason for p in result.rejected)
    made = meetings(archive)
    assert made == result.counts["meetings"]
    if repeats:
        assert made > events - rejected
    else:
        duplicates = result.counts.get("already in the archive", 0)
        assert made == events - rejected - duplicates


def test_a_broken_repeat_rule_never_raises(real: Path, archive: Archive) -> None:
    with archive.session() as session:
        result = import_calendar(session, real / "calendar" / "node-ical" / "badRRULE.ics")
    assert result.counts["meetings"] >= 3
    assert len(result.notes) >= 1


def test_importing_a_calendar_twice_adds_nothing(real: Path, archive: Archive) -> None:
    path = real / "calendar" / "node-ical" / "tripit-location-escaping.ics"
    for _ in range(2):
        with archive.session() as session:
            result = import_calendar(session, path)
    assert result.counts["meetings"] == 0 and meetings(archive) == 47


ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:weekly-1
DTSTART;TZID=America/New_York:20240105T090000
DTEND;TZID=America/New_York:20240105T100000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=America/New_York:20240112T090000
SUMMARY:Family call
END:VEVENT
BEGIN:VEVENT
UID:weekly-1
RECURRENCE-ID;TZID=America/New_York:20240119T090000
DTSTART;TZID=America/New_York:20240119T140000
SUMMARY:Family call (moved)
END:VEVENT
BEGIN:VEVENT
UID:allday
DTSTART;VALUE=DATE:20060914
DTEND;VALUE=DATE:20060916
SUMMARY:Korean War Family Update
LOCATION:Arlington, VA
STATUS:CANCELLED
END:VEVENT
BEGIN:VEVENT
UID:forever
DTSTART:20200101T120000Z
RRULE:FREQ=DAILY
SUMMARY:Daily
END:VEVENT
BEGIN:VEVENT
UID:windows
DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20201028T133000
SUMMARY:Offset zone
END:VEVENT
END:VCALENDAR
"""


def test_zones_all_day_repeats_exceptions_and_the_bound(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "t.ics"
    path.write_text(ICS)
    with archive.session() as session:
        result = import_calendar(session, path, max_occurrences=10)
    assert any("beyond 10 times" in n for n in result.notes)
    with archive.reader() as session:
        rows = {
            (m.title, m.starts_at): m
            for m in session.scalars(select(Meeting).order_by(Meeting.starts_at))
        }
    calls = sorted(start for title, start in rows if title.startswith("Family call"))
    # 5, 12 (excluded), 19 (moved to 14:00), 26 January; EST is UTC-5.
    assert calls == [
        dt.datetime(2024, 1, 5, 14, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 19, 19, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 26, 14, tzinfo=dt.UTC),
    ]
    first = rows[("Family call", calls[0])]
    assert first.timezone == "America/New_York" and first.ends_at == calls[0] + dt.timedelta(
        hours=1
    )
    update = rows[("Korean War Family Update", dt.datetime(2006, 9, 14, tzinfo=dt.UTC))]
    assert update.all_day and update.place == "Arlington, VA"
    assert update.status.value == "cancelled"
    assert sum(1 for title, _ in rows if title == "Daily") == 10
    offset = rows[("Offset zone", dt.datetime(2020, 10, 28, 18, 30, tzinfo=dt.UTC))]
    assert offset.status.value == "held"


def test_what_is_no_calendar_is_refused_plainly(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "x.ics"
    path.write_text("hello")
    with pytest.raises(ValidationError, match="calendar"), archive.session() as session:
        import_calendar(session, path)
