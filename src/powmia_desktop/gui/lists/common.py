"""What the Lists section's tabs share: a read-only table over a RowTableModel, and a
decision on a list row as one undo step."""

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QTableView, QWidget
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import table_view
from powmia_desktop.gui.tables import RowTableModel
from powmia_desktop.services.lists import review


def row_table(model: RowTableModel, parent: QWidget) -> QTableView:  # type: ignore[type-arg]
    """A panel's table (gui/panels.py), striped and one line a row: lists are long."""
    table = table_view(model, parent)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


def decide_row(
    parent: QWidget,
    ops: ArchiveOps,
    text: str,
    membership_id: int,
    decide: Callable[[Session, int], int],
) -> None:
    """Decide the list row (services/lists/review.py) as one undo step named ``text``; undo
    takes back what the decision made too (a case, a spelling kept). A refusal is shown."""
    try:
        ops.perform(
            text,
            "list_membership",
            membership_id,
            lambda session: decide(session, membership_id),
            related=review.decided_records,
        )
    except PowmiaError as error:
        QMessageBox.warning(parent, "Cannot decide this row", str(error))
