"""``powmia packet --dry-run``: the review step on the terminal, writing nothing."""

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests.helpers.cli import demo_archive, run
from tests.reports.pdfs import withheld_demo_texts

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import resolve_location
from powmia_desktop.db.models import PacketRun


@pytest.fixture
def db(tmp_path: Path, new_db: Callable[..., str]) -> str:
    return demo_archive(tmp_path, new_db())


def _runs(db: str) -> int:
    with Archive.open(resolve_location(db)) as archive, archive.reader() as session:
        return int(session.scalar(select(func.count()).select_from(PacketRun)) or 0)


def test_dry_run_says_what_each_section_holds_and_writes_nothing(db: str, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    code, said = run(
        "--db", db, "packet", "--audience", "Press", "--meeting", "2", "--case", "1",
        "--out", str(out), "--dry-run", "--list-withheld",
    )  # fmt: skip
    assert code == 0, said
    lines = said.splitlines()
    assert lines[0] == "Would write a packet with the template 'DPAA Family Member Update':"
    assert "  Case summaries: 1 case: Cpl. Roger A. Dumas" in lines
    assert any(line.startswith("  Questions for this meeting: ") for line in lines)
    assert any(line.startswith("  Contacts: ") and "Bill Dumas" in line for line in lines)
    assert any(line.startswith("  Timeline: ") and line.endswith(" events") for line in lines)
    assert "For: Press" in said and "Withheld " in said
    assert "- live sighting report: no. " in said
    assert "A businessman" not in said
    # Nothing of the family's or private records' own words is printed, names included.
    assert [t for t in withheld_demo_texts("family", "private") if t in said] == []
    assert said.rstrip().endswith("Nothing was written (--dry-run).")
    assert not out.exists() and _runs(db) == 0


def test_a_packet_needs_out_unless_dry_run(db: str) -> None:
    code, _ = run("--db", db, "packet", "--audience", "Press")
    assert code == 1 and _runs(db) == 0
