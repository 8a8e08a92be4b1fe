"""The list of backups, Back up now, and Restore… after a clear confirmation."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from powmia_desktop.core.errors import Cancelled, PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import BackupInfo
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.gui.maintenance.common import button_row, lay_out, plain_label
from powmia_desktop.gui.workers import run_job
from powmia_desktop.services.backup import (
    Clock,
    backup_now,
    list_backups,
    restore,
    size_text,
    utc_now,
)
from powmia_desktop.services.backup_check import BackupRefused
from powmia_desktop.services.backup_sets import RestoreResult
from powmia_desktop.services.server_backup import server_backup_folder

COLUMNS = ("When", "Why", "Size", "Folder")


def when_text(backup: BackupInfo) -> str:
    return backup.created_at.astimezone().strftime("%a %d %b %Y, %H:%M")


class BackupsDialog(QDialog):
    """Backups of one archive. ``restored(RestoreResult)`` fires after a restore.

    Restoring closes ``archive`` first (a restore needs the archive to itself); whoever
    listens to ``restored`` opens it again and reloads what it shows. Given a location
    instead of an open archive (one too damaged to open), it lists and restores all the same.
    """

    restored = Signal(object)

    def __init__(
        self,
        archive: Archive | ArchiveLocation,
        parent: QWidget | None = None,
        *,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.clock = clock
        self.backups: list[BackupInfo] = []
        self.setWindowTitle("Backups")
        self.resize(size_for_text(self, 720, 420))

        self.location = archive.location if isinstance(archive, Archive) else archive
        folder = self.location.backups_dir
        if self.location.is_server:  # the shared folder's, or this desk's own
            folder = server_backup_folder(self.location)
        intro = plain_label(
            f"Backups of {self.location.display}\nkept in {folder}"
            if folder
            else "This archive is in memory; there is nothing to back up.",
            self,
        )

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.status = plain_label("", self)
        buttons, (self.backup_button, self.restore_button) = button_row(
            self, "&Back up now", "&Restore…"
        )
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)

        lay_out(self, intro, self.table, self.status, buttons)
        self.backup_button.setEnabled(folder is not None)
        self.reload()

    def reload(self) -> None:
        try:
            kept = self.location.path or self.location.is_server
            self.backups = list_backups(self.location) if kept else []
        except PowmiaError as error:
            self.backups = []
            self.status.setText(str(error))
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            cells = (when_text(backup), backup.reason_label, size_text(backup.size), backup.name)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def back_up_now(self) -> None:
        try:
            made = run_job(
                self,
                "Backing up",
                lambda progress: backup_now(self.archive, clock=self.clock, progress=progress),
            )
        except PowmiaError as error:
            self.status.setText(str(error))
            return
        self.reload()
        self.status.setText(f"Backed up to {made.path}")

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or not self.confirm_restore(backup):
            return
        if isinstance(self.archive, Archive):
            self.archive.close()
        location = self.location
        try:
            result: RestoreResult = run_job(
                self,
                "Restoring",
                lambda progress: restore(location, backup, clock=self.clock, progress=progress),
            )
        except Cancelled:
            self.status.setText("The restore was cancelled; the archive is as it was.")
            return
        except BackupRefused as error:
            self.status.setText(str(error))
            self._select(error.alternative)
            return
        except PowmiaError as error:
            self.status.setText(f"Nothing was restored: {error}")
            return
        self.reload()
        kept = (
            f" The archive as it was is kept as the backup {result.safety_backup.name}."
            if result.safety_backup
            else ""
        )
        self.status.setText(f"Restored the backup of {when_text(backup)}.{kept}")
        self.restored.emit(result)

    def _select(self, backup: BackupInfo | None) -> None:
        """Select ``backup`` in the list (the next good one after a refusal), if it is there."""
        for row, listed in enumerate(self.backups):
            if backup is not None and listed.path == backup.path:
                self.table.selectRow(row)
                return

    def confirm_restore(self, backup: BackupInfo) -> bool:
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Replace everything in the archive with the backup of {when_text(backup)} "
            f"({backup.reason_label.lower()})?\n\nThe archive as it is now is backed up "
            "first, so this restore can itself be undone from this list.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _update_buttons(self) -> None:
        backup = self.selected()
        self.restore_button.setEnabled(backup is not None and not backup.raw)
