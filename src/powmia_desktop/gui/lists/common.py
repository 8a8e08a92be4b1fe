"""What the Lists section's tabs share: a read-only table over a RowTableModel."""

from PySide6.QtWidgets import QTableView, QWidget

from powmia_desktop.gui.panels import table_view
from powmia_desktop.gui.tables import RowTableModel


def row_table(model: RowTableModel, parent: QWidget) -> QTableView:  # type: ignore[type-arg]
    """A panel's table (gui/panels.py), striped and one line a row: lists are long."""
    table = table_view(model, parent)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table
