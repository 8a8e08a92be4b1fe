"""File > Printed packets…: every packet and case summary printed from the archive, a check
of a PDF someone hands back against its hash, and rebuilding a run into a new file."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.progress import Progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.gui.workers import run_job
from powmia_desktop.services import packets

_Index = QModelIndex | QPersistentModelIndex
_COLUMNS = ("Run", "Printed (UTC)", "Kind", "Title", "For", "Prepared by", "Pages", "Withheld")


def _cell(row: packets.RunRow, column: int) -> str:
    values = (
        row.short_id,
        f"{row.built_at:%Y-%m-%d %H:%M}",
        "case summary" if row.kind == "summary" else "packet",
        row.title,
        row.audience,
        row.preparer,
        str(row.pages),
        str(row.withheld),
    )
    return values[column]


class RunsModel(QAbstractTableModel):
    """The packet history, newest first, one row per run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[packets.RunRow] = []

    def set_rows(self, rows: list[packets.RunRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.path}\nSHA-256 {row.sha256}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section]
        return None


class PrintedPacketsDialog(QDialog):
    """List the runs; verify a PDF against the history; rebuild the chosen run."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Printed packets")
        self.archive = archive
        self.model = RunsModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.result_label = QLabel(
            "Choose “Verify a PDF…” to check a file someone hands back.", self
        )
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.verify_button = QPushButton("Verify a PDF…", self)
        self.verify_button.clicked.connect(self.verify_with_dialog)
        self.rebuild_button = QPushButton("Rebuild…", self)
        self.rebuild_button.clicked.connect(self.rebuild_with_dialog)
        close = QPushButton("Close", self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.verify_button, self.rebuild_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()
        self.resize(size_for_text(self, 900, 420))

    def refresh(self) -> None:
        with self.archive.reader() as session:
            self.model.set_rows(packets.list_runs(session))
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def _selection_changed(self, *args: object) -> None:
        self.rebuild_button.setEnabled(self.selected() is not None)

    def selected(self) -> packets.RunRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def verify_with_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Verify a printed packet", str(Path.home()), "PDF files (*.pdf)"
        )
        if name:
            self.verify(Path(name))

    def verify(self, path: Path) -> packets.Verdict | None:
        """Check ``path`` against the history and say so under the table."""
        try:
            with self.archive.reader() as session:
                verdict = packets.verify_file(session, path)
        except PowmiaError as error:
            QMessageBox.warning(self, "Cannot verify the file", str(error))
            return None
        self.result_label.setText(f"{path.name}: {verdict.sentence()}.")
        if verdict.run is not None:
            self._select(verdict.run.id)
        return verdict

    def _select(self, run_id: int) -> None:
        for number, row in enumerate(self.model.rows):
            if row.id == run_id:
                self.table.selectRow(number)

    def rebuild_with_dialog(self) -> None:
        row = self.selected()
        if row is None:
            return
        suggested = str(Path.home() / f"rebuilt-{row.short_id}.pdf")
        target, _ = QFileDialog.getSaveFileName(
            self, "Rebuild the packet as", suggested, "PDF files (*.pdf)"
        )
        if target:
            self.rebuild(row, Path(target))

    def rebuild(self, row: packets.RunRow, target: Path) -> packets.Rebuilt | None:
        """Build the run again into ``target`` (replacing it) and say whether it is the same."""
        from powmia_desktop.reports.packet import render_packet
        from powmia_desktop.reports.summary import render_summary

        folder = self.archive.location.attachments_dir

        def job(progress: Progress) -> packets.Rebuilt:
            with self.archive.reader() as session:
                run = packets.find_run(session, str(row.id))
                return packets.rebuild_run(
                    session,
                    run,
                    target,
                    render=render_summary if run.kind == "summary" else render_packet,
                    save=lambda path, pdf: packets.save_pdf(path, pdf, overwrite=True),
                    attachments_dir=folder,
                    progress=progress,
                )

        try:
            rebuilt = run_job(self, "Rebuilding the packet", job)
        except PowmiaError as error:
            QMessageBox.warning(self, "The packet was not rebuilt", str(error))
            return None
        said = rebuilt.sentence(row.short_id) + "."
        self.result_label.setText(said)
        return rebuilt
