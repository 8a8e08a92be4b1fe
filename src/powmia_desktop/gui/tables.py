"""A table model over row tuples, with sorting and filter-as-you-type done in Python.

Qt's QSortFilterProxyModel calls back into Python for every comparison, which is slow for
100,000 rows; here rows are sorted with ``list.sort`` on a raw key and filtered against a
lower-cased haystack computed once per row. Only visible cells are ever formatted.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

#: Role that returns the row tuple itself, for views and tests that need the record.
RowRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    #: The raw value to sort by (a date's sort key, not its display); defaults to the text.
    sort_key: Callable[[R], Any] | None = None
    align_right: bool = False
    width: int | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = []
        self._haystacks: list[str] = []
        self._visible: list[int] = []
        self._filter = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- data in --------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R], haystack: Callable[[R], str]) -> None:
        """Replace every row; ``haystack`` gives the text the filter searches per row."""
        self.beginResetModel()
        self._rows = list(rows)
        self._haystacks = [haystack(r).casefold() for r in self._rows]
        self._apply()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Keep rows containing every word typed (in any column the haystack covers)."""
        words = text.casefold().split()
        key = " ".join(words)
        if key == self._filter:
            return
        self.beginResetModel()
        self._filter = key
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        words = self._filter.split()
        if words:
            hay = self._haystacks
            self._visible = [i for i in range(len(hay)) if all(w in hay[i] for w in words)]
        else:
            self._visible = list(range(len(self._rows)))
        if self._sort is not None:
            self._sort_visible(*self._sort)

    # -- data out -------------------------------------------------------------------
    @property
    def total_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[self._visible[row]]

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
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(self.row_at(index.row()))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == RowRole:
            return self.row_at(index.row())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_visible(column, order)
        self.layoutChanged.emit()

    def _sort_visible(self, column: int, order: Qt.SortOrder) -> None:
        spec = self.columns[column]
        key = spec.sort_key or spec.text
        rows = self._rows
        reverse = order == Qt.SortOrder.DescendingOrder
        # None sorts last either way: (is-None, value) keeps the comparison total.
        self._visible.sort(key=lambda i: _total(key(rows[i])), reverse=reverse)


def _total(value: Any) -> tuple[bool, Any]:
    if isinstance(value, str):
        return (value == "", value.casefold())
    return (value is None, value if value is not None else 0)
