"""Every change a person makes: one transaction, one undo step, one "what changed" signal.

``perform`` runs a service function in one ``archive.session()`` and records the record's
state before and after (services/snapshots.py) as a QUndoCommand; undo and redo put those
states back, each again in one transaction. Views listen to ``changed`` to refresh.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.services import snapshots

Key = tuple[str, int]
State = tuple[Key, snapshots.Snapshot | None, snapshots.Snapshot | None]
#: the records outside a record's cascade that saving it may create or change
Related = Callable[[Session, int], list[Key]]


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
        self,
        text: str,
        table: str,
        record_id: int | None,
        fn: Callable[[Session], int],
        *,
        related: Related | None = None,
        touched: Sequence[tuple[str, int]] = (),
    ) -> int:
        """Run ``fn`` (returning the id it created or changed) as one undoable change.

        ``related(session, id)`` names records outside the record's own cascade that the
        change may create or alter (a meeting's questions and tasks); ``touched`` names
        existing ones it is about to alter. Undo puts all of them back too.
        """
        with self.archive.session() as session:
            keys = set(touched) | set(related(session, record_id) if related and record_id else ())
            before = {key: snapshots.take(session, *key) for key in keys}
            root_before = snapshots.take(session, table, record_id) if record_id else None
            new_id = fn(session)
            session.flush()
            keys |= set(related(session, new_id)) if related else set()
            states = [(key, before.get(key), snapshots.take(session, *key)) for key in keys]
            states.append(((table, new_id), root_before, snapshots.take(session, table, new_id)))
        self.undo_stack.push(RecordCommand(self, text, states))
        self.changed.emit(table, new_id)
        return new_id

    def delete(self, text: str, table: str, record_id: int) -> None:
        """Delete a record and all that hangs from it; undo brings it all back."""
        with self.archive.session() as session:
            before = snapshots.take(session, table, record_id)
            snapshots.remove(session, table, record_id)
        self.undo_stack.push(RecordCommand(self, text, [((table, record_id), before, None)]))
        self.changed.emit(table, record_id)

    def put_back(self, states: list[tuple[Key, snapshots.Snapshot | None]]) -> None:
        """Put records back to the given states in one transaction; the last is the main one."""
        try:
            with self.archive.session() as session:
                for (table, record_id), state in states:
                    snapshots.put_back(session, table, record_id, state)
        except PowmiaError as error:
            self.failed.emit(str(error))
            return
        table, record_id = states[-1][0]
        self.changed.emit(table, record_id)


class RecordCommand(QUndoCommand):
    """One change, undone and redone by putting snapshots back.

    ``states`` lists (record, before, after); the main record comes last, so records it
    links to (a meeting's new questions) exist again before its links are restored.
    """

    def __init__(self, ops: ArchiveOps, text: str, states: list[State]) -> None:
        super().__init__(text)
        self.ops = ops
        self.states = states
        self._done = True  # pushed after the change was made: the first redo does nothing

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.ops.put_back([(key, after) for key, _, after in self.states])

    def undo(self) -> None:
        self.ops.put_back([(key, before) for key, before, _ in self.states])
