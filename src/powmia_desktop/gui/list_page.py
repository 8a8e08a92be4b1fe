"""One section's list: a filter field over a sortable table of row tuples.

A page that is not on screen (another section is shown) does not read its rows when asked to
reload: it remembers the archive and reads them when it is next shown, so opening an archive
of 500,000 timeline events does not wait for the Timeline list nobody is looking at.

A list is read progressively. The first screen (``FIRST_SCREEN`` rows in the list's first
order, from a query that walks an index) is shown at once; every row is then read on a
thread of its own, with its own connection, where the filter's texts and the sort are
prepared too, and swapped in keeping the selected record and the top row in view. Until
then the count says "Loading 100,000 cases…"; a filter typed or chosen meanwhile applies to
the whole list when it arrives. Whatever needs every row (selecting a record by id,
Export this list) waits for them: ``wait_loaded``. A list shorter than the first screen is
read whole at once. A reload while rows are on screen keeps them until the new ones come;
only the latest read is ever taken in, and whole (an earlier one is dropped unread).
"""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from powmia_desktop.core.memory import collector_paused
from powmia_desktop.gui.empty_note import EmptyNote
from powmia_desktop.gui.list_columns import ColumnChooser
from powmia_desktop.gui.row_reads import LatestRead, read_job
from powmia_desktop.gui.tables import Column, RowSet, RowTableModel

R = TypeVar("R")

#: Rows read for the first screen before the rest (a screen shows a few dozen).
FIRST_SCREEN = 250
#: a drop-down filter: the combo, where its choices come from, and the test of a row
ChoiceFilter = tuple[
    QComboBox, Callable[[Session], Sequence[tuple[str, Any]]], Callable[[Any, Any], bool]
]


class ListPage(QWidget, Generic[R]):
    """A list of one kind of record; emits ``record_activated(id)`` on double-click/Enter."""

    record_activated = Signal(int)
    record_selected = Signal(int)
    #: every row has arrived and is shown (emitted on the GUI thread)
    loaded = Signal()

    def __init__(
        self,
        noun: str,
        columns: Sequence[Column[R]],
        load: Callable[[Session], Sequence[R]],
        haystack: Callable[[R], str],
        record_id: Callable[[R], int],
        parent: QWidget | None = None,
        *,
        first: Callable[[Session, int], Sequence[R]] | None = None,
        count: Callable[[Session], int] | None = None,
    ) -> None:
        """``load`` reads every row (any order: the list sorts them), on any thread;
        ``first(session, n)`` the first n in the list's first order, through an index;
        ``count`` how many there are. Without ``first`` the list is read whole at once."""
        super().__init__(parent)
        self.noun = noun
        self._columns = list(columns)
        self._load = load
        self._first = first
        self._count = count
        self._haystack = haystack
        self._record_id = record_id
        #: The archive to read when next shown (a reload that came while hidden).
        self._pending: Engine | Connection | None = None
        #: The archive whose rows are shown, the latest read's number, the read in flight.
        self._bind: Engine | Connection | None = None
        self._reads: LatestRead[R] = LatestRead(self, self._show, self._read_failed)
        #: How many rows are coming (for "Loading 100,000 cases…").
        self._coming: int | None = None
        #: Why the last background read failed (the list then says so).
        self._failure: str | None = None
        self.model: RowTableModel[R] = RowTableModel(columns, self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(f"Filter {noun}…")
        self.filter_edit.setAccessibleName(f"Filter the {noun}")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(f"List of {noun}")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setHighlightSections(False)
        for i, column in enumerate(columns):
            if column.width:  # until rows arrive to size it by
                self.table.setColumnWidth(i, column.width)
        #: columns sized to their contents, chosen from the header's menu, remembered
        self.column_chooser = ColumnChooser(self.table, columns, noun)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._activated)
        self.empty_note = EmptyNote(self.table, self._empty_text)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        top = self._top_row = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        self._choice_filters: list[
            tuple[
                QComboBox, Callable[[Session], Sequence[tuple[str, Any]]], Callable[[R, Any], bool]
            ]
        ] = []
        #: The drop-downs go on a row of their own under the filter field: beside it they
        #: squeezed the field to a few letters in a narrow list pane.
        self._choices_row = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self._choices_row)
        layout.addWidget(self.table, 1)

    def add_button(self, text: str, tip: str = "") -> QPushButton:
        """A button beside the filter field, for what the section shows besides its list."""
        button = QPushButton(text, self)
        button.setToolTip(tip)
        self._top_row.addWidget(button)
        return button

    def add_choice_filter(
        self,
        everything: str,
        choices: Callable[[Session], Sequence[tuple[str, Any]]],
        keep: Callable[[R, Any], bool],
    ) -> QComboBox:
        """A drop-down under the filter field ("All statuses", then each status); the
        drop-downs share that row's width and shorten long labels rather than widen the pane."""
        combo = QComboBox(self)
        combo.setAccessibleName(everything)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.currentIndexChanged.connect(self._choices_changed)
        self._choice_filters.append((combo, choices, keep))
        self._choices_row.addWidget(combo, 1)
        return combo

    def _fill_choices(self, session: Session) -> None:
        for combo, choices, _ in self._choice_filters:
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in choices(session):
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _choices_changed(self) -> None:
        chosen = [(combo.currentData(), keep) for combo, _, keep in self._choice_filters]
        chosen = [(value, keep) for value, keep in chosen if value is not None]
        self.model.set_predicate(
            (lambda row: all(keep(row, value) for value, keep in chosen)) if chosen else None
        )
        self._update_count()

    def reload(self, session: Session) -> None:
        """Read the rows again now, or, while another section is shown, when next shown."""
        if self.parentWidget() is not None and self.isHidden():
            self._pending = session.get_bind()
            self._reads.abandon()
            return
        self._pending = None
        self._start(session)

    @property
    def read_yet(self) -> bool:
        """Whether the rows shown are all the archive's (none is waiting to be read)."""
        return self._pending is None and not self._reads.loading and self._failure is None

    @property
    def loading(self) -> bool:
        """Whether rows are still being read in the background."""
        return self._reads.loading

    def wait_loaded(self) -> None:
        """Wait until the list holds every row of the archive (what needs them all calls
        this: selecting a record by id, exporting the list as shown)."""
        if self._pending is not None:
            self._start_pending()
        self._reads.wait()
        if self._failure is not None and self._bind is not None:
            # The background read failed: read here, so the caller sees the error itself.
            with Session(self._bind) as session, collector_paused():
                rows = list(self._load(session))
            self._failure = None
            self._show(RowSet(rows))

    def shown_rows(self) -> list[R]:
        """Every row the list shows, in its order, once all have arrived (Export this list)."""
        self.wait_loaded()
        return self.model.visible_rows()

    def shown_ids(self) -> list[int] | None:
        """The ids of every row shown, or None when nothing narrows the list (it is whole)."""
        rows = self.shown_rows()
        if len(rows) == self.model.total_count:
            return None
        return [self._record_id(row) for row in rows]

    def _start(self, session: Session) -> None:
        """Show the first screen now (or keep the rows shown) and read every row."""
        bind = session.get_bind()
        fresh = bind is not self._bind or self.model.total_count == 0
        self._bind = bind
        self._failure = None
        self._reads.abandon()
        self._fill_choices(session)
        if self._first is None:
            with collector_paused():
                self._show(RowSet(list(self._load(session))), keep=not fresh)
            return
        first = list(self._first(session, FIRST_SCREEN))
        if len(first) < FIRST_SCREEN:  # that is the whole list
            self._show(RowSet(first), keep=not fresh)
            return
        if fresh:  # nothing of this archive on screen yet: its first screen
            self.model.set_rows(first, self._haystack)
            self.column_chooser.fit()
        self._coming = self._count(session) if self._count is not None else None
        self._reads.start(
            read_job(bind, self._load, self._columns, self.model.sort_order, self._haystack)
        )
        self._update_count()

    def _read_failed(self, reason: str) -> None:
        self._failure = reason
        self._update_count()

    def _start_pending(self) -> None:
        bind, self._pending = self._pending, None
        if bind is not None:
            with Session(bind) as session:
                self._start(session)

    def _show(self, prepared: RowSet[R], *, keep: bool = True) -> None:
        """Take in every row, keeping the selected record selected and the top row on top
        (``keep``: they are rows of the same archive)."""
        selected = self.selected_id() if keep else None
        top = self._top_id() if keep else None
        selection = self.table.selectionModel()
        blocked = selection.blockSignals(True)  # the same record stays selected: no news
        try:
            self.model.set_row_set(prepared, self._haystack)
            if selected is not None:
                row = self._row_of(selected)
                if row is not None:
                    self.table.selectRow(row)
            if top is not None:
                row = self._row_of(top)
                if row is not None:
                    self.table.scrollTo(
                        self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
                    )
        finally:
            selection.blockSignals(blocked)
        self._coming = None
        self.column_chooser.fit()
        self._update_count()
        self.loaded.emit()

    def _top_id(self) -> int | None:
        """The record in the top row, when the list is scrolled (else it stays at the top)."""
        if self.table.verticalScrollBar().value() == 0:
            return None
        row = self.table.rowAt(0)
        return self._record_id(self.model.row_at(row)) if row >= 0 else None

    def _row_of(self, record_id: int) -> int | None:
        ids = self._record_id
        return self.model.find_row(lambda r: ids(r) == record_id)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShowToParent and self._pending is not None:
            self._start_pending()
        return super().event(event)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self._record_id(self.model.row_at(index.row()))

    def select_id(self, record_id: int) -> bool:
        """Select the record's row (waiting for every row); False if the list lacks it."""
        self.wait_loaded()
        row = self._row_of(record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _empty_text(self) -> str:
        """What the empty table says: nothing yet, or nothing that matches."""
        if not self.read_yet:
            return ""  # the count beside the filter says what is going on
        if self.model.total_count == 0:
            return (
                f"There are no {self.noun} in this archive yet.\n"
                "Press New (Ctrl+N) to add one, or use File > Import…"
            )
        typed = self.filter_edit.text().strip()
        if typed:
            return f"No {self.noun} match “{typed}”."
        return f"No {self.noun} match the chosen filters."

    def _update_count(self) -> None:
        self.empty_note.refresh()
        if self._failure is not None:
            self.count_label.setText(f"Could not read the {self.noun}: {self._failure}")
            return
        if self._reads.loading:
            coming = f"{self._coming:,} " if self._coming is not None else ""
            self.count_label.setText(f"Loading {coming}{self.noun}…")
            return
        shown, total = self.model.rowCount(), self.model.total_count
        noun = self.noun if total != 1 else self.noun.rstrip("s")
        text = f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {self.noun}"
        self.count_label.setText(text)

    def _activated(self, index: Any) -> None:
        if index.isValid():
            self.record_activated.emit(self._record_id(self.model.row_at(index.row())))

    def _current_changed(self, current: Any, previous: Any) -> None:
        if current.isValid():
            self.record_selected.emit(self._record_id(self.model.row_at(current.row())))
