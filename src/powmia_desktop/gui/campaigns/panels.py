"""The correspondence of one contact or one case, as a tab of their editors: every letter,
e-mail, call or visit with them or about him, with how its reply stands."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from powmia_desktop.gui.campaigns.editor import LETTER_COLUMNS
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import RecordPanel, table_view
from powmia_desktop.gui.tables import RowTableModel
from powmia_desktop.services.correspondence import LetterRow, list_letters


class CorrespondencePanel(RecordPanel):
    """``target`` "contact" (letters with the contact, or written by them) or "case"."""

    def __init__(self, ops: ArchiveOps, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.target = ops, target
        self.record_id: int | None = None
        self.model: RowTableModel[LetterRow] = RowTableModel(LETTER_COLUMNS, self)
        self.table = table_view(self.model, self)
        self.table.doubleClicked.connect(self._open)
        ops.changed.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def load(self, record_id: int | None) -> None:
        self.record_id = record_id
        self.setEnabled(record_id is not None)
        rows: list[LetterRow] = []
        if record_id is not None:
            contact = record_id if self.target == "contact" else None
            case = record_id if self.target == "case" else None
            with self.ops.archive.reader() as session:
                rows = list_letters(session, contact_id=contact, case_id=case)
        self.model.set_rows(rows, haystack=lambda r: f"{r.official} {r.subject}")

    def _changed(self, table: str, record_id: int) -> None:
        if table == "correspondence" and self.record_id is not None:
            self.load(self.record_id)

    def _open(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.open_record.emit("correspondence", self.model.row_at(row).id)
