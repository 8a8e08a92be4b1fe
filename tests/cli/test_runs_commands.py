"""Packet history from the terminal: a run rebuilt gives the same bytes, a PDF handed back
is verified against its hash, and a rebuild after an edit says what changed."""

import hashlib
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.reports.pdfs import all_text

from powmia_desktop.cli import main
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import resolve_location
from powmia_desktop.db.models import PacketRun, Serviceman


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        code = main(list(args), out=out)
    except SystemExit as stop:  # argparse: bad usage
        code = int(stop.code or 0)
    return code, out.getvalue()


@pytest.fixture
def demo_db(new_db: Callable[..., str]) -> str:
    db = new_db("demo")
    assert run("--db", db, "init")[0] == 0
    assert run("--db", db, "demo")[0] == 0
    return db


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _press_packet(db: str, out: Path, *choice: str) -> re.Match[str]:
    """A press packet prepared by Bill Dumas; the match of its run's short id."""
    args = ("--audience", "Press", *choice, "--preparer", "Bill Dumas", "--out", str(out))
    code, said = run("--db", db, "packet", *args)
    assert code == 0, said
    short = re.search(r"logged as packet run \d+ \(([0-9a-f]{8})\)", said)
    assert short is not None, said
    return short


def test_a_rebuilt_run_is_the_same_file_and_verify_tells_a_changed_byte(
    demo_db: str, tmp_path: Path
) -> None:
    first = tmp_path / "press.pdf"
    short = _press_packet(demo_db, first, "--case", "1")
    # Rebuilt twice, from the number and from the short id: the same SHA-256 each time.
    again, twice = tmp_path / "again.pdf", tmp_path / "twice.pdf"
    code, said = run("--db", demo_db, "runs", "rebuild", "1", "--out", str(again))
    assert code == 0 and "the same file, byte for byte" in said, said
    assert run("--db", demo_db, "runs", "rebuild", short.group(1), "--out", str(twice))[0] == 0
    assert _sha(first) == _sha(again) == _sha(twice)

    code, said = run("--db", demo_db, "runs", "verify", str(first))
    assert code == 0 and f"Matches run {short.group(1)}" in said, said
    changed = tmp_path / "changed.pdf"
    data = bytearray(first.read_bytes())
    at = data.index(b"/Producer")  # a byte inside the document, not the trailer
    data[at + 2] ^= 0x01
    changed.write_bytes(bytes(data))
    code, said = run("--db", demo_db, "runs", "verify", str(changed))
    assert code == 1 and "Does NOT match" in said, said
    assert f"it names run {short.group(1)}" in said


def test_every_page_names_the_audience_and_the_run(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "press.pdf"
    short = _press_packet(demo_db, out, "--meeting", "2")
    reader = PdfReader(str(out))
    assert reader.metadata is not None
    assert reader.metadata.title == "Press background: Cpl. Roger A. Dumas"
    assert "DPAA" not in reader.metadata.title
    for number, page in enumerate(reader.pages, 1):
        text = page.extract_text() or ""
        assert "For Press — public record only" in text, f"page {number} has no banner"
        assert f"Run {short.group(1)}" in text, f"page {number} has no run id"
    assert "Prepared by Bill Dumas for Press" in all_text(out)


def test_a_rebuild_after_an_edit_says_what_changed(demo_db: str, tmp_path: Path) -> None:
    summary = tmp_path / "summary.pdf"
    code, said = run("--db", demo_db, "summary", "1", "--out", str(summary))
    assert code == 0 and "logged as packet run 1" in said, said
    with Archive.open(resolve_location(demo_db)) as archive, archive.session() as session:
        logged = session.get(PacketRun, 1)
        assert logged is not None and logged.kind == "summary" and logged.case_ids == [1]
        case = session.get(Serviceman, 1)
        assert case is not None
        case.circumstances += " A new letter came in 2026."
    rebuilt = tmp_path / "rebuilt.pdf"
    code, said = run("--db", demo_db, "runs", "rebuild", "1", "--out", str(rebuilt))
    assert code == 0, said
    assert "NOT the same file" in said and "Changed since: Cpl. Roger A. Dumas" in said
    assert _sha(rebuilt) != _sha(summary)


def test_runs_list_and_show_and_bad_input(demo_db: str, tmp_path: Path) -> None:
    code, said = run("--db", demo_db, "runs", "list")
    assert code == 0 and "No packet or case summary" in said
    out = tmp_path / "s.pdf"
    assert run("--db", demo_db, "summary", "1", "--preparer", "Bill", "--out", str(out))[0] == 0
    code, said = run("--db", demo_db, "runs", "list")
    assert code == 0 and "Case summary for Officials: Cpl. Roger A. Dumas" in said
    code, said = run("--db", demo_db, "runs", "show", "1")
    assert code == 0 and "Prepared by: Bill" in said and f"SHA-256: {_sha(out)}" in said
    assert run("--db", demo_db, "runs", "show", "99")[0] == 1
    assert run("--db", demo_db, "runs", "rebuild", "1")[0] == 1  # no --out
    assert run("--db", demo_db, "runs", "verify", str(tmp_path / "missing.pdf"))[0] == 1


def test_a_run_logged_before_contents_were_recorded_says_so(demo_db: str, tmp_path: Path) -> None:
    assert run("--db", demo_db, "summary", "1", "--out", str(tmp_path / "s.pdf"))[0] == 0
    with Archive.open(resolve_location(demo_db)) as archive, archive.session() as session:
        logged = session.get(PacketRun, 1)
        assert logged is not None
        logged.contents, logged.sha256 = {}, "0" * 64  # as an upgraded archive's old run
    code, said = run("--db", demo_db, "runs", "rebuild", "1", "--out", str(tmp_path / "r.pdf"))
    assert code == 0 and "what changed is unknown" in said, said
