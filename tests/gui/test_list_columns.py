"""Lists a person can read: the cases list shows Name · Status · Date of loss · Unit at
first, columns are sized to what they hold with the whole text on hover, and the columns
chosen from the header's menu are remembered per list."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.list_columns import MAIN_CHARS, MAX_CHARS
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


def _shown(page: ListPage) -> list[str]:  # type: ignore[type-arg]
    return page.column_chooser.shown()


def _width(page: ListPage, header: str) -> int:  # type: ignore[type-arg]
    index = [c.header for c in page.model.columns].index(header)
    return page.table.columnWidth(index)


def test_the_cases_list_starts_with_four_readable_columns(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.resize(1366, 768)
    window.show()
    window.show_section("cases")
    page = window.cases_page
    assert _shown(page) == ["Name", "Status", "Date of loss", "Unit"]
    metrics = page.table.fontMetrics()
    assert _width(page, "Name") >= metrics.horizontalAdvance("Dumas, Roger A.")
    assert _width(page, "Status") >= metrics.horizontalAdvance("Status")
    unit = page.model.index(0, 3)
    assert unit.data(Qt.ItemDataRole.ToolTipRole) == (
        "Co. F, 19th Infantry Regiment, 24th Infantry Division"
    )


def test_timeline_titles_are_not_squeezed_by_the_dates(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.resize(1366, 768)
    window.show()
    window.show_section("timeline")
    page = window.section("timeline").page
    page.wait_loaded()
    average = page.table.fontMetrics().averageCharWidth()
    date, title = _width(page, "Date"), _width(page, "Title")
    assert date <= average * MAX_CHARS + 40  # a long "calculated from …" date is cut
    assert title >= average * (MAIN_CHARS - 2) and title > 1.5 * date


def test_columns_chosen_from_the_header_menu_are_remembered_per_list(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    window.show_section("cases")
    chooser = window.cases_page.column_chooser
    menu = chooser.menu()
    ticks = {a.text(): a for a in menu.actions() if a.isCheckable()}
    assert [t for t, a in ticks.items() if a.isChecked()] == [
        "Name", "Status", "Date of loss", "Unit"
    ]  # fmt: skip
    ticks["Rank"].trigger()
    ticks["Unit"].trigger()
    assert _shown(window.cases_page) == ["Name", "Status", "Date of loss", "Rank"]
    for header in ("Name", "Status", "Date of loss"):
        chooser.set_shown(header, False)
    assert _shown(window.cases_page) == ["Rank"]
    chooser.set_shown("Rank", False)  # the last column shown stays
    assert _shown(window.cases_page) == ["Rank"]
    chooser.set_shown("Name", True)
    window.close()

    again = make_window(demo_archive)
    assert _shown(again.cases_page) == ["Name", "Rank"]
    assert _shown(again.section("contacts").page) == [
        "Name",
        "Kind",
        "Title",
        "Organization",
        "Type",
    ]
