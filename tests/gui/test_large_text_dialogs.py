"""Windows at a large text size: a dialog's size, chosen in pixels for the smallest text,
grows with the text a person chose (so its lists and names keep their room) and never
exceeds the screen it opens on; so do the columns sized for the names in them."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.large_text import LARGE, text_size

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.fonts import BASE_POINTS, SCREEN_MARGINS, size_for_text
from powmia_desktop.gui.imports.wizard import ImportWizard
from powmia_desktop.gui.maintenance import BackupsDialog, CheckDialog
from powmia_desktop.gui.packets import PacketDialog
from powmia_desktop.gui.packets.history import PrintedPacketsDialog
from powmia_desktop.gui.search_dialog import SearchDialog
from powmia_desktop.services.search import SearchResults, search


def _found(archive: Archive) -> SearchResults:
    with archive.reader() as session:
        return search(session, "Dumas")


def test_a_window_s_size_grows_with_the_text_within_the_screen(qtbot: QtBot) -> None:
    def sized(points: float, width: int, height: int) -> QSize:
        with text_size(round(points)):
            widget = QWidget()  # takes the program's text size when made
            qtbot.addWidget(widget)
            assert widget.font().pointSize() == round(points)
            return size_for_text(widget, width, height)

    assert sized(BASE_POINTS, 300, 200) == QSize(300, 200)
    assert sized(9, 300, 200) == QSize(300, 200)  # smaller text: not smaller windows
    grown = QSize(round(300 * LARGE / BASE_POINTS), round(200 * LARGE / BASE_POINTS))
    assert sized(LARGE, 300, 200) == grown
    widget = QWidget()
    qtbot.addWidget(widget)
    screen = widget.screen().availableGeometry().size() - SCREEN_MARGINS
    assert sized(LARGE, 5000, 100) == QSize(screen.width(), 145)


def test_the_dialogs_fit_the_screen_at_a_large_text_size(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        dialogs = [
            SearchDialog(_found(demo_archive)),
            BackupsDialog(demo_archive),
            CheckDialog(demo_archive),
            PrintedPacketsDialog(demo_archive),
            ImportWizard(demo_archive),
            PacketDialog(demo_archive),
        ]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            room = dialog.screen().availableGeometry()
            assert dialog.width() <= room.width() and dialog.height() <= room.height(), dialog
            assert dialog.width() >= min(700, room.width() - SCREEN_MARGINS.width()), dialog


def test_search_results_name_what_was_found_at_a_large_text_size(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        dialog = SearchDialog(_found(demo_archive))
        qtbot.addWidget(dialog)
        tree = dialog.tree
        letters = tree.fontMetrics().averageCharWidth()
        assert letters > 10  # the text is large
        assert tree.columnWidth(0) >= letters * 40
        hit = tree.topLevelItem(0).child(0)
        assert hit.toolTip(0) == hit.text(0)  # a name cut short is whole when pointed at


def test_the_check_s_columns_grow_with_the_text(qtbot: QtBot, demo_archive: Archive) -> None:
    with text_size(LARGE):
        dialog = CheckDialog(demo_archive)
        qtbot.addWidget(dialog)
        letter = dialog.tree.fontMetrics().averageCharWidth()
        assert letter > 10  # the text is large
        assert dialog.tree.columnWidth(0) >= letter * 16  # "missing attachment"
        assert dialog.tree.columnWidth(1) >= letter * 50
