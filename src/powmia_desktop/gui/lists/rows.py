"""A list's rows as printed, each with its match, read like a section's list (gui/list_page.py):
on a thread of its own with its own connection, the filter's texts and the sort prepared
there, and the table filled on the GUI thread when the read ends. A list of 100,000 rows so
never holds the window; until the rows come the tab says it is reading them, and a newer read
(another list, an undo) makes the one in flight useless: only the latest is taken in."""

from functools import lru_cache
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from powmia_desktop.gui.lists.common import row_table
from powmia_desktop.gui.lists.match_again import MatchAgainBar
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.row_reads import LatestRead, read_job
from powmia_desktop.gui.tables import Column, RowSet, RowTableModel
from powmia_desktop.services.lists import overview
from powmia_desktop.services.lists.overview import ListRowView
from powmia_desktop.services.lists.printed import as_dict


@lru_cache(maxsize=4096)
def _cells(printed: str) -> dict[str, Any]:
    """A row's cells as printed (header -> text), parsed once for the rows on screen."""
    return as_dict(printed)


def _printed_column(header: str) -> Column[ListRowView]:
    return Column(header, lambda r: str(_cells(r.printed).get(header, "")), width=110)


def row_columns(headers: list[str]) -> list[Column[ListRowView]]:
    """The row's number, its match and case, then the list's own columns as printed."""
    return [
        Column("Row", lambda r: str(r.row_number or ""), lambda r: r.row_number, width=50),
        Column("Match", lambda r: r.match, width=120),
        Column("Case", lambda r: r.case_name, width=150),
        *(
            [_printed_column(h) for h in headers]
            if headers
            else [Column("Name as printed", lambda r: r.name_as_printed, width=190)]
        ),
        Column("Notes", lambda r: " ".join(r.notes.split())),
    ]


def _haystack(row: ListRowView) -> str:
    return f"{row.name_as_printed} {row.match} {row.case_name} {row.printed}"


class ListRowsTab(QWidget):
    """The rows of the list shown; ``open_record("case", id)`` on double-click. A row whose
    case was deleted may be matched again from under the table (gui/lists/match_again.py)."""

    open_record = Signal(str, int)
    #: the rows asked for last are all on screen (emitted on the GUI thread)
    loaded = Signal()

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter rows…")
        self.filter_edit.setClearButtonEnabled(True)
        self.rows: RowTableModel[ListRowView] = RowTableModel(row_columns([]), self)
        self.filter_edit.textChanged.connect(self.rows.set_filter)
        self.table = row_table(self.rows, self)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open_row_case)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.match_again = MatchAgainBar(ops, self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.rows.modelReset.connect(self._show_current)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.match_again)
        layout.addWidget(self.status)
        self._reads: LatestRead[ListRowView] = LatestRead(self, self._arrived, self._failed)
        #: the list whose rows are shown (rows of another list are never kept)
        self._shown: int | None = None

    @property
    def loading(self) -> bool:
        return self._reads.loading

    def show_list(self, session: Session, source_id: int | None) -> None:
        """Read the rows of ``source_id`` (None: none) in the background; the rows of the
        same list stay on screen until the new ones come, another list's go at once."""
        self._reads.abandon()
        self.match_again.show_row(None)
        headers = overview.list_headers(session, source_id) if source_id is not None else []
        columns = row_columns(headers)
        if [c.header for c in columns] != [c.header for c in self.rows.columns]:
            # another list's own columns: sorted by row again, in the new columns
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            self.rows.columns = columns
            self.rows.set_rows([], _haystack)
            for i, column in enumerate(columns):
                self.table.setColumnWidth(i, column.width or 100)
        if source_id != self._shown:
            self.rows.set_rows([], _haystack)
        self._shown = source_id
        if source_id is None:
            self.status.setText("")
            self.loaded.emit()
            return
        self._reads.start(
            read_job(
                session.get_bind(),
                lambda s: overview.list_rows(s, source_id),
                self.rows.columns,
                self.rows.sort_order,
                _haystack,
            )
        )
        self.status.setText("Reading the rows…")

    def wait_loaded(self) -> None:
        """Wait for the read in flight and show its rows (what needs every row calls this)."""
        self._reads.wait()

    def _failed(self, reason: str) -> None:
        self.status.setText(f"The rows could not be read: {reason}")

    def _arrived(self, prepared: RowSet[ListRowView]) -> None:
        self.rows.set_row_set(prepared, _haystack)
        count = len(prepared.rows)
        lost = sum(r.case_deleted for r in prepared.rows)
        self.status.setText(
            f"{count:,} row{'s' if count != 1 else ''}"
            + (f"; {lost:,} of them matched to a case deleted since" if lost else "")
        )
        self._show_current()
        self.loaded.emit()

    def current(self) -> ListRowView | None:
        row = self.table.currentIndex().row()
        return self.rows.row_at(row) if 0 <= row < self.rows.rowCount() else None

    def _show_current(self) -> None:
        """Offer the row in view its decisions when its case was deleted (not while the
        rows are read again: it may be decided already)."""
        self.match_again.show_row(None if self.loading else self.current())

    def _open_row_case(self, index: QModelIndex) -> None:
        row = self.rows.row_at(index.row())
        if row.case_id is not None:
            self.open_record.emit("case", row.case_id)
