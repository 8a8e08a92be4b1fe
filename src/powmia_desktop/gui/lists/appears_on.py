"""A case's "Appears on" tab: each list the case is on, its row as printed and how that list
spells the name; double-click opens the list."""

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from powmia_desktop.gui.lists.common import row_table
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import RecordPanel
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services.lists.overview import Appearance, appears_on


def _printed(a: Appearance) -> str:
    return "; ".join(f"{k}: {v}" for k, v in a.printed.items())


APPEARS_COLUMNS: list[Column[Appearance]] = [
    Column("List", lambda a: a.list_title, width=200),
    Column("Row", lambda a: str(a.row_number or ""), lambda a: a.row_number, width=50),
    Column("Spelled", lambda a: a.name_as_printed, width=170),
    Column("Spelling", lambda a: "differs" if a.spelled_otherwise else "", width=70),
    Column("Match", lambda a: a.match, width=120),
    Column("Row as printed", _printed),
]


class AppearsOnPanel(RecordPanel):
    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model: RowTableModel[Appearance] = RowTableModel(APPEARS_COLUMNS, self)
        self.table = row_table(self.model, self)
        self.table.doubleClicked.connect(
            lambda index: self.open_record.emit("list", self.model.row_at(index.row()).source_id)
        )
        self.empty = QLabel("This case is on no list in the archive.", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def load(self, record_id: int | None) -> None:
        rows: list[Appearance] = []
        if record_id is not None:
            with self.ops.archive.reader() as session:
                rows = appears_on(session, record_id)
        self.model.set_rows(rows, lambda a: a.list_title)
        self.empty.setVisible(record_id is not None and not rows)
