"""Text scales with the system's font size: at 16 points the window still fits a common
laptop screen (1366 × 768), and no label or button in the home page, the sections or the
case editor's tabs is cut short (each is given at least the room its text asks for), and a
passing message in the status bar is read whole beside the record counts."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.helpers.large_text import LARGE, SCREEN, cut_short, settle, text_size

from powmia_desktop.app import parse_args
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.status_counts import StatusCounts

MakeWindow = Callable[[Archive], MainWindow]


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    with text_size(LARGE):
        yield


def test_at_a_large_text_size_nothing_is_cut_short(
    qtbot: QtBot, large_text: None, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    assert window.font().pointSize() == LARGE
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= SCREEN[0], "the window is wider than the screen"
    settle()
    seen = {"Home": cut_short(window)}
    for section in window.sections:
        window.show_section(section.key)
        settle()
        seen[section.title] = cut_short(window)
    window.show_section("cases")
    case = window.editors["cases"]
    assert case.record_id is not None
    for tab in range(case.tabs.count()):
        case.tabs.setCurrentIndex(tab)
        settle()
        seen[f"Case: {case.tabs.tabText(tab)}"] = cut_short(window)
    short = {where: what for where, what in seen.items() if what}
    assert not short, "\n".join(f"{where}: {', '.join(what)}" for where, what in short.items())


def test_the_text_size_can_be_chosen_when_the_program_starts() -> None:
    assert parse_args(["--font-size", "16"]).font_size == LARGE
    assert parse_args([]).font_size is None


def test_at_a_large_text_size_a_passing_message_is_read_whole_beside_the_counts(
    qtbot: QtBot, large_text: None, make_window: MakeWindow, demo_archive: Archive
) -> None:
    """The counts give way to a message, shortened with "…", whole in their tooltip."""
    window = make_window(demo_archive)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    counts = window.status_label
    assert isinstance(counts, StatusCounts)
    whole = counts.text()
    assert whole.startswith("1 case · ") and "backed up" in whole
    bar = window.statusBar()
    message = "Backed up automatically on opening to /home/margaret/Documents/archive-backups"
    needed = bar.fontMetrics().horizontalAdvance(message)
    assert needed + counts.fontMetrics().horizontalAdvance(whole) > SCREEN[0] - 60  # too long
    bar.showMessage(message)
    qtbot.waitUntil(lambda: counts.message_room() >= needed)
    assert bar.currentMessage() == message
    shown = counts.shown_text()
    assert shown.endswith("…") and whole.startswith(shown[:-1]) and len(shown) > 1
    assert counts.toolTip() == whole and counts.accessibleDescription() == whole
    assert not cut_short(bar)  # its size asks for no more than it was given
    bar.clearMessage()
    qtbot.waitUntil(lambda: counts.shown_text() == whole)
    assert counts.width() >= counts.fontMetrics().horizontalAdvance(whole)


def test_at_an_even_larger_text_size_the_window_still_fits_the_screen(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    """Every page counts, shown or not: a stack of pages is as wide as its widest. Rows of
    buttons below a list row, a campaign or a held row wrap rather than widen it."""
    with text_size(18):
        window = make_window(demo_archive)
        window.show()
        qtbot.waitExposed(window)
        settle()
        assert window.minimumSizeHint().width() <= SCREEN[0]
