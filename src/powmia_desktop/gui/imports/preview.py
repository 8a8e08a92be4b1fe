"""The first rows of a file to import, as a table, with the field each column goes to."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Headers and the first rows of a table, read-only; header text shows the mapping."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[str]] = []
        self._targets: dict[str, str] = {}

    def set_table(self, headers: list[str], rows: list[list[str]]) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self.endResetModel()

    def set_targets(self, targets: dict[str, str]) -> None:
        """Header -> field shown under each column's name ("(ignored)" when unmapped)."""
        self._targets = dict(targets)
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 2)  # spreadsheet row numbers: the header is row 1
        if 0 <= section < len(self._headers):
            header = self._headers[section]
            target = self._targets.get(header, "").replace("_", " ")
            return f"{header}\n→ {target or '(ignored)'}"
        return None
