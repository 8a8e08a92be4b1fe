"""The main window: a section sidebar, the section's list, and the selected record's editor."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from powmia_desktop import APP_NAME
from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation, location_for_path
from powmia_desktop.gui.about import show_about
from powmia_desktop.gui.editor import RecordEditor
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.maintenance.auto_backup import AutoBackup
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.search_dialog import SearchDialog
from powmia_desktop.gui.sections import Section, make_sections
from powmia_desktop.gui.workers import run_job
from powmia_desktop.services.backup import BackupPolicy, backup_now
from powmia_desktop.services.cases import CaseFilter
from powmia_desktop.services.search import SearchResults, search

MAX_RECENT = 8
#: Which section shows each kind of search result.
#: What File > Export this list writes for each section.
_EXPORT_KIND = {
    "cases": "cases",
    "contacts": "contacts",
    "meetings": "meetings",
    "timeline": "events",
}
_KIND_SECTION = {
    "case": "cases",
    "contact": "contacts",
    "meeting": "meetings",
    "event": "timeline",
    "source": "sources",
}


class MainWindow(QMainWindow):
    def __init__(
        self,
        archive: Archive,
        parent: QWidget | None = None,
        *,
        policy: BackupPolicy | None = None,
    ) -> None:
        """``policy`` turns on the automatic backups (the program passes one; tests may not)."""
        super().__init__(parent)
        self.ops = ArchiveOps(archive, self)
        self.ops.changed.connect(self._record_changed)
        self.ops.failed.connect(lambda message: QMessageBox.warning(self, "Undo", message))
        self.sections: list[Section] = make_sections()
        self.editors: dict[str, RecordEditor] = {}

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.addItems([s.title for s in self.sections])
        self.sidebar.setFixedWidth(170)
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 8px 10px; }")
        self.lists = QStackedWidget(self)
        self.details = QStackedWidget(self)
        for section in self.sections:
            self.lists.addWidget(section.page)
            if section.editor is not None:
                editor = RecordEditor(section.editor, self.ops, self)
                editor.saved.connect(lambda record_id, s=section: self._saved(s, record_id))
                for panel in editor.panels:
                    panel.open_record.connect(self.open_record)
                self.editors[section.key] = editor
                self.details.addWidget(editor)
                section.page.record_selected.connect(
                    lambda record_id, s=section: self._select(s, record_id)
                )
            else:
                hint = QLabel("Editing of this section comes in a later version.", self)
                hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
                hint.setStyleSheet("color: #666;")
                self.details.addWidget(hint)
        self.sidebar.currentRowChanged.connect(self._show_section)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.lists)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setCollapsible(0, False)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._fit_to_screen()
        self.reload()
        self._restore_state()
        self._remember_recent(archive)
        self.auto_backup: AutoBackup | None = None
        if policy is not None:
            self.auto_backup = AutoBackup(policy, lambda: self.archive, self)
            self.auto_backup.message.connect(self.statusBar().showMessage)
            QTimer.singleShot(0, self.auto_backup.after_opening)

    # -- the archive ------------------------------------------------------------------
    @property
    def archive(self) -> Archive:
        return self.ops.archive

    @property
    def current(self) -> Section:
        return self.sections[max(self.sidebar.currentRow(), 0)]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def cases_page(self) -> ListPage:  # type: ignore[type-arg]
        return self.section("cases").page

    def reload(self) -> None:
        """Re-read every list from the archive, keeping each list's selection."""
        with self.archive.reader() as session:
            for section in self.sections:
                selected = section.page.selected_id()
                section.page.table.blockSignals(True)
                section.page.table.selectionModel().blockSignals(True)
                section.page.reload(session)
                if selected is not None:
                    section.page.select_id(selected)
                section.page.table.selectionModel().blockSignals(False)
                section.page.table.blockSignals(False)
        self.setWindowTitle(f"{APP_NAME} — {self.archive.location.display}")
        self.statusBar().showMessage(f"Archive: {self.archive.location.display}")
        for key, editor in self.editors.items():
            page = self.section(key).page
            if editor.record_id is None and not editor.is_dirty():
                if page.model.rowCount():
                    page.table.selectRow(0)
            elif editor.record_id is not None and not page.select_id(editor.record_id):
                editor.clear()

    def _record_changed(self, table: str, record_id: int) -> None:
        self.reload()
        for section in self.sections:
            editor = self.editors.get(section.key)
            if editor is not None and section.table == table and editor.record_id == record_id:
                editor.load(record_id)

    def switch_archive(self, archive: Archive) -> None:
        """Leave the open archive (edits confirmed, backed up on leaving) for ``archive``."""
        if not self._confirm_all():
            archive.close()
            return
        failed = self.auto_backup.on_leaving() if self.auto_backup is not None else None
        self.ops.archive.close()
        self._use_archive(archive)
        if failed:
            self.statusBar().showMessage(failed)

    def _use_archive(self, archive: Archive) -> None:
        """Show ``archive`` from scratch: nothing of the previous one (edits, undo) remains."""
        self.ops.archive = archive
        self.ops.undo_stack.clear()
        for editor in self.editors.values():
            editor.clear()
        self.reload()
        self._remember_recent(archive)
        if self.auto_backup is not None:
            self.auto_backup.restart()
            self.auto_backup.after_opening()

    def _reopen(self, location: ArchiveLocation) -> Archive | None:
        """Open the archive again after a restore replaced its file (upgrading an older one)."""
        try:
            archive = Archive.open(location)
        except PowmiaError as error:
            QMessageBox.warning(self, "Cannot open the archive again", str(error))
            return None
        self._use_archive(archive)
        return archive

    # -- selection and editing ----------------------------------------------------------
    def _select(self, section: Section, record_id: int) -> None:
        editor = self.editors[section.key]
        if editor.record_id == record_id and not editor.is_dirty():
            return
        if editor.record_id != record_id and not editor.confirm_leave():
            if editor.record_id is not None:  # stay where the unsaved edits are
                section.page.table.selectionModel().blockSignals(True)
                section.page.select_id(editor.record_id)
                section.page.table.selectionModel().blockSignals(False)
            return
        editor.load(record_id)

    def _saved(self, section: Section, record_id: int) -> None:
        section.page.select_id(record_id)

    def new_record(self) -> None:
        editor = self.editors.get(self.current.key)
        if editor is None or not editor.confirm_leave():
            return
        self.current.page.table.clearSelection()
        editor.new()

    def save_current(self) -> None:
        editor = self.editors.get(self.current.key)
        if editor is not None:
            editor.save()

    def delete_current(self) -> None:
        section = self.current
        record_id = section.page.selected_id()
        if record_id is None or not section.table:
            return
        editor = self.editors.get(section.key)
        name = editor.heading.text().removesuffix(" (not saved)") if editor else ""
        noun = section.page.noun.rstrip("s")
        answer = QMessageBox.question(
            self,
            f"Delete {noun}",
            f"Delete the {noun} {name} and everything recorded under it?\n\n"
            "You can undo this with Edit > Undo (Ctrl+Z).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if editor is not None:
            editor.clear()
        try:
            self.ops.delete(f"Delete {noun} {name}".strip(), section.table, record_id)
        except PowmiaError as error:
            QMessageBox.warning(self, f"Cannot delete the {noun}", str(error))

    # -- printing -----------------------------------------------------------------------
    def open_printed_packets(self) -> None:
        """The packet history: verify a PDF handed back, rebuild a run."""
        from powmia_desktop.gui.packets.history import PrintedPacketsDialog

        PrintedPacketsDialog(self.archive, self).exec()

    def open_packet_dialog(self) -> None:
        """The packet dialog, with the selected case or meeting chosen already."""
        case_id = self.section("cases").page.selected_id() if self.current.key == "cases" else None
        meeting_id = (
            self.section("meetings").page.selected_id() if self.current.key == "meetings" else None
        )
        from powmia_desktop.gui.packets import PacketDialog  # ReportLab loads on first use

        PacketDialog(self.archive, self, case_id=case_id, meeting_id=meeting_id).exec()

    def print_case_summary(self) -> None:
        case_id = self.section("cases").page.selected_id()
        if case_id is None:
            QMessageBox.information(self, "Print case summary", "Select a case first.")
            return
        editor = self.editors["cases"]
        if editor.record_id == case_id and not editor.confirm_leave():
            return
        from powmia_desktop.gui.packets import show_case_summary  # ReportLab on first use

        try:
            show_case_summary(self, self.archive, case_id)
        except PowmiaError as error:
            QMessageBox.warning(self, "Cannot print the case summary", str(error))

    # -- getting data in and out ------------------------------------------------------
    def import_file(self) -> None:
        from powmia_desktop.gui.imports import open_import_wizard  # importers on first use

        try:
            if open_import_wizard(self, self.archive):
                self.reload()
        except PowmiaError as error:
            QMessageBox.warning(self, "Import", str(error))

    def export_list(self) -> None:
        kind = _EXPORT_KIND.get(self.current.key)
        if kind is None:
            QMessageBox.information(self, "Export", "This list cannot be exported yet.")
            return
        case_filter = None
        if kind == "cases":
            # as shown: narrowed by text, status and tag (waits for a list still loading)
            shown = self.current.page.shown_ids()
            case_filter = None if shown is None else CaseFilter(ids=tuple(shown))
        self._export(kind, case_filter)

    def export_archive(self) -> None:
        self._export("archive", None)

    # -- keeping the archive safe -----------------------------------------------------
    def back_up_now(self) -> None:
        """File > Backup now: pending edits saved (or dropped) first, then a full backup."""
        if not self._confirm_all():
            return
        archive = self.archive
        try:
            made = run_job(
                self,
                "Backing up",
                lambda progress: backup_now(archive, "manual", progress=progress),
            )
        except PowmiaError as error:
            QMessageBox.warning(self, "Backup now", f"Nothing was backed up: {error}")
            return
        self.statusBar().showMessage(f"Backed up to {made.database}")

    def open_backups(self) -> None:
        """File > Restore…: the list of backups; a restore reopens and reloads everything."""
        if not self._confirm_all():  # a restore replaces what the editors show
            return
        from powmia_desktop.gui.maintenance import BackupsDialog

        location = self.archive.location
        dialog = BackupsDialog(self.archive, self)

        def restored(result: object) -> None:
            reopened = self._reopen(location)
            if reopened is not None:
                dialog.archive = reopened  # a second restore must close this one in turn
                self.statusBar().showMessage(dialog.status.text())

        dialog.restored.connect(restored)
        dialog.exec()
        dialog.deleteLater()
        if self.archive.closed:  # a restore that failed had already let go of it
            self._reopen(location)

    def open_check(self) -> None:
        """File > Check & repair…; after a repair every list and editor is read again."""
        if not self._confirm_all():
            return
        from powmia_desktop.gui.maintenance import CheckDialog

        dialog = CheckDialog(self.archive, self)
        dialog.repaired.connect(self._after_repair)
        dialog.exec()
        dialog.deleteLater()

    def _after_repair(self) -> None:
        self.ops.undo_stack.clear()  # the repair changed records behind the undo history
        self.reload()
        for editor in self.editors.values():
            if editor.record_id is not None:
                editor.load(editor.record_id)

    def _export(self, kind: str, case_filter: CaseFilter | None) -> None:
        from powmia_desktop.gui.imports import export_with_dialog  # exporters on first use

        try:
            result = export_with_dialog(self, self.archive, kind, case_filter=case_filter)
        except PowmiaError as error:
            QMessageBox.warning(self, "Export", str(error))
            return
        if result is not None:
            self.statusBar().showMessage(result.summary())

    # -- search -----------------------------------------------------------------------
    def run_search(self) -> None:
        text = self.search_edit.text().strip()
        if not text:
            return

        def job(progress: object) -> SearchResults:
            with self.archive.reader() as session:
                return search(session, text)

        try:
            results = run_job(self, "Searching", job)
        except PowmiaError as error:
            QMessageBox.warning(self, "Search", str(error))
            return
        dialog = SearchDialog(results, self)
        dialog.chosen.connect(self.open_record)
        dialog.exec()

    def open_record(self, kind: str, record_id: int) -> None:
        key = _KIND_SECTION.get(kind)
        if key is None:
            return
        self.sidebar.setCurrentRow(self.sections.index(self.section(key)))
        page = self.section(key).page
        page.filter_edit.clear()
        page.select_id(record_id)

    # -- menus and actions ----------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("&New archive…", self._new_archive))
        file_menu.addAction(self._action("&Open archive…", self._open_archive, keys.Open))
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        self.packet_action = self._action("Briefing &packet…", self.open_packet_dialog)
        self.summary_action = self._action(
            "&Print case summary…", self.print_case_summary, keys.Print
        )
        file_menu.addAction(self.packet_action)
        file_menu.addAction(self.summary_action)
        self.history_action = self._action("Printed pac&kets…", self.open_printed_packets)
        file_menu.addAction(self.history_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Import…", self.import_file))
        self.export_action = self._action("&Export this list…", self.export_list)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self._action("Export the whole &archive…", self.export_archive))
        file_menu.addSeparator()
        self.backup_action = self._action("&Backup now", self.back_up_now)
        self.restore_action = self._action("Res&tore…", self.open_backups)
        self.check_action = self._action("C&heck && repair…", self.open_check)
        for action in (self.backup_action, self.restore_action, self.check_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, keys.Quit))

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.ops.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.ops.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(keys.Redo)])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.new_action = self._action("&New record", self.new_record, keys.New)
        self.save_action = self._action("&Save", self.save_current, keys.Save)
        self.delete_action = self._action("&Delete…", self.delete_current, keys.Delete)
        for action in (self.new_action, self.save_action, self.delete_action):
            edit_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About", self._about))

        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.save_action)
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.summary_action)
        toolbar.addAction(self.packet_action)
        spacer = QWidget(self)
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        toolbar.addWidget(spacer)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText("Search the whole archive (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(320)
        self.search_edit.returnPressed.connect(self.run_search)
        toolbar.addWidget(self.search_edit)
        self.addToolBar(toolbar)
        find = self._action("Search", self._focus_search, keys.Find)
        self.addAction(find)
        self._fill_recent_menu()

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _new_archive(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New archive", str(Path.home() / "archive.sqlite"), "Archives (*.sqlite)"
        )
        if path:
            target = Path(path)
            if target.exists():
                QMessageBox.warning(
                    self, "New archive", f"{target} already exists; choose another name."
                )
                return
            self._open_path(target, create=True)

    def _open_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open archive", "", "Archives (*.sqlite *.db);;All files (*)"
        )
        if path:
            self._open_path(Path(path))

    def _open_path(self, path: Path, *, create: bool = False) -> None:
        """Open (or create) the archive at ``path``; one that does not open is offered its
        backups, and opened again after a restore."""
        from powmia_desktop.gui.maintenance import offer_restore

        location = location_for_path(path)
        while True:
            try:
                archive = Archive.open(location, create=create)
            except PowmiaError as error:
                if create or not offer_restore(self, location, error):
                    if create:
                        QMessageBox.warning(self, "Cannot open the archive", str(error))
                    return
                continue
            self.switch_archive(archive)
            return

    def _remember_recent(self, archive: Archive) -> None:
        if archive.location.path is None:
            return
        settings = QSettings()
        recent = [str(archive.location.path)] + [
            p
            for p in _string_list(settings.value("archives/recent"))
            if p != str(archive.location.path)
        ]
        settings.setValue("archives/recent", recent[:MAX_RECENT])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in _string_list(QSettings().value("archives/recent")):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(self._opener(Path(path)))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _opener(self, path: Path) -> Callable[[], None]:
        return lambda: self._open_path(path)

    def _about(self) -> None:
        show_about(self, self.archive.location.display)

    # -- window state -----------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        """Start at a comfortable size that never exceeds the screen's free area."""
        screen = self.screen().availableGeometry()
        width, height = min(1400, screen.width()), min(860, screen.height())
        self.resize(width, height)
        self.splitter.setSizes([width * 2 // 5, width * 3 // 5])

    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        self.lists.setCurrentIndex(row)
        self.details.setCurrentIndex(row)
        editor = self.editors.get(self.sections[row].key)
        self.new_action.setEnabled(editor is not None)
        self.save_action.setEnabled(editor is not None)

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = settings.value("main/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        section = settings.value("main/section", 0)
        row = int(str(section)) if str(section).isdigit() else 0
        self.sidebar.setCurrentRow(min(row, len(self.sections) - 1))

    def _confirm_all(self) -> bool:
        for key, editor in self.editors.items():
            if editor.is_dirty():
                self.sidebar.setCurrentRow(self.sections.index(self.section(key)))
                if not editor.confirm_leave():
                    return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_all():
            event.ignore()
            return
        if self.auto_backup is not None:
            self.auto_backup.timer.stop()
            failed = self.auto_backup.on_leaving()
            if failed:  # the status bar closes with the window: say it where it is seen
                QMessageBox.warning(self, "Backup", f"{failed}\n\nEverything you saved is kept.")
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/section", self.sidebar.currentRow())
        super().closeEvent(event)


def _string_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []
