"""Exports read back: vCards, iCalendar, filtered case lists; files never overwritten."""

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import Contact, Meeting, Serviceman, Task
from powmia_desktop.services.cases import CaseFilter
from powmia_desktop.services.exporting.ics import export_calendar
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.exporting.tables import case_rows, export_list
from powmia_desktop.services.exporting.vcard import export_vcards
from powmia_desktop.services.importing.calendar import import_calendar
from powmia_desktop.services.importing.contacts import import_vcards
from powmia_desktop.services.importing.lists import import_list


def test_vcards_round_trip_through_another_archive(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.vcf", tmp_path / "b.vcf"
    with demo_archive.reader() as session:
        exported = export_vcards(session, first, privacy=Privacy.everything())
    with other_archive.session() as session:
        result = import_vcards(
            session, first, attachments_dir=other_archive.location.attachments_dir
        )
    assert result.counts["contacts"] == exported.count
    with other_archive.reader() as session:
        export_vcards(session, second, privacy=Privacy.everything())
        uids = set(session.scalars(select(Contact.uid)))
    with demo_archive.reader() as session:
        assert uids == set(session.scalars(select(Contact.uid)))
    # Back into the archive it came from: every card is recognised, nothing is added.
    with demo_archive.session() as session:
        again = import_vcards(session, second, attachments_dir=None)
    assert again.counts["contacts"] == 0 and again.counts["merged"] == exported.count


def test_meetings_and_due_tasks_go_to_icalendar(demo_archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "m.ics"
    with demo_archive.session() as session:
        meeting = session.scalars(select(Meeting)).first()
        assert meeting is not None
        meeting.starts_at = dt.datetime(2006, 10, 20, 13, 30, tzinfo=dt.UTC)
        meeting.timezone = "America/New_York"
        meeting.all_day = False
        session.add(Task(title="Send DNA kit", due_on=dt.date(2026, 12, 1)))
        title = meeting.title
    with demo_archive.reader() as session:
        export_calendar(session, path, privacy=Privacy.everything())
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    start = events[title].decoded("DTSTART")
    assert start == dt.datetime(2006, 10, 20, 13, 30, tzinfo=dt.UTC)
    assert str(start.tzinfo) == "America/New_York"
    todos = {str(t["SUMMARY"]): t for t in calendar.walk("VTODO")}
    assert todos["Send DNA kit"].decoded("DUE") == dt.date(2026, 12, 1)
    # The same meetings imported back into their archive are recognised by uid.
    with demo_archive.session() as session:
        result = import_calendar(session, path)
    assert result.counts["meetings"] == 0


def test_the_case_list_export_applies_the_filter(demo_archive: Archive) -> None:
    with demo_archive.session() as session:
        session.add(Serviceman(surname="Smith", given_names="John", unit="1st Marine Division"))
    with demo_archive.reader() as session:
        headers, rows = case_rows(session, CaseFilter(text="marine"), Privacy.everything())
        assert headers[:4] == ["Name", "Rank", "Unit", "Loss date"]
        assert [r[0] for r in rows] == ["Smith, John"]
        assert len(case_rows(session, None, Privacy.everything())[1]) == 2


def test_an_export_never_overwrites_unless_asked(demo_archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("keep me")
    with demo_archive.reader() as session:
        with pytest.raises(ValidationError, match="already exists"):
            export_list(session, "cases", path)
        assert path.read_text() == "keep me"
        export_list(session, "cases", path, overwrite=True)
    assert path.read_text(encoding="utf-8-sig").startswith("Name,")
    assert not list(tmp_path.glob(".*.part"))


def test_the_case_lists_schema_columns_import_back_into_another_archive(
    demo_archive: Archive, tmp_path: Path
) -> None:
    with demo_archive.session() as session:
        case = session.scalars(select(Serviceman)).one()
        case.home_city, case.home_county, case.suffix = "Waterbury", "New Haven", "Jr."
    path = tmp_path / "cases.csv"
    with demo_archive.reader() as session:
        export_list(session, "cases", path, privacy=Privacy.everything())
    header = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "Home of record: city" in header and "Place of loss" in header
    other = Archive.open(location_for_path(tmp_path / "other.sqlite"), create=True)
    try:
        with other.session() as session:
            import_list(session, path)
        with other.reader() as session:
            copy = session.scalars(select(Serviceman)).one()
            assert (copy.home_city, copy.home_county, copy.suffix) == (
                "Waterbury",
                "New Haven",
                "Jr.",
            )
            assert copy.loss_place_text == case.loss_place_text
            assert copy.service_number == case.service_number
    finally:
        other.close()
