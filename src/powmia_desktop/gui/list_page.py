"""One section's list: a filter field over a sortable table of row tuples.

A page that is not on screen (another section is shown) does not read its rows when asked to
reload: it remembers the archive and reads them when it is next shown, so opening an archive
of 500,000 timeline events does not wait for the Timeline list nobody is looking at.
"""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from powmia_desktop.gui.tables import Column, RowTableModel

R = TypeVar("R")


#: a drop-down filter: the combo, where its choices come from, and the test of a row
ChoiceFilter = tuple[
    QComboBox, Callable[[Session], Sequence[tuple[str, Any]]], Callable[[Any, Any], bool]
]


class ListPage(QWidget, Generic[R]):
    """A list of one kind of record; emits ``record_activated(id)`` on double-click/Enter."""

    record_activated = Signal(int)
    record_selected = Signal(int)

    def __init__(
        self,
        noun: str,
        columns: Sequence[Column[R]],
        load: Callable[[Session], Sequence[R]],
        haystack: Callable[[R], str],
        record_id: Callable[[R], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.noun = noun
        self._load = load
        self._haystack = haystack
        self._record_id = record_id
        #: The archive to read when next shown (a reload that came while hidden).
        self._pending: Engine | Connection | None = None
        self.model: RowTableModel[R] = RowTableModel(columns, self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(f"Filter {noun}…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, column in enumerate(columns):
            if column.width:
                self.table.setColumnWidth(i, column.width)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        self._top = top
        self._choice_filters: list[
            tuple[
                QComboBox, Callable[[Session], Sequence[tuple[str, Any]]], Callable[[R, Any], bool]
            ]
        ] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def add_choice_filter(
        self,
        everything: str,
        choices: Callable[[Session], Sequence[tuple[str, Any]]],
        keep: Callable[[R, Any], bool],
    ) -> QComboBox:
        """A drop-down beside the filter field ("All statuses", then each status)."""
        combo = QComboBox(self)
        combo.setAccessibleName(everything)
        combo.addItem(everything, None)
        combo.currentIndexChanged.connect(self._choices_changed)
        self._choice_filters.append((combo, choices, keep))
        self._top.insertWidget(self._top.count() - 1, combo)
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
            return
        self._pending = None
        self._fill_choices(session)
        self.model.set_rows(self._load(session), self._haystack)
        self._update_count()

    def ensure_loaded(self) -> None:
        """Read the rows a reload left for later (when the page is shown, or needed)."""
        bind, self._pending = self._pending, None
        if bind is not None:
            with Session(bind) as session:
                self._fill_choices(session)
                self.model.set_rows(self._load(session), self._haystack)
            self._update_count()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShowToParent and self._pending is not None:
            self.ensure_loaded()
        return super().event(event)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self._record_id(self.model.row_at(index.row()))

    def select_id(self, record_id: int) -> bool:
        self.ensure_loaded()
        row = self.model.find_row(lambda r: self._record_id(r) == record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _update_count(self) -> None:
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
