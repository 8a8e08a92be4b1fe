"""The review queue of one list: each row held at import beside the case it may be, what
differs, and three decisions — the same man, a new case, or reject — each one undo step."""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.gui.lists.common import row_table
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services.lists import review
from powmia_desktop.services.lists.review import Difference, HeldItem

HELD_COLUMNS: list[Column[HeldItem]] = [
    Column("Row", lambda r: str(r.row_number or ""), lambda r: r.row_number, width=50),
    Column("Name as printed", lambda r: r.name_as_printed, width=170),
    Column("May be", lambda r: r.candidate_name, width=170),
    Column("Why held", lambda r: r.reason),
]
FACT_COLUMNS: list[Column[Difference]] = [
    Column("", lambda d: "≠" if d.differs else "", width=24),
    Column("Fact", lambda d: d.field, width=120),
    Column("On the list", lambda d: d.on_list, width=170),
    Column("On the case", lambda d: d.on_case),
]


class ReviewPanel(QWidget):
    """The held rows of the list shown (``show_list``); ``open_record("case", id)``."""

    open_record = Signal(str, int)
    #: the queue's length changed (the tab's title says it)
    counted = Signal(int)

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.source_id: int | None = None
        self.held: RowTableModel[HeldItem] = RowTableModel(HELD_COLUMNS, self)
        self.held_table = row_table(self.held, self)
        self.held_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.facts: RowTableModel[Difference] = RowTableModel(FACT_COLUMNS, self)
        self.facts_table = row_table(self.facts, self)
        self.side_label = QLabel(self)
        self.side_label.setTextFormat(Qt.TextFormat.PlainText)
        self.side_label.setWordWrap(True)
        self.printed_label = QLabel(self)
        self.printed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.printed_label.setWordWrap(True)
        self.printed_label.setStyleSheet("color: #555;")
        self.empty_label = QLabel("No rows of this list are waiting for review.", self)
        self.confirm_button = QPushButton("Same man: confirm", self)
        self.confirm_button.setToolTip("The row is the case beside it")
        self.new_button = QPushButton("New case from this row", self)
        self.new_button.setToolTip("The row is a man the archive does not have yet")
        self.reject_button = QPushButton("Reject row", self)
        self.reject_button.setToolTip("The row matches no case; it stays on the list as printed")
        self.open_button = QPushButton("Open the case", self)
        self.confirm_button.clicked.connect(
            lambda: self._decide("Confirm {name} as {case}", review.confirm_match)
        )
        self.new_button.clicked.connect(
            lambda: self._decide("New case from {name}", review.make_new_case)
        )
        self.reject_button.clicked.connect(lambda: self._decide("Reject {name}", review.reject_row))
        self.open_button.clicked.connect(self._open_case)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.side_label)
        side_layout.addWidget(self.facts_table, 1)
        side_layout.addWidget(self.printed_label)
        buttons = QHBoxLayout()
        for button in (self.confirm_button, self.new_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        side_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.held_table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self._show_item()

    def show_list(self, session: Session, source_id: int | None) -> None:
        """Read the list's queue again, keeping the row in view when it is still held."""
        kept = self.current()
        self.source_id = source_id
        items = review.held_rows(session, source_id) if source_id is not None else []
        self.held.set_rows(items, lambda r: f"{r.name_as_printed} {r.candidate_name}")
        ids = [r.membership_id for r in self.held.visible_rows()]
        row = ids.index(kept.membership_id) if kept and kept.membership_id in ids else 0
        if ids:
            self.held_table.selectRow(row)
        self.empty_label.setVisible(not ids)
        self._show_item()
        self.counted.emit(len(ids))

    def current(self) -> HeldItem | None:
        row = self.held_table.currentIndex().row()
        return self.held.row_at(row) if 0 <= row < self.held.rowCount() else None

    def _show_item(self) -> None:
        item = self.current()
        for button in (self.confirm_button, self.new_button, self.reject_button, self.open_button):
            button.setEnabled(item is not None)
        if item is None:
            self.side_label.setText("")
            self.printed_label.setText("")
            self.facts.set_rows([], lambda d: "")
            return
        where = f"Row {item.row_number}" if item.row_number else "A row"
        self.side_label.setText(
            f"{where} of {item.list_title}: {item.name_as_printed or '(no name printed)'}\n"
            f"may be case {item.candidate_id}, {item.candidate_name} — {item.reason}"
        )
        self.facts.set_rows(item.facts, lambda d: d.field)
        printed = "; ".join(f"{k}: {v}" for k, v in item.printed.items())
        self.printed_label.setText(f"As printed: {printed}" if printed else "")

    def _decide(self, words: str, decide: Callable[[Session, int], int]) -> None:
        item = self.current()
        if item is None:
            return
        text = words.format(name=item.name_as_printed or "the row", case=item.candidate_name)
        try:
            self.ops.perform(
                text,
                "list_membership",
                item.membership_id,
                lambda session: decide(session, item.membership_id),
                related=review.decided_records,
            )
        except PowmiaError as error:
            QMessageBox.warning(self, "Cannot decide this row", str(error))

    def _open_case(self) -> None:
        item = self.current()
        if item is not None:
            self.open_record.emit("case", item.candidate_id)
