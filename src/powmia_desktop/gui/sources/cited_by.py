"""The records that cite a source, read-only: a citation is edited where it supports."""

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import RecordPanel, set_column_widths
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services.sources import CitingRow, list_citing

CITING_COLUMNS: list[Column[CitingRow]] = [
    Column("Record", lambda r: r.record, width=120),
    Column("What it supports", lambda r: r.supports, width=300),
    Column("Where in the source", lambda r: r.locator, width=200),
    Column("Confidence", lambda r: r.confidence.label, width=100),
    Column("What it says", lambda r: " ".join(r.quote.split())),
]


class CitedByPanel(RecordPanel):
    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model: RowTableModel[CitingRow] = RowTableModel(CITING_COLUMNS, self)
        note = QLabel(
            "What this source is cited for. Citations are added and changed on the case, "
            "claim, status change or timeline event they support.",
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.table, CITING_COLUMNS)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def load(self, record_id: int | None) -> None:
        rows: list[CitingRow] = []
        if record_id is not None:
            with self.ops.archive.reader() as session:
                rows = list_citing(session, record_id)
        self.model.set_rows(rows, haystack=lambda r: r.supports)
