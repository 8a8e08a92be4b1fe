"""A list row confirmed at review whose case is then deleted, driven through the window: it
reads as unmatched in the list's rows and the list of lists, undo matches it again, and it
can be matched again to another case from under the rows (each decision one undo step)."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from tests.gui.test_lists_section import _open_list
from tests.helpers.large_text import LARGE, cut_short, settle, shown_window, text_size
from tests.services.lists.listfiles import import_namesakes

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.lists.match_again import CaseChooser
from powmia_desktop.gui.lists.section import ListDetail
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.lists import review

MakeWindow = Callable[[Archive], MainWindow]


@pytest.fixture
def lists(archive: Archive, tmp_path: Path) -> Archive:
    """ "John Smyth" of "Last Seen Alive" held beside John Smythe and John Smith."""
    import_namesakes(archive, tmp_path)
    return archive


def _smyth(qtbot: QtBot, detail: ListDetail) -> tuple[str, str, str]:
    """John Smyth's match, case and notes as the rows tab shows them, once read."""
    qtbot.waitUntil(lambda: not detail.rows_tab.loading, timeout=10_000)
    row = next(r for r in detail.rows.visible_rows() if r.name_as_printed == "John Smyth")
    return row.match, row.case_name, row.notes


def _counted(window: MainWindow) -> tuple[int, int, int]:
    """Matched, held and unmatched as the list of lists shows them for Last Seen Alive."""
    rows = window.section("lists").page.shown_rows()
    lsa = next(r for r in rows if r.title == "Last Seen Alive")
    return lsa.matched, lsa.held, lsa.unmatched


def _select_smyth(qtbot: QtBot, detail: ListDetail) -> None:
    _smyth(qtbot, detail)
    names = [r.name_as_printed for r in detail.rows.visible_rows()]
    detail.rows_tab.table.selectRow(names.index("John Smyth"))


def test_a_confirmed_row_whose_case_is_deleted_is_unmatched_until_undo_and_matched_again(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive
) -> None:
    window = make_window(lists)
    window.show()
    detail = _open_list(qtbot, window, "Last Seen Alive")
    queue = detail.review
    queue.held_table.selectRow(0)
    smythe, smith = queue.held.row_at(0).candidates
    queue.choose(1)
    qtbot.mouseClick(queue.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _smyth(qtbot, detail)[:2] == ("matched", "Smith, John"))
    qtbot.waitUntil(lambda: _counted(window) == (1, 1, 0), timeout=10_000)

    window.ops.delete("Delete case Smith, John", "serviceman", smith.case_id)
    qtbot.waitUntil(lambda: _smyth(qtbot, detail)[0] == "unmatched", timeout=10_000)
    assert _smyth(qtbot, detail) == (
        "unmatched",
        "",
        "Its case was deleted (matched as: Confirmed at review (held as: similar name (90%)))",
    )
    qtbot.waitUntil(lambda: _counted(window) == (0, 1, 1), timeout=10_000)
    assert queue.held.rowCount() == 1  # not back in the queue: it has no case to be beside
    assert "1 of them matched to a case deleted since" in detail.rows_tab.status.text()
    detail.tabs.setCurrentWidget(detail.rows_tab)
    _select_smyth(qtbot, detail)
    bar = detail.rows_tab.match_again
    assert bar.isVisible() and "its case was deleted" in bar.label.text()

    window.undo_action.trigger()  # the case and the row's link to it come back
    qtbot.waitUntil(lambda: _smyth(qtbot, detail)[:2] == ("matched", "Smith, John"))
    qtbot.waitUntil(lambda: _counted(window) == (1, 1, 0), timeout=10_000)
    assert "deleted since" not in detail.rows_tab.status.text()
    _select_smyth(qtbot, detail)
    assert not bar.isVisible()

    window.redo_action.trigger()  # deleted again: matched again, to Smythe this time
    qtbot.waitUntil(lambda: _smyth(qtbot, detail)[0] == "unmatched", timeout=10_000)
    _select_smyth(qtbot, detail)
    chosen: list[str] = []

    def choose() -> None:
        chooser = bar.findChild(CaseChooser)
        assert chooser is not None
        chooser.words.setText("Smythe")
        chosen.append(chooser.cases.currentItem().text())
        chooser.accept()

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(bar.match_button, Qt.MouseButton.LeftButton)
    assert chosen == [f"Smythe, John (case {smythe.case_id})"]
    qtbot.waitUntil(lambda: _smyth(qtbot, detail)[:2] == ("matched", "Smythe, John"))
    assert _smyth(qtbot, detail)[2] == "Confirmed at review (its case had been deleted)"
    qtbot.waitUntil(lambda: _counted(window) == (1, 1, 0), timeout=10_000)
    assert "Confirm John Smyth as Smythe, John" in window.undo_action.text()

    window.undo_action.trigger()  # one step: unmatched again, its case still deleted
    qtbot.waitUntil(lambda: _smyth(qtbot, detail)[0] == "unmatched", timeout=10_000)
    qtbot.waitUntil(lambda: _counted(window) == (0, 1, 1), timeout=10_000)


def test_the_decisions_and_the_chooser_keep_their_words_at_a_large_text_size(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive
) -> None:
    with lists.session() as session:
        smyth = review.held_rows(session)[0]
        review.confirm_match(session, smyth.membership_id, smyth.candidates[1].case_id)
    with text_size(LARGE):
        window = shown_window(qtbot, make_window, lists)
        detail = _open_list(qtbot, window, "Last Seen Alive")
        window.ops.delete("Delete case Smith, John", "serviceman", smyth.candidates[1].case_id)
        qtbot.waitUntil(lambda: _smyth(qtbot, detail)[0] == "unmatched", timeout=10_000)
        detail.tabs.setCurrentWidget(detail.rows_tab)
        _select_smyth(qtbot, detail)
        settle()
        assert detail.rows_tab.match_again.isVisible()
        assert cut_short(detail.rows_tab) == []
        row = detail.rows_tab.current()
        assert row is not None
        chooser = CaseChooser(window.ops, row, window)
        qtbot.addWidget(chooser)
        chooser.show()
        settle()
        # "Smyth" begins "Smythe": the name as printed finds him at once
        assert chooser.cases.count() == 1 and chooser.ok.isEnabled()
        assert cut_short(chooser) == []
