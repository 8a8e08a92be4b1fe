"""The main window's menus and toolbar, and the list of recently opened archives."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QToolBar, QWidget

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.about import show_about

if TYPE_CHECKING:
    from powmia_desktop.gui.main_window import MainWindow

MAX_RECENT = 8


def make_action(
    window: "MainWindow",
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence.StandardKey | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    return action


def build_menus(window: "MainWindow") -> None:
    keys = QKeySequence.StandardKey
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addAction(make_action(window, "&New archive…", lambda: new_archive(window)))
    file_menu.addAction(
        make_action(window, "&Open archive…", lambda: open_archive(window), keys.Open)
    )
    window.recent_menu = file_menu.addMenu("Open &recent")
    file_menu.addSeparator()
    window.packet_action = make_action(window, "Briefing &packet…", window.open_packet_dialog)
    window.summary_action = make_action(
        window, "&Print case summary…", window.print_case_summary, keys.Print
    )
    file_menu.addAction(window.packet_action)
    file_menu.addAction(window.summary_action)
    window.history_action = make_action(window, "Printed pac&kets…", window.open_printed_packets)
    file_menu.addAction(window.history_action)
    file_menu.addSeparator()
    file_menu.addAction(make_action(window, "&Import…", window.import_file))
    window.export_action = make_action(window, "&Export this list…", window.export_list)
    file_menu.addAction(window.export_action)
    file_menu.addAction(make_action(window, "Export the whole &archive…", window.export_archive))
    file_menu.addSeparator()
    window.backup_action = make_action(window, "&Backup now", window.back_up_now)
    window.restore_action = make_action(window, "Res&tore…", window.open_backups)
    window.check_action = make_action(window, "C&heck && repair…", window.open_check)
    window.conflicts_action = make_action(window, "Review &conflicts…", window.open_conflicts)
    for action in (
        window.backup_action,
        window.restore_action,
        window.check_action,
        window.conflicts_action,
    ):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(make_action(window, "&Quit", window.close, keys.Quit))

    edit_menu = window.menuBar().addMenu("&Edit")
    window.undo_action = window.ops.undo_stack.createUndoAction(window, "&Undo")
    window.undo_action.setShortcut(keys.Undo)
    window.redo_action = window.ops.undo_stack.createRedoAction(window, "&Redo")
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(keys.Redo)])
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    window.new_action = make_action(window, "&New record", window.new_record, keys.New)
    window.save_action = make_action(window, "&Save", window.save_current, keys.Save)
    window.delete_action = make_action(window, "&Delete…", window.delete_current, keys.Delete)
    for action in (window.new_action, window.save_action, window.delete_action):
        edit_menu.addAction(action)

    view_menu = window.menuBar().addMenu("&View")
    window.chart_action = make_action(window, "&Timeline chart", window.open_timeline_chart)
    window.chart_action.setShortcut(QKeySequence("Ctrl+T"))
    view_menu.addAction(window.chart_action)

    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(
        make_action(window, "&About", lambda: show_about(window, window.archive.location.display))
    )

    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.addAction(window.new_action)
    toolbar.addAction(window.save_action)
    toolbar.addAction(window.undo_action)
    toolbar.addAction(window.redo_action)
    toolbar.addSeparator()
    toolbar.addAction(window.summary_action)
    toolbar.addAction(window.packet_action)
    spacer = QWidget(window)
    spacer.setSizePolicy(
        spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
    )
    toolbar.addWidget(spacer)
    window.search_edit = QLineEdit(window)
    window.search_edit.setPlaceholderText("Search the whole archive (Ctrl+F)")
    window.search_edit.setClearButtonEnabled(True)
    window.search_edit.setMinimumWidth(320)
    window.search_edit.returnPressed.connect(window.run_search)
    toolbar.addWidget(window.search_edit)
    window.addToolBar(toolbar)
    find = make_action(window, "Search", lambda: focus_search(window), keys.Find)
    window.addAction(find)
    fill_recent_menu(window)


def focus_search(window: "MainWindow") -> None:
    window.search_edit.setFocus()
    window.search_edit.selectAll()


def new_archive(window: "MainWindow") -> None:
    path, _ = QFileDialog.getSaveFileName(
        window, "New archive", str(Path.home() / "archive.sqlite"), "Archives (*.sqlite)"
    )
    if path:
        target = Path(path)
        if target.exists():
            QMessageBox.warning(
                window, "New archive", f"{target} already exists; choose another name."
            )
            return
        window.open_path(target, create=True)


def open_archive(window: "MainWindow") -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, "Open archive", "", "Archives (*.sqlite *.db);;All files (*)"
    )
    if path:
        window.open_path(Path(path))


def remember_recent(window: "MainWindow", archive: Archive) -> None:
    if archive.location.path is None:
        return
    settings = QSettings()
    recent = [str(archive.location.path)] + [
        p
        for p in _string_list(settings.value("archives/recent"))
        if p != str(archive.location.path)
    ]
    settings.setValue("archives/recent", recent[:MAX_RECENT])
    fill_recent_menu(window)


def fill_recent_menu(window: "MainWindow") -> None:
    window.recent_menu.clear()
    for path in _string_list(QSettings().value("archives/recent")):
        action = window.recent_menu.addAction(path)
        action.triggered.connect(opener(window, Path(path)))
    window.recent_menu.setEnabled(bool(window.recent_menu.actions()))


def opener(window: "MainWindow", path: Path) -> Callable[[], None]:
    return lambda: window.open_path(path)


def _string_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []
