"""The DNA follow-up and Disputed facts sections: listed across the archive, the chosen
case's details beside the list, a double-click or Open the case opens it in Cases."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.forms import add_row, save

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.cases.disputed import DisputedDetail
from powmia_desktop.gui.cases.followup import FollowUpDetail
from powmia_desktop.gui.main_window import MainWindow

MakeWindow = Callable[[Archive], MainWindow]


def _shown(window: MainWindow, key: str) -> list[str]:
    page = window.section(key).page
    return [page.model.index(i, 0).data() for i in range(page.model.rowCount())]


def test_followup_lists_the_demo_case_until_a_sample_is_on_file(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    qtbot.waitExposed(window)
    window.show_section("dna")
    qtbot.waitUntil(lambda: _shown(window, "dna") == ["Dumas, Roger A."], timeout=10_000)
    page = window.section("dna").page
    page.table.selectRow(0)
    detail = window.section_details["dna"]
    assert isinstance(detail, FollowUpDetail)
    assert detail.isEnabled()
    assert "Bob Dumas (brother)" in detail.helper.summary.text()

    case_id = page.selected_id()
    assert case_id is not None
    qtbot.mouseClick(detail.open_button, Qt.MouseButton.LeftButton)
    assert window.current.key == "cases"
    assert window.section("cases").page.selected_id() == case_id

    # A sample put on file on the case takes it off the list; Undo brings it back.
    editor = window.editors["cases"]
    add_row(
        qtbot,
        editor,
        "reference_samples",
        {"donor_id": "Bob Dumas", "line": "mtDNA (maternal)", "status": "On file"},
    )
    save(window, editor)
    window.show_section("dna")
    qtbot.waitUntil(lambda: _shown(window, "dna") == [], timeout=10_000)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _shown(window, "dna") == ["Dumas, Roger A."], timeout=10_000)


def test_disputed_facts_listed_and_shown_with_their_sources(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show_section("disputed")
    page = window.section("disputed").page
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    facts = sorted(page.model.index(i, 1).data() for i in range(4))
    assert facts == ["Capture place", "Date of the court order", "Last seen", "Rank"]
    page.table.selectRow(0)
    detail = window.section_details["disputed"]
    assert isinstance(detail, DisputedDetail)
    text = detail.text.toPlainText()
    assert "near the village of Anju" in text and "Hartford Courant" in text
    assert "19th Infantry Regiment of the 24th Battalion" not in text  # settled, not disputed
    page.table.doubleClicked.emit(page.model.index(0, 0))
    assert window.current.key == "cases"
    assert window.section("cases").page.selected_id() == detail.case_id
