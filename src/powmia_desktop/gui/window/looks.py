"""What makes the window look and work like a well-made program, laid over what the menus
made: icons on the toolbar, the menus and the sidebar; short undo and redo labels in the
toolbar (the whole text in the tooltip); keyboard shortcuts, shown in the menus; a Go menu
that reaches every section from the keyboard; and names for screen readers.
"""

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTabWidget,
    QToolBar,
    QWidget,
)

from powmia_desktop.gui.icons import icon

if TYPE_CHECKING:
    from powmia_desktop.gui.main_window import MainWindow

#: The icon of each menu entry, by its words (without "&" and "…").
MENU_ICONS = {
    "New archive": "new-archive",
    "Open archive": "open",
    "Open recent": "open",
    "Briefing packet": "packet",
    "Print case summary": "print",
    "Printed packets": "packet",
    "Import": "import",
    "Export this list": "export",
    "Export the whole archive": "export",
    "Backup now": "backup",
    "Restore": "restore",
    "Check & repair": "check",
    "Quit": "quit",
    "New record": "new",
    "Save": "save",
    "Delete": "delete",
    "Timeline chart": "chart",
    "About": "about",
    "Search the archive": "search",
}
#: Shortcuts for entries that have none, each given only while nothing else uses it.
SHORTCUTS = {
    "Briefing packet": "Ctrl+Shift+P",
    "Import": "Ctrl+I",
    "Export this list": "Ctrl+E",
    "Backup now": "Ctrl+B",
}


def plain(text: str) -> str:
    """A menu entry's words: "C&heck && repair…" -> "Check & repair"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def decorate(window: "MainWindow") -> None:
    """Icons, short toolbar labels, shortcuts, the Go menu and accessible names."""
    _search_in_edit_menu(window)
    taken = {a.shortcut().toString() for a in window.findChildren(QAction) if a.shortcut()}
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            words = plain(action.text())
            if words in MENU_ICONS and action.icon().isNull():
                action.setIcon(icon(MENU_ICONS[words]))
            key = SHORTCUTS.get(words)
            if key and action.shortcut().isEmpty() and key not in taken:
                action.setShortcut(QKeySequence(key))
                taken.add(key)
    _undo_labels(window)
    _go_menu(window)
    _sidebar(window)
    for toolbar in window.findChildren(QToolBar):
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setAccessibleName("Main toolbar")
    window.search_edit.setAccessibleName("Search the whole archive")
    name_controls(window)


def name_controls(root: QWidget) -> None:
    """Give a name to every control a screen reader would find nameless: a text field its
    placeholder's words, a list or drop-down inside a tab the tab's title."""
    for field in root.findChildren(QLineEdit):
        if not field.accessibleName() and field.placeholderText():
            field.setAccessibleName(field.placeholderText().rstrip("…").strip())
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            page, title = tabs.widget(index), plain(tabs.tabText(index))
            if page is None:
                continue
            for control in page.findChildren(QAbstractItemView) + page.findChildren(QComboBox):
                if not control.accessibleName() and not isinstance(control, QHeaderView):
                    control.setAccessibleName(title)


def _search_in_edit_menu(window: "MainWindow") -> None:
    """Ctrl+F as an entry of the Edit menu, so the menu shows it."""
    find = next((a for a in window.actions() if plain(a.text()) == "Search"), None)
    edit = next(
        (m for m in window.menuBar().findChildren(QMenu) if plain(m.title()) == "Edit"), None
    )
    if find is None or edit is None:
        return
    find.setText("&Search the archive…")
    edit.addSeparator()
    edit.addAction(find)


def _menu(window: "MainWindow", title: str) -> QMenu | None:
    return next(
        (m for m in window.menuBar().findChildren(QMenu) if plain(m.title()) == title), None
    )


class _Tooltip(QObject):
    """Keeps an undo or redo entry's tooltip saying what it would do; a child of the
    entry, so the link to the undo stack goes when the entry does."""

    def __init__(self, action: QAction, word: str) -> None:
        super().__init__(action)
        self.action, self.word = action, word
        self.key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    @Slot(str)
    def show(self, text: str) -> None:
        what = f"{self.word} {text}" if text else f"Nothing to {self.word.lower()}"
        # RuntimeError: the window is being taken down, and its stack clears itself last
        with suppress(RuntimeError):
            self.action.setToolTip(f"{what} ({self.key})" if self.key else what)


def _undo_labels(window: "MainWindow") -> None:
    """ "Undo" and "Redo" on the toolbar; what they would undo in the tooltip and the menu."""
    stack = window.ops.undo_stack
    for action, word, changed, now in (
        (window.undo_action, "Undo", stack.undoTextChanged, stack.undoText),
        (window.redo_action, "Redo", stack.redoTextChanged, stack.redoText),
    ):
        action.setIcon(icon(word.lower()))
        action.setIconText(word)
        tooltip = _Tooltip(action, word)
        changed.connect(tooltip.show)
        tooltip.show(now())


def _go_menu(window: "MainWindow") -> None:
    """Go > Home, Cases, …: every section from the keyboard (Ctrl+1 to Ctrl+9)."""
    menu = QMenu("&Go", window)
    titles = ["Home"] + [s.title for s in window.sections]
    keys = ["home"] + [s.key for s in window.sections]
    for row, (title, key) in enumerate(zip(titles, keys, strict=True)):
        action = menu.addAction(icon(key), title)
        if row < 9:
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
        action.triggered.connect(lambda _=False, row=row: window.sidebar.setCurrentRow(row))
    help_menu = _menu(window, "Help")
    if help_menu is not None:
        window.menuBar().insertMenu(help_menu.menuAction(), menu)
    else:
        window.menuBar().addMenu(menu)
    window.go_menu = menu


def _sidebar(window: "MainWindow") -> None:
    keys = ["home"] + [s.key for s in window.sections]
    titles = ["Home"] + [s.title for s in window.sections]
    size = window.sidebar.fontMetrics().height() + 4
    window.sidebar.setIconSize(QSize(size, size))
    for row, key in enumerate(keys):
        item = window.sidebar.item(row)
        if item is not None:
            item.setIcon(icon(key))
    window.sidebar.setAccessibleName("Sections")
    # as wide as its longest title ("Correspondence"), at any font size
    words = max(window.sidebar.fontMetrics().horizontalAdvance(t + "MM") for t in titles)
    window.sidebar.setFixedWidth(words + size + 24)
