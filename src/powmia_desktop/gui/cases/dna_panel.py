"""The case's donor helper tab: who has given a DNA reference sample, who could still give
which kind, who is deceased and who cannot be told from the family links recorded.

Read-only: samples are recorded on the DNA samples tab and family links on the People tab
(or on each contact); this tab is read again whenever the case is loaded or saved.
Double-click a relative to open them in Contacts.
"""

from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import RecordPanel, table_view
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services.dna import (
    LINE_SHORT,
    RelativeRow,
    donor_advice,
    relative_rows,
    summary_lines,
)

_NOTE = (
    "Who could give which kind is worked out from the family links recorded on the People "
    "tab and on each contact (mother of, sister of, maternal aunt…). mtDNA passes only "
    "through women, the Y chromosome only from father to son; autosomal DNA is useful from "
    "close relatives. A Family Member Update is where swabs are taken."
)

#: The relatives' rows the table keeps room for before it scrolls.
ROWS_SHOWN = 4


def _columns() -> list[Column[RelativeRow]]:
    columns: list[Column[RelativeRow]] = [
        Column("Relative", lambda r: r.name, width=150),
        Column("How related", lambda r: r.relation, width=160),
        Column("Living", lambda r: "Yes" if r.living else "No", width=50),
    ]
    for i, short in enumerate(LINE_SHORT.values()):
        columns.append(Column(short, _cell_of(i), width=115))
    return columns


def _cell_of(i: int) -> Callable[[RelativeRow], str]:
    return lambda r: r.cells[i]


class DonorHelperPanel(RecordPanel):
    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().RichText)
        self.model: RowTableModel[RelativeRow] = RowTableModel(_columns(), self)
        self.table = table_view(self.model, self)
        self.table.setAccessibleName("Relatives who could give a DNA sample")
        self.table.doubleClicked.connect(
            lambda index: self.open_record.emit(
                "contact", self.model.row_at(index.row()).contact_id
            )
        )
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        note = QLabel(_NOTE, self)
        note.setWordWrap(True)
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reasons)
        layout.addWidget(note)

    def load(self, record_id: int | None) -> None:
        rows: list[RelativeRow] = []
        lines: list[str] = []
        if record_id is not None:
            with self.ops.archive.reader() as session:
                advice = donor_advice(session, record_id)
            rows, lines = relative_rows(advice), summary_lines(advice)
        self.summary.setText("<br>".join(_bold_head(line) for line in lines))
        reasons = [reason for r in rows for reason in r.reasons]
        self.reasons.setText("Cannot tell yet: " + "; ".join(reasons) + "." if reasons else "")
        self.reasons.setVisible(bool(reasons))
        self.model.set_rows(rows, haystack=lambda r: f"{r.name} {r.relation}")
        self._fit_rows(len(rows))

    def _fit_rows(self, count: int) -> None:
        """Room for the relatives (a few; more scroll), however much the text around takes."""
        table = self.table
        shown = min(max(count, 2), ROWS_SHOWN)
        rows = table.verticalHeader().defaultSectionSize() * shown
        bar = table.horizontalScrollBar().sizeHint().height()
        table.setMinimumHeight(
            table.horizontalHeader().sizeHint().height() + rows + bar + 2 * table.frameWidth()
        )


def _bold_head(line: str) -> str:
    head, _, rest = line.partition(": ")
    return f"<b>{escape(head)}</b>: {escape(rest)}"
