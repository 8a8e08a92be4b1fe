"""The Lists section: the list of lists beside the chosen list's rows as printed (each with
its match), its review queue and its cross-references."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from powmia_desktop.gui.fonts import scaled_font
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.lists.crossref import CrossRefPanel
from powmia_desktop.gui.lists.review import ReviewPanel
from powmia_desktop.gui.lists.rows import ListRowsTab
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import SectionDetail
from powmia_desktop.gui.tables import Column
from powmia_desktop.services.lists import overview
from powmia_desktop.services.lists.crossref import ListRef
from powmia_desktop.services.lists.overview import ListSummary


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
        self.heading.setWordWrap(True)  # a long title wraps rather than widen the pane
        self.rows_tab = ListRowsTab(ops, self)
        self.rows_tab.open_record.connect(self.open_record)
        self.rows = self.rows_tab.rows
        self.review = ReviewPanel(ops, self)
        self.review.open_record.connect(self.open_record)
        self.review.counted.connect(self._count_queue)
        self.crossref = CrossRefPanel(ops.archive, self)
        self.crossref.open_record.connect(self.open_record)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.rows_tab, "Rows as printed")
        self.tabs.addTab(self.review, "Review queue")
        self.tabs.addTab(self.crossref, "Cross-reference")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.show_record(None)

    def show_record(self, source_id: int | None) -> None:
        """Show the list ``source_id`` (None: no list chosen; the queue of every list)."""
        self.source_id = source_id
        self.crossref.archive = self.ops.archive
        title, ref = "", None
        with self.ops.archive.reader() as session:
            if source_id is not None:
                title = overview.list_title(session, source_id)
                ref = ListRef(source_id, title)
            self.rows_tab.show_list(session, source_id)
            self.review.show_list(session, source_id)
            self.crossref.show_list(session, ref)
        self.heading.setText(title or "No list chosen: the rows held on every list")
        for tab in (self.rows_tab, self.crossref):
            self.tabs.setTabEnabled(self.tabs.indexOf(tab), source_id is not None)
        if source_id is None:
            self.tabs.setCurrentWidget(self.review)

    def refresh(self) -> None:
        """Read the list shown again (after a change, an undo, another archive)."""
        exists = False
        if self.source_id is not None:
            with self.ops.archive.reader() as session:
                exists = self.source_id in {i for i, _ in overview.list_names(session)}
        self.show_record(self.source_id if exists else None)

    def _count_queue(self, count: int) -> None:
        self.tabs.setTabText(1, f"Review queue ({count})" if count else "Review queue")
