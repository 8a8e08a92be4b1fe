"""The review queue of one list, or of every list: each row held at import beside every case
it may be (best first) with what differs, and three decisions — the same man as the chosen
case, a new case, or reject — each one undo step.

The queue is read like a list's rows (gui/lists/rows.py): on a thread of its own, the
latest read only, the table saying it is reading meanwhile. Rows of the same queue stay on
screen until the new ones come, but cannot be decided on (they may be decided already)."""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from powmia_desktop.gui.empty_note import EmptyNote
from powmia_desktop.gui.flow_layout import button_row
from powmia_desktop.gui.lists.common import Decide, decide_row, new_and_reject_buttons, row_table
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.row_reads import LatestRead, read_job
from powmia_desktop.gui.tables import Column, RowSet, RowTableModel
from powmia_desktop.services.lists import review
from powmia_desktop.services.lists.review import Candidate, FactRow, HeldItem


def _may_be(item: HeldItem) -> str:
    more = len(item.candidates) - 1
    return item.candidate_name + (f" (+{more} more)" if more else "")


def _haystack(item: HeldItem) -> str:
    return f"{item.list_title} {item.name_as_printed} {_may_be(item)}"


#: What the queue's table and its heading say while the queue is read.
READING = "Reading the rows held for review…"


HELD_COLUMNS: list[Column[HeldItem]] = [
    Column("Row", lambda r: str(r.row_number or ""), lambda r: r.row_number, width=50),
    Column("Name as printed", lambda r: r.name_as_printed, width=170),
    Column("May be", _may_be, width=200),
    Column("Why held", lambda r: r.reason),
]
#: The queue of every list names each row's list too.
ALL_HELD_COLUMNS: list[Column[HeldItem]] = [
    Column("List", lambda r: r.list_title, width=130),
    *HELD_COLUMNS,
]


def _differs_in(candidate: Candidate) -> str:
    if not any(f.on_list for f in candidate.facts):
        return "nothing to compare: no copy of the row as printed"
    return ", ".join(d.field for d in candidate.differences) or "nothing"


CANDIDATE_COLUMNS: list[Column[Candidate]] = [
    Column("Case", lambda c: f"{c.name} (case {c.case_id})", width=220),
    Column("Why", lambda c: c.reason, width=200),
    Column("Differs in", _differs_in),
]


def _fact_columns(item: HeldItem | None) -> list[Column[FactRow]]:
    """Fact, the list's value, then one column per candidate (a differing value marked ≠)."""
    columns: list[Column[FactRow]] = [
        Column("Fact", lambda f: f.field, width=110),
        Column("On the list", lambda f: f.on_list, width=150),
    ]
    for i, candidate in enumerate(item.candidates if item else []):

        def text(f: FactRow, i: int = i) -> str:
            return f"≠ {f.on_cases[i]}" if f.differs(i) else f.on_cases[i]

        columns.append(Column(f"{i + 1}. {candidate.name}", text, width=170))
    return columns


class ReviewPanel(QWidget):
    """The held rows of the list shown (``show_list``), or of every list when "Every list" is
    ticked or no list is chosen; ``open_record("case", id)``."""

    open_record = Signal(str, int)
    #: the queue's length changed (the tab's title says it)
    counted = Signal(int)

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.source_id: int | None = None
        self.every_list = QCheckBox("Every list", self)
        self.every_list.setToolTip("The rows held on every list, each with its list named")
        self.every_list.toggled.connect(lambda _: self._read_again())
        self.held: RowTableModel[HeldItem] = RowTableModel(HELD_COLUMNS, self)
        self.held_table = row_table(self.held, self)
        self.held_table.setAccessibleName("Rows held for review")
        self.held_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.candidates: RowTableModel[Candidate] = RowTableModel(CANDIDATE_COLUMNS, self)
        self.candidates_table = row_table(self.candidates, self)
        self.candidates_table.setAccessibleName("Cases the row may be")
        self.candidates_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_choice()
        )
        self.facts: RowTableModel[FactRow] = RowTableModel(_fact_columns(None), self)
        self.facts_table = row_table(self.facts, self)
        self.facts_table.setAccessibleName("The row's facts beside each case's")
        self.side_label = QLabel(self)
        self.side_label.setTextFormat(Qt.TextFormat.PlainText)
        self.side_label.setWordWrap(True)
        self.printed_label = QLabel(self)
        self.printed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.printed_label.setWordWrap(True)
        self.printed_label.setStyleSheet("color: #555;")
        self.empty_label = QLabel("No rows are waiting for review.", self)
        self.empty_label.setWordWrap(True)  # beside the checkbox, in a narrow pane too
        self.confirm_button = QPushButton("Same man: confirm", self)
        self.new_button, self.reject_button = new_and_reject_buttons(self, self._decide)
        self.open_button = QPushButton("Open the case", self)
        self.confirm_button.clicked.connect(self._confirm)
        self.open_button.clicked.connect(self._open_case)
        self.setLayout(self._laid_out())
        self._reads: LatestRead[HeldItem] = LatestRead(self, self._arrived, self._failed)
        #: the queue whose rows are on screen: a list's id, None for every list's (-1: none)
        self._shown: int | None = -1
        #: the row in view when the read began, to keep in view when it is still held
        self._kept: int | None = None
        self.reading_note = EmptyNote(
            self.held_table, lambda: READING if self._reads.loading else ""
        )
        self._show_item()

    def _laid_out(self) -> QVBoxLayout:
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.side_label)
        side_layout.addWidget(self.candidates_table)
        side_layout.addWidget(self.facts_table, 1)
        side_layout.addWidget(self.printed_label)
        # two rows: the confirm button names the case, and one row would widen the pane
        side_layout.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addLayout(button_row(self.new_button, self.reject_button, self.open_button))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.held_table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.empty_label, 1)
        top.addWidget(self.every_list)
        layout = QVBoxLayout()
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return layout

    @property
    def every(self) -> bool:
        """Whether the queue shown is every list's."""
        return self.source_id is None or self.every_list.isChecked()

    @property
    def loading(self) -> bool:
        """Whether the queue is being read."""
        return self._reads.loading

    def show_list(self, session: Session, source_id: int | None) -> None:
        """Read the queue again (of the list, or of every list) in the background."""
        self.source_id = source_id
        self.every_list.setEnabled(source_id is not None)
        self._start(session.get_bind())

    def _read_again(self) -> None:
        self._start(self.ops.archive.engine)

    def wait_loaded(self) -> None:
        """Wait for the read in flight and show its rows."""
        self._reads.wait()

    def _start(self, bind: Engine | Connection) -> None:
        """The rows of the same queue stay on screen (not to be decided on) until the new
        ones come; another queue's go at once."""
        self._reads.abandon()
        current = self.current()
        self._kept = current.membership_id if current else self._kept
        shown = None if self.every else self.source_id
        columns = ALL_HELD_COLUMNS if self.every else HELD_COLUMNS
        if self.held.columns != columns:
            self.held.columns = columns
            for i, column in enumerate(columns):
                self.held_table.setColumnWidth(i, column.width or 100)
        self._reads.start(
            read_job(
                bind,
                lambda session: review.held_rows(session, shown),
                self.held.columns,
                self.held.sort_order,
                _haystack,
            )
        )
        self.empty_label.setText(READING)
        if shown != self._shown:
            self._shown, self._kept = shown, None
            self.held.set_rows([], _haystack)
            self._show_item()  # nothing in view: the side pane empties too
        else:
            self._enable_decisions()

    def _failed(self, reason: str) -> None:
        self.empty_label.setText(f"The rows held for review could not be read: {reason}")
        self.reading_note.refresh()
        self._enable_decisions()

    def _arrived(self, prepared: RowSet[HeldItem]) -> None:
        current = self.current()
        kept = current.membership_id if current else self._kept
        self.held.set_row_set(prepared, _haystack)
        ids = [r.membership_id for r in self.held.visible_rows()]
        if ids:
            self.held_table.selectRow(ids.index(kept) if kept in ids else 0)
        self._kept = None
        self.empty_label.setText(
            f"{len(ids):,} row{'s' if len(ids) != 1 else ''} held for review"
            + (" on every list" if self.every else "")
            if ids
            else "No rows are waiting for review."
        )
        self._show_item()
        self.counted.emit(len(ids))

    def current(self) -> HeldItem | None:
        row = self.held_table.currentIndex().row()
        return self.held.row_at(row) if 0 <= row < self.held.rowCount() else None

    def chosen(self) -> Candidate | None:
        """The case a confirmation makes the row's: the one picked, else the best."""
        item = self.current()
        if item is None:
            return None
        row = self.candidates_table.currentIndex().row()
        return item.candidates[row] if 0 <= row < len(item.candidates) else item.best

    def choose(self, position: int) -> None:
        """Pick the held row's ``position``-th case (0: the best) for a confirmation."""
        self.candidates_table.selectRow(position)

    def _enable_decisions(self) -> None:
        """Decide on the row in view once the queue is read (not on rows being read again:
        they may be decided already); a row kept without its printed text (a list known
        only by what others say of it) has nothing a case could be made from."""
        item = self.current()
        decide = item is not None and not self.loading
        for button in (self.confirm_button, self.reject_button):
            button.setEnabled(decide)
        self.new_button.setEnabled(decide and item is not None and bool(item.printed))
        self.open_button.setEnabled(item is not None)

    def _show_item(self) -> None:
        item = self.current()
        self._enable_decisions()
        self.facts.columns = _fact_columns(item)
        if item is None:
            self.side_label.setText("")
            self.printed_label.setText("")
            self.candidates.set_rows([], lambda c: "")
            self.facts.set_rows([], lambda f: "")
            self._show_choice()
            return
        where = f"Row {item.row_number}" if item.row_number else "A row"
        count = len(item.candidates)
        self.side_label.setText(
            f"{where} of {item.list_title}: {item.name_as_printed or '(no name printed)'} may be "
            + (f"one of {count} cases; pick the one to confirm:" if count > 1 else "this case:")
        )
        self.candidates.set_rows(item.candidates, lambda c: c.name)
        self._fit_candidates(len(item.candidates))
        self.facts.set_rows(item.side_by_side(), lambda f: f.field)
        for i, column in enumerate(self.facts.columns):
            self.facts_table.setColumnWidth(i, column.width or 100)
        printed = "; ".join(f"{k}: {v}" for k, v in item.printed.items())
        self.printed_label.setText(f"As printed: {printed}" if printed else "")
        self.candidates_table.selectRow(0)
        self._show_choice()

    def _fit_candidates(self, count: int) -> None:
        """As tall as the cases the row may be (there are a few at most), no taller."""
        table = self.candidates_table
        rows = max(count, 1)
        height = (
            table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize()
        )
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)

    def _show_choice(self) -> None:
        candidate = self.chosen()
        name = candidate.name if candidate else "the case"
        self.confirm_button.setText(f"Same man as {name}: confirm")
        tip = f"The row is {name} (case {candidate.case_id})" if candidate else ""
        self.confirm_button.setToolTip(tip)

    def _confirm(self) -> None:
        candidate = self.chosen()
        if candidate is not None:
            self._decide(
                lambda name: f"Confirm {name} as {candidate.name}",
                lambda session, row_id: review.confirm_match(session, row_id, candidate.case_id),
            )

    def _decide(self, words: Callable[[str], str], decide: Decide) -> None:
        item = self.current()
        if item is None:
            return
        decide_row(
            self, self.ops, words(item.name_as_printed or "the row"), item.membership_id, decide
        )

    def _open_case(self) -> None:
        candidate = self.chosen()
        if candidate is not None:
            self.open_record.emit("case", candidate.case_id)
