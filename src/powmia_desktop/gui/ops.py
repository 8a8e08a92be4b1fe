"""Every change a person makes: one transaction, one undo step, one "what changed" signal.

``perform`` runs a service function in one ``archive.session()`` and records the record's
state before and after (services/snapshots.py) as a QUndoCommand; undo and redo put those
states back, each again in one transaction. Views listen to ``changed`` to refresh.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.services import snapshots


class ArchiveOps(QObject):
    #: (table, record id) of a record created, changed, deleted, undone or redone
    changed = Signal(str, int)
    #: an undo or redo could not be done; the message says why
    failed = Signal(str)

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.undo_stack = QUndoStack(self)

    def perform(
        self, text: str, table: str, record_id: int | None, fn: Callable[[Session], int]
    ) -> int:
        """Run ``fn`` (returning the id it created or changed) as one undoable change."""
        with self.archive.session() as session:
            before = snapshots.take(session, table, record_id) if record_id else None
            new_id = fn(session)
            session.flush()
            after = snapshots.take(session, table, new_id)
        self.undo_stack.push(RecordCommand(self, text, table, new_id, before, after))
        self.changed.emit(table, new_id)
        return new_id

    def delete(self, text: str, table: str, record_id: int) -> None:
        """Delete a record and all that hangs from it; undo brings it all back."""
        with self.archive.session() as session:
            before = snapshots.take(session, table, record_id)
            snapshots.remove(session, table, record_id)
        self.undo_stack.push(RecordCommand(self, text, table, record_id, before, None))
        self.changed.emit(table, record_id)

    def put_back(self, table: str, record_id: int, state: snapshots.Snapshot | None) -> None:
        try:
            with self.archive.session() as session:
                snapshots.put_back(session, table, record_id, state)
        except PowmiaError as error:
            self.failed.emit(str(error))
            return
        self.changed.emit(table, record_id)


class RecordCommand(QUndoCommand):
    """One change to one record, undone and redone by putting a snapshot back."""

    def __init__(
        self,
        ops: ArchiveOps,
        text: str,
        table: str,
        record_id: int,
        before: snapshots.Snapshot | None,
        after: snapshots.Snapshot | None,
    ) -> None:
        super().__init__(text)
        self.ops = ops
        self.table = table
        self.record_id = record_id
        self.before = before
        self.after = after
        self._done = True  # pushed after the change was made: the first redo does nothing

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.ops.put_back(self.table, self.record_id, self.after)

    def undo(self) -> None:
        self.ops.put_back(self.table, self.record_id, self.before)
