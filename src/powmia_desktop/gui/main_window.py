"""The main window: a section sidebar, the section's list, and the selected record's editor.

The sidebar's first row is the home page (gui/home/), shown on start; the sections follow
it, so a section's row is its place in ``sections`` plus one (``row_of``, ``show_section``).
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from powmia_desktop import APP_NAME
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.gui.editor import RecordEditor
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.maintenance.auto_backup import AutoBackup
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import SectionDetail
from powmia_desktop.gui.sections import Section, make_sections
from powmia_desktop.gui.status_counts import StatusCounts
from powmia_desktop.gui.timeline_view.panels import TimelineWindow
from powmia_desktop.gui.window import archives, backups, files, home, looks, menus, pages, records
from powmia_desktop.gui.window.pages import HOME_ROW
from powmia_desktop.services.backup import BackupPolicy


class MainWindow(QMainWindow):
    """The sections' lists beside their editors; the menus' jobs live in gui/window/."""

    # made by gui/window/menus.py's build_menus
    recent_menu: QMenu
    search_edit: QLineEdit
    packet_action: QAction
    summary_action: QAction
    history_action: QAction
    export_action: QAction
    backup_action: QAction
    restore_action: QAction
    check_action: QAction
    conflicts_action: QAction
    undo_action: QAction
    redo_action: QAction
    new_action: QAction
    save_action: QAction
    delete_action: QAction
    chart_action: QAction
    # made by gui/window/pages.py's build_pages
    sidebar: QListWidget
    lists: QStackedWidget
    details: QStackedWidget
    # made by gui/window/home.py's build_home and looks.py's decorate
    status_label: StatusCounts
    go_menu: QMenu

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
        #: the sections that show a record without editing it (Lists), by key
        self.section_details: dict[str, SectionDetail] = {}
        self.timeline_window: TimelineWindow | None = None
        self.section("timeline").page.add_button(
            "Chart…", "Every case's events drawn on one timeline (Ctrl+T)"
        ).clicked.connect(self.open_timeline_chart)

        pages.build_pages(self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.lists)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setCollapsible(0, False)
        self.home = home.build_home(self)
        #: the home page, or the splitter of a section's list and editor
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.splitter)
        #: the home page was not read again since the archive last changed
        self.home_stale = True
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        menus.build_menus(self)
        looks.decorate(self)
        self._fit_to_screen()
        self.reload()
        self._restore_state()
        menus.remember_recent(self, archive)
        self.auto_backup: AutoBackup | None = None
        if policy is not None:
            self.auto_backup = AutoBackup(policy, lambda: self.archive, self)
            self.auto_backup.message.connect(self.statusBar().showMessage)
            self.auto_backup.message.connect(lambda _: self.refresh_home())
            QTimer.singleShot(0, self.auto_backup.after_opening)

    # -- the archive ------------------------------------------------------------------
    @property
    def archive(self) -> Archive:
        return self.ops.archive

    @property
    def current(self) -> Section:
        """The section shown (on the home page: the first, whose actions are off there)."""
        return self.sections[max(self.sidebar.currentRow() - 1, 0)]

    @property
    def on_home(self) -> bool:
        return self.sidebar.currentRow() <= HOME_ROW

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def row_of(self, key: str) -> int:
        """The sidebar row of a section (the home page is row 0)."""
        return self.sections.index(self.section(key)) + 1

    def show_section(self, key: str) -> None:
        self.sidebar.setCurrentRow(self.row_of(key))

    def show_home(self) -> None:
        self.sidebar.setCurrentRow(HOME_ROW)

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
        self.home_stale = True
        self.refresh_home()
        self.setWindowTitle(f"{APP_NAME} — {self.archive.location.display}")
        self.statusBar().showMessage(
            self.status_label.fitted("Archive: ", self.archive.location.display)
        )
        for key, editor in self.editors.items():
            page = self.section(key).page
            if editor.record_id is not None and not page.select_id(editor.record_id):
                editor.clear()
            records.settle(self, self.section(key))
        for key, detail in self.section_details.items():
            page = self.section(key).page
            if page.selected_id() is None and page.model.rowCount():
                page.table.selectRow(0)
            detail.show_record(page.selected_id())

    def refresh_home(self) -> None:
        """The status bar's counts now; the home page now if shown, else when next shown."""
        shown = self.on_home
        home.refresh(self, home=shown)
        if shown:
            self.home_stale = False

    def _record_changed(self, table: str, record_id: int) -> None:
        self.reload()
        for section in self.sections:
            editor = self.editors.get(section.key)
            if editor is not None and section.table == table and editor.record_id == record_id:
                editor.load(record_id)

    def switch_archive(self, archive: Archive) -> None:
        archives.switch_archive(self, archive)

    def reopen(self, location: ArchiveLocation) -> Archive | None:
        return archives.reopen(self, location)

    # -- selection and editing ----------------------------------------------------------
    def select_record(self, section: Section, record_id: int) -> None:
        """Open the record chosen in a section's list in its editor (unsaved edits asked)."""
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

    def new_record(self) -> None:
        if self.on_home:  # File > New on the home page starts a case
            self.show_section("cases")
        editor = self.editors.get(self.current.key)
        if editor is None or not editor.confirm_leave():
            return
        self.current.page.table.clearSelection()
        editor.new()

    def save_current(self) -> None:
        if self.on_home:
            return
        editor = self.editors.get(self.current.key)
        if editor is not None:
            editor.save()

    def delete_current(self) -> None:
        records.delete_current(self)

    # -- the jobs of the menus (gui/window/) ------------------------------------------
    def open_packet_dialog(self, meeting_uid: str | None = None) -> None:
        files.open_packet_dialog(self, meeting_uid=meeting_uid)

    def print_case_summary(self) -> None:
        files.print_case_summary(self)

    def open_printed_packets(self) -> None:
        files.open_printed_packets(self)

    def import_file(self) -> None:
        files.import_file(self)

    def export_list(self) -> None:
        files.export_list(self)

    def export_archive(self) -> None:
        files.export_archive(self)

    def run_search(self) -> None:
        files.run_search(self)

    def back_up_now(self) -> None:
        backups.back_up_now(self)

    def open_backups(self) -> None:
        backups.open_backups(self)

    def open_check(self) -> None:
        backups.open_check(self)

    def open_conflicts(self) -> None:
        backups.open_conflicts(self)

    def open_timeline_chart(self) -> None:
        """Every case's events on one timeline, in a window of its own."""
        if self.timeline_window is None:
            self.timeline_window = TimelineWindow(self.ops, self)
            self.timeline_window.open_event.connect(self.open_event)
        self.timeline_window.show()
        self.timeline_window.raise_()
        self.timeline_window.activateWindow()

    def open_event(self, event_id: int) -> None:
        self.open_record("event", event_id)

    def open_record(self, kind: str, record_id: int) -> None:
        pages.open_record(self, kind, record_id)

    def open_path(self, path: Path, *, create: bool = False) -> None:
        archives.open_path(self, path, create=create)

    # -- window state -----------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        """Start at a comfortable size that never exceeds the screen's free area."""
        screen = self.screen().availableGeometry()
        width, height = min(1400, screen.width()), min(860, screen.height())
        self.resize(width, height)
        self.splitter.setSizes([width * 9 // 20, width * 11 // 20])

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = settings.value("main/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.sidebar.setCurrentRow(HOME_ROW)  # the program opens on its home page
        self.sidebar.setFocus()  # and the keyboard starts somewhere: the sections

    def confirm_all(self) -> bool:
        for key, editor in self.editors.items():
            if editor.is_dirty():
                self.show_section(key)
                if not editor.confirm_leave():
                    return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_all():
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
        super().closeEvent(event)
