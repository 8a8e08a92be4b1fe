"""What the Lists section's tabs share: a read-only table over a RowTableModel, a decision
on a list row as one undo step, and the two decisions every undecided row is offered."""

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QTableView, QWidget
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


#: A decision as a row's panel takes it: the undo step's words for the row's name, and the
#: service that decides the row (services/lists/review.py).
Decide = Callable[[Session, int], int]
Decision = Callable[[Callable[[str], str], Decide], None]


def new_and_reject_buttons(parent: QWidget, decision: Decision) -> tuple[QPushButton, QPushButton]:
    """ "New case from this row" and "Reject row", wired to ``decision``."""
    new = QPushButton("New case from this row", parent)
    new.setToolTip("The row is a man the archive does not have yet")
    reject = QPushButton("Reject row", parent)
    reject.setToolTip("The row matches no case; it stays on the list as printed")
    new.clicked.connect(
        lambda: decision(lambda name: f"New case from {name}", review.make_new_case)
    )
    reject.clicked.connect(lambda: decision(lambda name: f"Reject {name}", review.reject_row))
    return new, reject


def decide_row(
    parent: QWidget,
    ops: ArchiveOps,
    text: str,
    membership_id: int,
    decide: Decide,
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
