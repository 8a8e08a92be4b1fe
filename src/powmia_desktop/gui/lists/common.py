"""What the Lists section's tabs share: a read-only table over a RowTableModel."""

from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from powmia_desktop.gui.tables import RowTableModel


def row_table(model: RowTableModel, parent: QWidget) -> QTableView:  # type: ignore[type-arg]
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    for i, column in enumerate(model.columns):
        if column.width:
            table.setColumnWidth(i, column.width)
    return table
