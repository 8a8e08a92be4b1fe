"""`powmia summary` and `powmia packet`, run as a person would run them."""

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from tests.cli.test_cli import demo_db, run
from tests.reports.pdfs import all_text

__all__ = ["demo_db"]  # the shared fixture: a demo archive made with `powmia demo`


def test_summary_writes_the_pdf_and_says_what_was_withheld(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "dumas.pdf"
    code, said = run("--db", demo_db, "summary", "1", "--out", str(out))
    assert code == 0
    assert f"Wrote {out}" in said and "summary of Cpl. Roger A. Dumas" in said
    assert "For: Officials (up to Officials)" in said
    assert "Withheld 3 items" in said and "live sighting report" in said
    assert "A businessman" not in said  # only counts unless asked
    text = all_text(out)
    assert "near the village of Anju" in text and "A businessman said" not in text
    code, said = run(
        "--db", demo_db, "summary", "1", "--out", str(out), "--force", "--list-withheld"
    )
    # Each item is named (what and whose), never by its private words.
    assert code == 0 and "- live sighting report: no. " in said
    assert "A businessman" not in said


def test_packet_for_an_audience(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    code, said = run(
        "--db",
        demo_db,
        "packet",
        "--audience",
        "Congressional office",
        "--meeting",
        "2",
        "--prepared-by",
        "Bill Dumas",
        "--out",
        str(out),
    )
    assert code == 0, said
    pages = len(PdfReader(str(out)).pages)
    assert f"({pages} pages) with the template 'DPAA Family Member Update'" in said
    assert "logged as packet run 1" in said
    assert "hides phone numbers" in said
    assert "the audience's rule: hide phone numbers" in said
    text = all_text(out)
    assert "800-892-2490" not in text  # the Army casualty office's phone: hidden by rule
    assert "Questions for this meeting" in text


def test_existing_files_are_not_replaced_without_force(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "exists.pdf"
    out.write_bytes(b"mine")
    args = ["--db", demo_db, "packet", "--audience", "press", "--out", str(out)]
    assert run(*args)[0] == 1
    assert out.read_bytes() == b"mine"
    assert run(*args, "--force")[0] == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_errors_are_one_line(demo_db: str, tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    command = [sys.executable, "-m", "powmia_desktop.cli", "--db", demo_db, "packet"]
    done = subprocess.run(
        [*command, "--audience", "the neighbours", "--out", out],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("powmia: There is no audience 'the neighbours'")
    assert len(done.stderr.strip().splitlines()) == 1
    assert run("--db", demo_db, "summary", "99", "--out", out)[0] == 1
    assert (
        run("--db", demo_db, "packet", "--audience", "press", "--template", "x", "--out", out)[0]
        == 1
    )
    assert not Path(out).exists()
