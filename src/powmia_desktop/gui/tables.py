"""A table model over row tuples, with sorting and filter-as-you-type done in Python.

Qt's QSortFilterProxyModel calls back into Python for every comparison, which is slow for
100,000 rows; here rows are sorted with ``list.sort`` on a raw key and filtered against a
lower-cased haystack per row. Only visible cells are ever formatted.

What makes it fast at the scale of the whole war (bench/run.py measures it):

* the filter's haystacks are built in idle time after the rows arrive, a slice per event
  loop turn, so the list is shown at once (a filter typed before they are ready builds the
  rest first);
* each column's sort keys and the sorted order of all rows are computed once per set of rows
  and kept, so a keystroke only picks the matching rows out of the kept order;
* typing more letters searches only the rows the shorter text matched;
* a list read off the GUI thread arrives as a ``RowSet`` whose haystacks, sort keys and
  sorted order were prepared there too (``prepare_rows``), so taking it in costs the GUI
  thread only the reset.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

#: Role that returns the row tuple itself, for views and tests that need the record.
RowRole = Qt.ItemDataRole.UserRole + 1
#: Haystacks built per idle slice: a few milliseconds of work, so typing never waits on it.
IDLE_SLICE = 2_000


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    #: The raw value to sort by (a date's sort key, not its display); defaults to the text.
    sort_key: Callable[[R], Any] | None = None
    align_right: bool = False
    width: int | None = None
    #: not shown until chosen from the header's menu (gui/list_columns.py)
    hidden: bool = False
    #: the column that takes the room the others leave (a name, a title)
    main: bool = False


@dataclass
class RowSet(Generic[R]):
    """Rows with what the model derives from them, prepared where the rows were read."""

    rows: list[R]
    #: each row's casefolded filter text, or None to build them in idle time
    haystacks: list[str] | None = None
    #: sort keys per column, and the sorted order per (column, reversed)
    keys: dict[int, list[Any]] = field(default_factory=dict)
    orders: dict[tuple[int, bool], list[int]] = field(default_factory=dict)


def prepare_rows(
    columns: Sequence[Column[R]],
    rows: list[R],
    haystack: Callable[[R], str],
    sort: tuple[int, bool] | None,
) -> RowSet[R]:
    """Everything the model needs for ``rows`` under ``sort``: plain Python, any thread."""
    prepared = RowSet(rows, [haystack(r).casefold() for r in rows])
    if sort is not None:
        column, reverse = sort
        keys = sort_keys(columns[column], rows)
        prepared.keys[column] = keys
        prepared.orders[sort] = stable_order(keys, range(len(rows)), reverse)
    return prepared


def sort_keys(spec: Column[R], rows: Sequence[R]) -> list[Any]:
    """Each row's key for the column; None sorts last."""
    return [_key(v) for v in map(spec.sort_key or spec.text, rows)]


def stable_order(keys: Sequence[Any], indices: Iterable[int], reverse: bool) -> list[int]:
    """``indices`` stably sorted by ``keys``; empty values last (first when reversed).

    The same order as sorting on ``(value is empty, value)``, without building a tuple
    per row: plain strings or numbers sort several times faster.
    """
    rows = list(indices)
    present = [i for i in rows if keys[i] is not None]
    empty = [i for i in rows if keys[i] is None] if len(present) < len(rows) else []
    present.sort(key=keys.__getitem__, reverse=reverse)
    return empty + present if reverse else present + empty


class RowTableModel(QAbstractTableModel, Generic[R]):
    # A model left in a reference cycle (its timer's connection holds it) is freed by the
    # cycle collector, which empties its attributes before Qt has let go of it: a view may
    # still ask it for a count, a header or a cell then. These class-level empties are what
    # it reads then, so it is told there is nothing while ``data`` stays plain attribute
    # reads for the live model.
    columns: Sequence[Column[R]] = ()
    _rows: Sequence[R] = ()
    _visible: Sequence[int] = ()

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows = []
        self._haystack: Callable[[R], str] = lambda row: ""
        self._haystacks: list[str] = []
        self._visible: list[int] = []
        #: Rows the current filter matches, in row order; None when there is no filter.
        self._matched: list[int] | None = None
        self._filter = ""
        #: The choice filters beside the text (status, tag): rows must also pass this.
        self._predicate: Callable[[R], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._keys: dict[int, list[Any]] = {}
        self._orders: dict[tuple[int, bool], list[int]] = {}
        self._idle = QTimer(self)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._build_some_haystacks)

    # -- data in --------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R], haystack: Callable[[R], str]) -> None:
        """Replace every row; ``haystack`` gives the text the filter searches per row."""
        self.set_row_set(RowSet(list(rows)), haystack)

    def set_row_set(self, prepared: RowSet[R], haystack: Callable[[R], str]) -> None:
        """Replace every row with a prepared set; the filter, choices and sort stay applied."""
        self.beginResetModel()
        self._rows = prepared.rows
        self._haystack = haystack
        self._haystacks = prepared.haystacks if prepared.haystacks is not None else []
        self._keys = dict(prepared.keys)
        self._orders = dict(prepared.orders)
        self._matched = None
        self._apply(narrow_from=None)
        self.endResetModel()
        if self.filter_ready:
            self._idle.stop()
        else:
            self._idle.start()

    @property
    def sort_order(self) -> tuple[int, bool] | None:
        """The column the rows are sorted by and whether reversed, for ``prepare_rows``."""
        if self._sort is None:
            return None
        column, order = self._sort
        return column, order == Qt.SortOrder.DescendingOrder

    def set_filter(self, text: str) -> None:
        """Keep rows containing every word typed (in any column the haystack covers)."""
        words = text.casefold().split()
        key = " ".join(words)
        if key == self._filter:
            return
        previous, matched = self._filter.split(), self._matched
        # Every row the new words match was matched before if each old word is inside a new
        # one ("smi" -> "smit"): then only those rows need looking at again.
        narrow = matched is not None and all(any(o in w for w in words) for o in previous)
        self.beginResetModel()
        self._filter = key
        self._apply(narrow_from=matched if narrow else None)
        self.endResetModel()

    def set_predicate(self, predicate: Callable[[R], bool] | None) -> None:
        """Also keep only the rows passing ``predicate`` (None: no such condition)."""
        self.beginResetModel()
        self._predicate = predicate
        self._apply(narrow_from=None)
        self.endResetModel()

    @property
    def filter_ready(self) -> bool:
        """Whether every row's haystack is built (a filter then costs only the search)."""
        return len(self._haystacks) == len(self._rows)

    def _build_some_haystacks(self) -> None:
        done = len(self._haystacks)
        rows, haystack = self._rows, self._haystack
        self._haystacks += [haystack(r).casefold() for r in rows[done : done + IDLE_SLICE]]
        if self.filter_ready:
            self._idle.stop()

    def _all_haystacks(self) -> list[str]:
        if not self.filter_ready:
            haystack = self._haystack
            self._haystacks += [haystack(r).casefold() for r in self._rows[len(self._haystacks) :]]
            self._idle.stop()
        return self._haystacks

    def _apply(self, narrow_from: list[int] | None) -> None:
        words = self._filter.split()
        if not words:
            self._matched = None
        else:
            hay = self._all_haystacks()
            matched: list[int]
            if narrow_from is None:
                first, words = words[0], words[1:]
                matched = [i for i, h in enumerate(hay) if first in h]
            else:
                matched = narrow_from
            for word in words:
                matched = [i for i in matched if word in hay[i]]
            self._matched = matched
        if self._predicate is not None:
            rows, keep = self._rows, self._predicate
            candidates = range(len(rows)) if self._matched is None else self._matched
            self._matched = [i for i in candidates if keep(rows[i])]
        self._visible = self._ordered_matches()

    def _ordered_matches(self) -> list[int]:
        """The matched rows (or all rows) in the current sort order, from the kept order."""
        matched, count = self._matched, len(self._rows)
        if self._sort is None:
            return list(range(count)) if matched is None else list(matched)
        column, order = self._sort
        reverse = order == Qt.SortOrder.DescendingOrder
        if matched is None:
            return list(self._full_order(column, reverse))
        if len(matched) * 8 < count:  # few matches: sorting them beats walking every row
            return self._order(matched, column, reverse)
        keep = bytearray(count)
        for i in matched:
            keep[i] = 1
        return [i for i in self._full_order(column, reverse) if keep[i]]

    # -- data out -------------------------------------------------------------------
    @property
    def total_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[self._visible[row]]

    def visible_rows(self) -> list[R]:
        """The rows shown, in the order shown (after filter and sort)."""
        rows = self._rows
        return [rows[i] for i in self._visible]

    def find_row(self, predicate: Callable[[R], bool]) -> int | None:
        for position, index in enumerate(self._visible):
            if predicate(self._rows[index]):
                return position
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        columns, at = self.columns, index.column()
        if at >= len(columns) or not index.isValid():
            return None
        column = columns[at]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(self._rows[self._visible[index.row()]])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == RowRole:
            return self._rows[self._visible[index.row()]]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        columns = self.columns
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(columns):
            return columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort what is shown; rows equal in this column keep their order (sort by two keys)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        reverse = order == Qt.SortOrder.DescendingOrder
        self._visible = self._order(self._visible, column, reverse)
        self.layoutChanged.emit()

    # -- sorting --------------------------------------------------------------------
    def _sort_keys(self, column: int) -> list[Any]:
        """Each row's key for ``column``, kept until the rows change; None sorts last."""
        keys = self._keys.get(column)
        if keys is None:
            keys = sort_keys(self.columns[column], self._rows)
            self._keys[column] = keys
        return keys

    def _full_order(self, column: int, reverse: bool) -> list[int]:
        order = self._orders.get((column, reverse))
        if order is None:
            order = self._order(range(len(self._rows)), column, reverse)
            self._orders[(column, reverse)] = order
        return order

    def _order(self, indices: Iterable[int], column: int, reverse: bool) -> list[int]:
        """``indices`` stably sorted by the column (see ``stable_order``)."""
        return stable_order(self._sort_keys(column), indices, reverse)


def _key(value: Any) -> Any:
    """A sort key: text compares without case; None and empty text become None (last)."""
    if isinstance(value, str):
        return value.casefold() if value else None
    return value
