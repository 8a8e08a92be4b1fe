"""User text is text: markup, right-to-left, Hangul and control characters, everywhere.

A name like ``<b>Bold</b>`` must be shown as those eleven characters in the terminal, in
JSON, in search, in a PDF (escaped before ReportLab reads it) and in the window (Qt labels
set to plain text); Hangul and right-to-left names come back exactly; control characters
(a terminal escape sequence in a name) are dropped on the way in.
"""

import contextlib
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from tests.helpers.sql import db_argument
from tests.safety.test_bad_input import subcommands

from powmia_desktop.cli import main
from powmia_desktop.db.archive import Archive
from powmia_desktop.services.cases import create_case

NAMES = [
    ("<b>Bold</b>", "<script>alert('x')</script>"),
    ("O'Brien & Sons <i>", "Tom &amp; Jerry"),
    ("김", "철수"),
    ("עברי", "דוד"),
    ("العربي", "محمد"),
]
ESCAPE = "\x1b]0;pwned\x07"


@pytest.fixture
def odd_names(demo_archive: Archive) -> Archive:
    with demo_archive.session() as session:
        for surname, given in NAMES:
            create_case(session, surname=surname, given_names=given)
        create_case(session, surname=f"Escape{ESCAPE}d", given_names="Bell\x07Ring")
    return demo_archive


def _cli(archive: Archive, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["--db", db_argument(archive.location), *args], out=out)
    assert code == 0, err.getvalue()
    return out.getvalue()


def test_the_terminal_and_json_get_the_text_exactly(odd_names: Archive) -> None:
    rows = json.loads(_cli(odd_names, "list", "cases", "--json"))
    names = {r["name"] for r in rows}
    for surname, given in NAMES:
        assert f"{surname}, {given}" in names
    assert "Escape]0;pwnedd, BellRing" in names  # the control characters were dropped
    table = _cli(odd_names, "list", "cases")
    assert "<b>Bold</b>" in table and "김" in table and "\x1b" not in table and "\x07" not in table
    for word in ("김", "עברי", "العربي", "Bold", "alert"):
        assert word in _cli(odd_names, "search", "--", word), word


def test_a_pdf_prints_markup_as_text(odd_names: Archive, tmp_path: Path) -> None:
    if "summary" not in subcommands():
        pytest.skip("there is no 'powmia summary' yet")
    case_id = next(
        r["id"]
        for r in json.loads(_cli(odd_names, "list", "cases", "--json"))
        if r["name"].startswith("<b>")
    )
    out = tmp_path / "summary.pdf"
    _cli(odd_names, "summary", str(case_id), "--audience", "family", "--out", str(out))
    text = " ".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert "<b>Bold</b>" in text and "<script>" in text


def test_the_window_shows_markup_as_text(qtbot: QtBot, odd_names: Archive) -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication, QLabel

    from powmia_desktop.gui.main_window import MainWindow

    window = MainWindow(odd_names)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    wrong, seen = [], 0
    for label in window.findChildren(QLabel):
        source = label.text()
        if "Bold" not in source:
            continue
        seen += 1
        if label.textFormat() == label.textFormat().PlainText:
            shown = source
        else:
            document = QTextDocument()
            document.setHtml(source)
            shown = document.toPlainText()
        if "<b>Bold</b>" not in shown:
            wrong.append(f"{label.objectName() or type(label.parent()).__name__}: {shown!r}")
    assert wrong == []
    assert seen >= 1, "no label shows the selected case's name; is this test still looking?"
