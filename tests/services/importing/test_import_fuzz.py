"""Whatever bytes a person feeds the readers, the only error is a PowmiaError."""

import contextlib
import datetime as dt
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.services.importing.calendar import plan_meetings, read_calendars
from powmia_desktop.services.importing.list_rows import (
    LIST_FIELDS,
    cells_of,
    field_columns,
    read_row,
)
from powmia_desktop.services.importing.outcome import ImportResult
from powmia_desktop.services.importing.tabular import parse_table, resolve_mapping
from powmia_desktop.services.importing.vcard import read_vcards

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CSV_PIECES = st.sampled_from(
    ['"', ",", ";", "\t", "\n", "\r\n", "Last Name", "Status", "MIA", "Date of Loss",
     "4 Nov 1950", "Service", "Armee", "RA123", "Home State", "ZZ", "\x00", "\ufeff", "é"]
)  # fmt: skip


@FAST
@given(
    st.lists(CSV_PIECES | st.text(max_size=8), max_size=40),
    st.sampled_from(["utf-8", "cp1252", "utf-16"]),
)
def test_csv_reading_and_row_checks_only_raise_powmia_errors(
    pieces: list[str], encoding: str
) -> None:
    text = "".join(pieces)
    try:
        table = parse_table(text.encode(encoding, "replace"))
        mapping = resolve_mapping(table.headers, LIST_FIELDS, None)
        columns = field_columns(table.headers, mapping)
        for values in table.rows:
            with contextlib.suppress(PowmiaError):
                read_row(cells_of(values, columns))
    except PowmiaError:
        pass


VCARD_PIECES = st.sampled_from(
    ["BEGIN:VCARD\n", "END:VCARD\n", "VERSION:2.1\n", "FN:", "N:", ";", ":", "\n", " ",
     "TEL;WORK;FAX:", "EMAIL;TYPE=internet:", "ADR:;;", "ENCODING=QUOTED-PRINTABLE", "=C3=91",
     "=\n", "PHOTO;ENCODING=b;TYPE=JPEG:", "/9j/4AAQ", "data:image/png;base64,", "\\n",
     "CHARSET=bogus", "item1.", "KIND:org\n", "UID:", "begin:vcard\n"]
)  # fmt: skip


@FAST
@given(st.lists(VCARD_PIECES | st.text(max_size=6), max_size=60))
def test_vcard_reading_only_raises_powmia_errors(pieces: list[str]) -> None:
    try:
        for card in read_vcards("".join(pieces)):
            assert isinstance(card.display_name, str)
    except PowmiaError:
        pass


ICS_PIECES = st.sampled_from(
    ["BEGIN:VCALENDAR\n", "END:VCALENDAR\n", "BEGIN:VEVENT\n", "END:VEVENT\n",
     "DTSTART:", "DTSTART;VALUE=DATE:", "DTSTART;TZID=America/Denver:", "DTEND:",
     "DTSTART;TZID=\"(UTC-05:00) Eastern\":", "20240105T090000", "20240105", "Z", "\n",
     "RRULE:FREQ=DAILY", ";COUNT=3", ";UNTIL=20240110T000000Z", ";BYDAY=MO,XX", "RRULE:RRULE:",
     "EXDATE:", "RECURRENCE-ID:", "DURATION:PT1H", "DURATION:P99999999D", "SUMMARY:x",
     "UID:a", "STATUS:CANCELLED", "BEGIN:VTIMEZONE\n", "TZID:x\n", "END:VTIMEZONE\n", ";", ":"]
)  # fmt: skip


@FAST
@given(st.lists(ICS_PIECES | st.text(max_size=6), max_size=60))
def test_calendar_reading_only_raises_powmia_errors(pieces: list[str]) -> None:
    result = ImportResult("meetings", "fuzz.ics")
    try:
        events = read_calendars("".join(pieces).encode("utf-8", "replace"), "fuzz.ics")
        rows = plan_meetings(events, result, set(), max_occurrences=5)
    except PowmiaError:
        return
    for row in rows:
        assert isinstance(row["starts_at"], dt.datetime)


def test_fuzzing_reaches_the_zip_reader_too(tmp_path: Path) -> None:
    """A zip of junk is one clear error (the hostile cases are in test_import_archive)."""
    from powmia_desktop.services.importing.archive_check import read_archive_zip

    path = tmp_path / "junk.zip"
    with zipfile.ZipFile(path, "w") as zipped:
        zipped.writestr("manifest.json", b"\xff\xfe junk")
    try:
        read_archive_zip(path)
    except PowmiaError as error:
        assert "manifest.json" in str(error)
