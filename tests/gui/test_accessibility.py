"""Every control of the main window has a name a screen reader can say, the sections are
reached from the keyboard, and text grows with the application's font."""

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


def _buddies(root: QWidget) -> dict[int, str]:
    """The widgets a label names (its buddy), by id, with the label's words."""
    named: dict[int, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().strip():
            named[id(buddy)] = label.text()
    return named


def _inside_a_control(widget: QWidget) -> bool:
    """Part of a named control: a combo box's popup, a line edit's clear button."""
    parent = widget.parentWidget()
    for _ in range(2):
        if parent is None:
            return False
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit):
            return True
        parent = parent.parentWidget()
    return False


def _nameless(root: QWidget) -> list[str]:
    buddies = _buddies(root)
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName().startswith("qt_") or _inside_a_control(widget):
            continue  # Qt's own parts: a table's corner, a combo box's popup list
        if isinstance(widget, QAbstractButton) and widget.text().strip():
            continue
        if widget.accessibleName().strip():
            continue
        owners = [widget]
        while owners[-1].parentWidget() is not None and owners[-1] is not root:
            owners.append(owners[-1].parentWidget())  # type: ignore[arg-type]
        if any(id(owner) in buddies for owner in owners[:3]):
            continue
        chain = " < ".join(
            f"{type(w).__name__}{'#' + w.objectName() if w.objectName() else ''}"
            for w in owners[:4]
        )
        missing.append(chain)
    return missing


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
    assert _nameless(window) == []


def test_every_section_is_on_the_go_menu_with_a_shortcut(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    entries = window.go_menu.actions()
    assert [a.text() for a in entries] == ["Home"] + [s.title for s in window.sections]
    assert entries[1].shortcut().toString() == "Ctrl+2"
    entries[3].trigger()
    assert window.current.key == window.sections[2].key and not window.on_home
    entries[0].trigger()
    assert window.on_home
    shown = {a.shortcut().toString() for a in window.findChildren(type(entries[0]))}
    assert {"Ctrl+F", "Ctrl+N", "Ctrl+S", "Ctrl+Z", "Ctrl+I", "Ctrl+E"} <= shown


def test_undo_is_short_on_the_toolbar_and_whole_in_its_tooltip(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    assert window.undo_action.iconText() == "Undo"
    assert window.undo_action.toolTip() == "Nothing to undo (Ctrl+Z)"
    window.show_section("contacts")
    editor = window.editors["contacts"]
    name = editor.forms[0].editors["display_name"]
    assert isinstance(name, QLineEdit)
    name.clear()
    qtbot.keyClicks(name, "Ruth Dumas Example")
    editor.save()
    assert window.undo_action.iconText() == "Undo"
    assert window.undo_action.toolTip().startswith("Undo Edit contact Ruth Dumas Example")
    assert window.undo_action.toolTip().endswith("(Ctrl+Z)")
    assert not window.undo_action.icon().isNull() and not window.redo_action.icon().isNull()


def test_headings_grow_with_the_application_font(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    large = QFont(before)
    large.setPointSizeF(20)
    app.setFont(large)
    try:
        window = make_window(demo_archive)
        window.show()
        window.show_section("cases")
        heading = window.editors["cases"].heading.font()
        assert heading.pointSizeF() >= 20 * 1.4
        title = window.home.findChildren(QLabel)[0].font()
        assert title.pointSizeF() >= 20
    finally:
        app.setFont(before)
