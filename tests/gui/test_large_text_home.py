"""The home page at a large text size on a laptop screen: the names of the records changed
last are read, not cut to a few letters, and "Back up now" is in view without scrolling;
under it the status bar says where the archive is, shortened in its middle, beside the
whole counts (with whether it was backed up)."""

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from tests.helpers.large_text import LARGE, WINDOW, shown_window, text_size

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.home.links import Box, ElidedLabel, RecordLink
from powmia_desktop.gui.main_window import MainWindow

MakeWindow = Callable[[Archive], MainWindow]
#: Enough of a name to know the record by ("Korean War POW/MIA Peace T…").
READ = 25


def _shown(link: RecordLink) -> str:
    """What the line shows of its name, without the "…" of a cut."""
    return link.text().removesuffix("…")


def test_recent_changes_and_back_up_now_have_room_at_a_large_text_size(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        window = shown_window(qtbot, make_window, demo_archive)
        recent = next(
            b for b in window.home.findChildren(Box) if b.title.text() == "Recent changes"
        )
        links = recent.findChildren(RecordLink)
        assert len(links) >= 5
        for link in links:
            assert len(_shown(link)) >= min(READ, len(link.item.text)), link.item.text
            assert link.item.text.startswith(_shown(link))
        # when it was changed is read whole; what was done is said in its tooltip
        for label in recent.findChildren(ElidedLabel):
            assert label.text() == label.full and label.full.startswith("today ")
            assert label.toolTip() in (f"added {label.full}", f"changed {label.full}")

        backup = next(b for b in window.home.findChildren(QPushButton) if b.text() == "Back up now")
        viewport = window.home.viewport()
        bottom = backup.mapTo(viewport, backup.rect().bottomLeft()).y()
        assert backup.isVisible() and bottom <= viewport.height(), "Back up now is out of view"


def test_the_archive_s_place_leaves_the_counts_whole_in_the_status_bar(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        window = shown_window(qtbot, make_window, demo_archive)
        bar, counts = window.statusBar(), window.status_label
        place = demo_archive.location.display
        metrics = bar.fontMetrics()
        whole = metrics.horizontalAdvance(f"Archive: {place}")
        assert whole + counts.fontMetrics().horizontalAdvance(counts.text()) > WINDOW[0] - 60
        message = bar.currentMessage()
        head, _, tail = message.removeprefix("Archive: ").partition("…")
        assert message.startswith("Archive: /") and place.startswith(head)
        assert tail and place.endswith(tail) and place.endswith(".sqlite")
        qtbot.waitUntil(lambda: counts.shown_text() == counts.text())
        assert "not backed up yet" in counts.shown_text()
        assert metrics.horizontalAdvance(message) <= counts.message_room()
