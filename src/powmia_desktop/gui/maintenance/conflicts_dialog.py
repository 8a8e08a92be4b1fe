"""File > Review conflicts…: records an imported archive and this one both changed.

The list on top shows the conflicts still to review; below, the fields that differ, this
archive's value beside the incoming one. "Keep ours" or "Take theirs" resolves the selected
conflict (services/conflicts.py); ``resolved`` fires after each so the window reloads.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.gui.maintenance.common import button_row, lay_out, plain_label
from powmia_desktop.services.conflicts import (
    ConflictView,
    Keep,
    list_conflicts,
    resolve_conflict,
)

LIST_COLUMNS = ("No.", "Record", "Name", "Differs in", "From")
FIELD_COLUMNS = ("Field", "This archive", "Incoming")
_SHOWN = 2000


def _table(columns: tuple[str, ...], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ConflictsDialog(QDialog):
    """The review list of one open archive's merge conflicts."""

    resolved = Signal(object)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.conflicts: list[ConflictView] = []
        self.setWindowTitle("Review conflicts")
        self.resize(size_for_text(self, 900, 560))
        intro = plain_label(
            "Records that an imported archive and this one both changed since they last "
            "agreed. This archive's version was kept; choose for each which to keep.",
            self,
        )
        self.list = _table(LIST_COLUMNS, self)
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._show_selected)
        self.fields = _table(FIELD_COLUMNS, self)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(self.fields)
        self.status = plain_label("", self)
        buttons, (self.keep_button, self.take_button) = button_row(
            self, "&Keep this archive's version", "&Take the incoming version"
        )
        self.keep_button.clicked.connect(lambda: self.resolve_selected("local"))
        self.take_button.clicked.connect(lambda: self.resolve_selected("incoming"))
        lay_out(self, intro, split, self.status, buttons)
        self.reload()

    def reload(self) -> None:
        try:
            with self.archive.reader() as session:
                self.conflicts = list_conflicts(session)
        except PowmiaError as error:
            self.conflicts = []
            self.status.setText(str(error))
        self.list.setRowCount(len(self.conflicts))
        for row, view in enumerate(self.conflicts):
            fields = ", ".join(d.column for d in view.differences) or "(deleted here)"
            cells = (str(view.id), view.kind, view.label, fields, view.source_file)
            for column, text in enumerate(cells):
                self.list.setItem(row, column, QTableWidgetItem(text[:_SHOWN]))
        if self.conflicts:
            self.list.selectRow(0)
        else:
            self.status.setText(self.status.text() or "There are no conflicts to review.")
        self._show_selected()

    def selected(self) -> ConflictView | None:
        rows = self.list.selectionModel().selectedRows()
        return self.conflicts[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        view = self.selected()
        differences = view.differences if view else []
        self.fields.setRowCount(len(differences))
        for row, difference in enumerate(differences):
            for column, value in enumerate(
                (difference.column, difference.local, difference.incoming)
            ):
                text = "" if value is None else str(value)
                item = QTableWidgetItem(text[:_SHOWN])
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.fields.setItem(row, column, item)
        self.fields.resizeRowsToContents()
        self.keep_button.setEnabled(view is not None)
        self.take_button.setEnabled(view is not None and view.local_exists)

    def resolve_selected(self, keep: Keep) -> None:
        view = self.selected()
        if view is None:
            return
        try:
            with self.archive.session() as session:
                done = resolve_conflict(session, view.id, keep)
        except PowmiaError as error:
            self.status.setText(f"Not resolved: {error}")
            return
        which = "this archive's version" if keep == "local" else "the incoming version"
        self.status.setText(f"Kept {which} of {done.kind} {done.label}.")
        self.reload()
        self.resolved.emit(done)
