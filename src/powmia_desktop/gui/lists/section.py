"""The Lists section: the list of lists beside the chosen list's rows as printed (each with
its match), its review queue and its cross-references."""

from functools import lru_cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from powmia_desktop.gui.fonts import scaled_font
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.lists.common import row_table
from powmia_desktop.gui.lists.crossref import CrossRefPanel
from powmia_desktop.gui.lists.review import ReviewPanel
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import SectionDetail
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services.lists import overview
from powmia_desktop.services.lists.crossref import ListRef
from powmia_desktop.services.lists.overview import ListRowView, ListSummary
from powmia_desktop.services.lists.printed import as_dict


def _count(n: int) -> str:
    return f"{n:,}" if n else ""


LIST_COLUMNS: list[Column[ListSummary]] = [
    Column("List", lambda r: r.title, width=170),
    Column("Rows", lambda r: _count(r.rows), lambda r: r.rows, align_right=True, width=55),
    Column("Held", lambda r: _count(r.held), lambda r: r.held, align_right=True, width=45),
    Column("Matched", lambda r: _count(r.matched), lambda r: r.matched, align_right=True, width=65),
    Column("New", lambda r: _count(r.new), lambda r: r.new, align_right=True, width=45),
    Column("Unmatched", lambda r: _count(r.unmatched), lambda r: r.unmatched, align_right=True),
]


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


def lists_page() -> ListPage[ListSummary]:
    return ListPage(
        "lists",
        LIST_COLUMNS,
        overview.list_lists,
        lambda r: r.title,
        lambda r: r.id,
    )


class ListDetail(SectionDetail):
    """The chosen list: its rows as printed, its review queue, its cross-references."""

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.source_id: int | None = None
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setFont(scaled_font(self, 1.2))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter rows…")
        self.filter_edit.setClearButtonEnabled(True)
        self.rows: RowTableModel[ListRowView] = RowTableModel(row_columns([]), self)
        self.filter_edit.textChanged.connect(self.rows.set_filter)
        self.rows_table = row_table(self.rows, self)
        self.rows_table.setSortingEnabled(True)
        self.rows_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.rows_table.doubleClicked.connect(self._open_row_case)
        rows_tab = QWidget(self)
        rows_layout = QVBoxLayout(rows_tab)
        rows_layout.addWidget(self.filter_edit)
        rows_layout.addWidget(self.rows_table, 1)
        self.review = ReviewPanel(ops, self)
        self.review.open_record.connect(self.open_record)
        self.review.counted.connect(self._count_queue)
        self.crossref = CrossRefPanel(ops.archive, self)
        self.crossref.open_record.connect(self.open_record)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(rows_tab, "Rows as printed")
        self.tabs.addTab(self.review, "Review queue")
        self.tabs.addTab(self.crossref, "Cross-reference")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.show_record(None)

    def show_record(self, source_id: int | None) -> None:
        """Show the list ``source_id`` (None: no list chosen)."""
        self.source_id = source_id
        self.crossref.archive = self.ops.archive
        title, rows, ref, headers = "", [], None, []
        with self.ops.archive.reader() as session:
            if source_id is not None:
                title = overview.list_title(session, source_id)
                rows = overview.list_rows(session, source_id)
                headers = overview.list_headers(session, source_id)
                ref = ListRef(source_id, title)
            self.review.show_list(session, source_id)
            self.crossref.show_list(session, ref)
        columns = row_columns(headers)
        changed = [c.header for c in columns] != [c.header for c in self.rows.columns]
        if changed:  # another list's own columns: sorted by row again, in the new columns
            self.rows_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            self.rows.columns = columns
        self.rows.set_rows(
            rows, lambda r: f"{r.name_as_printed} {r.match} {r.case_name} {r.printed}"
        )
        if changed:
            for i, column in enumerate(columns):
                self.rows_table.setColumnWidth(i, column.width or 100)
        self.heading.setText(title or "Choose a list")
        self.setEnabled(source_id is not None)

    def refresh(self) -> None:
        """Read the list shown again (after a change, an undo, another archive)."""
        if self.source_id is not None:
            with self.ops.archive.reader() as session:
                exists = self.source_id in {s.id for s in overview.list_lists(session)}
            self.show_record(self.source_id if exists else None)

    def _count_queue(self, count: int) -> None:
        self.tabs.setTabText(1, f"Review queue ({count})" if count else "Review queue")

    def _open_row_case(self, index: Any) -> None:
        row = self.rows.row_at(index.row())
        if row.case_id is not None:
            self.open_record.emit("case", row.case_id)
