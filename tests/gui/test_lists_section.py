"""The Lists section driven through its widgets: the review queue's three decisions, each
undone by Edit > Undo; the cross-reference tab; a case's "Appears on" tab."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from tests.services.lists.listfiles import NEAR_DUPLICATES, ROSTER, import_text

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import NameVariant, Serviceman
from powmia_desktop.gui.lists.section import ListDetail
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.lists import crossref

MakeWindow = Callable[[Archive], MainWindow]


def _cases(archive: Archive) -> tuple[int, int]:
    """How many cases, and how many names they have besides their own."""
    with archive.reader() as session:
        return (
            session.scalar(select(func.count()).select_from(Serviceman)) or 0,
            session.scalar(select(func.count()).select_from(NameVariant)) or 0,
        )


def _open_list(qtbot: QtBot, window: MainWindow, title: str) -> ListDetail:
    window.show_section("lists")
    page = window.section("lists").page
    with window.archive.reader() as session:
        source_id = crossref.find_list(session, title).source_id
    qtbot.waitUntil(lambda: page.select_id(source_id), timeout=10_000)
    detail = window.section_details["lists"]
    assert isinstance(detail, ListDetail)
    qtbot.waitUntil(lambda: detail.source_id == source_id, timeout=10_000)
    return detail


@pytest.fixture
def lists(archive: Archive, tmp_path: Path) -> Archive:
    """The roster imported, then a list whose two rows are held as possible duplicates."""
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    import_text(archive, tmp_path, "lsa.csv", NEAR_DUPLICATES, "Last Seen Alive")
    return archive


def _queue_names(detail: ListDetail) -> list[str]:
    return [r.name_as_printed for r in detail.review.held.visible_rows()]


def test_two_held_rows_one_confirmed_one_made_a_case_and_undo_restores_the_queue(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive
) -> None:
    archive = lists
    cases = _cases(archive)
    window = make_window(archive)
    window.show()
    detail = _open_list(qtbot, window, "Last Seen Alive")
    detail.tabs.setCurrentWidget(detail.review)
    queue = detail.review
    assert _queue_names(detail) == ["John Smyth", "Albert Browne"]
    assert detail.tabs.tabText(1) == "Review queue (2)"
    # Side by side: the row's facts against the case's, the differing ones marked.
    queue.held_table.selectRow(0)
    facts = {f.field: (f.on_list, f.on_case, f.differs) for f in queue.facts.visible_rows()}
    assert facts["Surname"] == ("Smyth", "Smith", True)
    assert facts["Given names"] == ("John", "John", False)
    assert "Smith, John" in queue.side_label.text()

    qtbot.mouseClick(queue.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _queue_names(detail) == ["Albert Browne"])
    queue.held_table.selectRow(0)
    qtbot.mouseClick(queue.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _queue_names(detail) == [])
    assert queue.empty_label.isVisible() and not queue.confirm_button.isEnabled()
    # One case more, and the list's spelling "John Smyth" kept as a name of Smith's case.
    assert _cases(archive) == (cases[0] + 1, cases[1] + 1)
    # The rows in the list's own columns, as printed.
    headers = [c.header for c in detail.rows.columns]
    assert headers[:5] == ["Row", "Match", "Case", "Last Name", "First Name"]
    assert detail.rows.index(0, 3).data() == "Smyth" and detail.rows.index(1, 1).data() == "new"
    matches = {r.name_as_printed: (r.match, r.case_name) for r in detail.rows.visible_rows()}
    assert matches == {
        "John Smyth": ("matched", "Smith, John"),
        "Albert Browne": ("new", "Browne, Albert"),
    }
    assert "New case from Albert Browne" in window.undo_action.text()

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _queue_names(detail) == ["Albert Browne"])
    assert _cases(archive) == (cases[0], cases[1] + 1)  # the case made is gone again
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _queue_names(detail) == ["John Smyth", "Albert Browne"])
    assert _cases(archive) == cases  # and the spelling the confirmation kept
    assert {r.match for r in detail.rows.visible_rows()} == {"possible duplicate"}
    # Redo makes the same decisions again, the same case included.
    window.redo_action.trigger()
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: _queue_names(detail) == [])
    assert _cases(archive) == (cases[0] + 1, cases[1] + 1)


def test_a_rejected_row_leaves_the_queue_and_stays_on_the_list(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive
) -> None:
    archive = lists
    window = make_window(archive)
    detail = _open_list(qtbot, window, "Last Seen Alive")
    detail.review.held_table.selectRow(1)
    qtbot.mouseClick(detail.review.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _queue_names(detail) == ["John Smyth"])
    assert [r.match for r in detail.rows.visible_rows()] == ["possible duplicate", "unmatched"]


def test_the_cross_reference_tab_compares_with_another_list_and_saves_csv(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive, tmp_path: Path
) -> None:
    archive = lists
    window = make_window(archive)
    detail = _open_list(qtbot, window, "DPAA roster")
    tab = detail.crossref
    with archive.reader() as session:
        other = crossref.find_list(session, "Last Seen Alive").source_id
    tab.choose(("against", str(other)))
    qtbot.mouseClick(tab.show_button, Qt.MouseButton.LeftButton)
    shown = {(r.group, r.name) for r in tab.model.visible_rows()}
    assert ("On DPAA roster, not on Last Seen Alive", "Dumas, Roger A.") in shown
    assert ("On Last Seen Alive, not on DPAA roster", "John Smyth") in shown
    # The previous edition: this list has one, and the tab says so in a line.
    tab.choose(("editions", ""))
    qtbot.mouseClick(tab.show_button, Qt.MouseButton.LeftButton)
    assert "1 imported edition" in tab.summary.text() and tab.model.rowCount() == 0
    tab.choose(("against", str(other)))
    tab.run()
    target = tmp_path / "x.csv"
    tab.save(target)
    assert "John Smyth" in target.read_text(encoding="utf-8-sig")


def test_a_case_shows_the_lists_it_appears_on(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive, tmp_path: Path
) -> None:
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    window = make_window(archive)
    with archive.reader() as session:
        dumas = session.scalars(select(Serviceman.id).where(Serviceman.surname == "Dumas")).one()
    window.open_record("case", dumas)
    editor = window.editors["cases"]
    qtbot.waitUntil(lambda: editor.record_id == dumas, timeout=10_000)
    panel = next(p for p in editor.panels if type(p).__name__ == "AppearsOnPanel")
    rows = panel.model.visible_rows()  # type: ignore[attr-defined]
    assert [(a.list_title, a.row_number, a.name_as_printed) for a in rows] == [
        ("DPAA roster", 2, "Roger A. Dumas")
    ]
    # Double-click opens the list in the Lists section.
    panel.open_record.emit("list", rows[0].source_id)
    assert window.current.key == "lists"
    assert window.section_details["lists"].source_id == rows[0].source_id  # type: ignore[attr-defined]
