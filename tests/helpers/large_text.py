"""Large text in GUI tests: the size a person may choose, the screen it must fit, and how
to find what is cut short."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QRadioButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.helpers.keys import wait_for

if TYPE_CHECKING:
    from powmia_desktop.db.archive import Archive
    from powmia_desktop.gui.main_window import MainWindow

#: A large text size a person may choose (Qt's default on Linux desktops is 9 to 11).
LARGE = 16
#: A common laptop screen.
SCREEN = (1366, 768)
#: What a window gets of ``SCREEN`` once a desktop panel and its title bar take their share.
WINDOW = (1366, 700)


@contextmanager
def text_size(points: int) -> Iterator[None]:
    """The application's text at ``points`` for the block, then as it was."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    font = QFont(before)
    font.setPointSize(points)
    app.setFont(font)
    try:
        yield
    finally:
        app.setFont(before)


def settle() -> None:
    """Let the window's background reads end and the layouts they and any other change
    asked for happen (posted, not done at once): a read's text arriving between the layout
    and the measuring would be measured in room laid out for "Reading…"."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    wait_for(lambda: not _reading(), "the window's background reads")
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _reading() -> bool:
    """A visible timeline chart is still reading, or a visible label says "Reading…" (what
    every background read in the window shows while it runs)."""
    from powmia_desktop.gui.timeline_view.chart import TimelineChart

    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        charts = top.findChildren(TimelineChart)
        if any(chart.isVisible() and chart.canvas.loading for chart in charts):
            return True
        labels = top.findChildren(QLabel)
        if any(label.isVisible() and label.text().startswith("Reading") for label in labels):
            return True
    return False


def cut_short(root: QWidget) -> list[str]:
    """The visible labels, buttons and tabs under ``root`` given less room than their text."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                short = widget.heightForWidth(widget.width()) > widget.height() + 1
            else:
                short = widget.sizeHint().width() > widget.width() + 1
            if short:
                found.append(f"label {widget.text()[:50]!r}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if isinstance(widget, QCheckBox | QRadioButton):
                need = widget.sizeHint().width()
            else:  # the text and icon with a little padding (a style's minimum width aside)
                need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 8
                need += widget.iconSize().width() + 4 if not widget.icon().isNull() else 0
            if need > widget.width() + 1:
                found.append(f"button {widget.text()!r}")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.tabRect(i).width() + 1 < widget.tabSizeHint(i).width():
                    found.append(f"tab {widget.tabText(i)!r}")
    return found


def shown_window(
    qtbot: QtBot, make_window: "Callable[[Archive], MainWindow]", archive: "Archive"
) -> "MainWindow":
    """A main window on ``archive`` at the size a laptop screen gives it, shown and laid
    out (made inside ``text_size``, it takes that size)."""
    window = make_window(archive)
    window.resize(*WINDOW)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window
