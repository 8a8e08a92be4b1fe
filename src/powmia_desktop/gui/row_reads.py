"""Rows read on a thread of their own, for a list on screen (a section's list, a list's rows
as printed, the review queue): at most one read in flight per list, the latest; the rows
taken in on the GUI thread when it ends (gui/off_thread.py), or at once by a caller that
needs every row.

A newer read makes the one in flight useless: it is told so (it stops at its next step) and
its rows are never taken in.
"""

import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QObject
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from powmia_desktop.core.memory import collector_paused
from powmia_desktop.gui.off_thread import Job, Latest
from powmia_desktop.gui.tables import Column, RowSet, prepare_rows
from powmia_desktop.logs import log_unexpected

R = TypeVar("R")

#: How often the GUI thread looks whether the read in flight has finished.
READ_POLL_MS = 10

#: A read's work, on its thread: told through the event when it has become useless.
ReadJob = Callable[[threading.Event], RowSet[R]]


def read_job(
    bind: Engine | Connection,
    load: Callable[[Session], Iterable[R]],
    columns: Sequence[Column[R]],
    sort: tuple[int, bool] | None,
    haystack: Callable[[R], str],
) -> ReadJob[R]:
    """The rows ``load`` reads in a session of its own, with the filter's texts and the sort
    (``columns``, ``sort``: the table's as the read starts) prepared on the read's thread."""
    columns = list(columns)

    def job(obsolete: threading.Event) -> RowSet[R]:
        with Session(bind) as session, collector_paused():
            rows = list(load(session))
            if obsolete.is_set():
                return RowSet([])
            return prepare_rows(columns, rows, haystack, sort)

    return job


class LatestRead(Generic[R]):
    """The latest background read of a list's rows: ``arrived(rows)`` when it ends, or
    ``failed(reason)`` (a line a person can read; the error itself is logged)."""

    def __init__(
        self,
        owner: QObject,
        arrived: Callable[[RowSet[R]], None],
        failed: Callable[[str], None],
    ) -> None:
        self._arrived = arrived
        self._failed = failed
        self._latest: Latest[RowSet[R]] = Latest(
            owner, self._take, poll_ms=READ_POLL_MS, name="list rows"
        )

    @property
    def loading(self) -> bool:
        """Whether a read is in flight."""
        return self._latest.busy

    def start(self, job: ReadJob[R]) -> None:
        """Read with ``job`` on a thread of its own; a read in flight is abandoned."""
        self._latest.run(job)

    def abandon(self) -> None:
        """Forget the read in flight (it is told to stop; its rows are never taken in)."""
        self._latest.drop()

    def wait(self) -> None:
        """Wait for the read in flight, if any, and take its rows in now."""
        self._latest.finish()

    def _take(self, read: Job[RowSet[R]]) -> None:
        try:
            prepared = read.result.result()
        except Exception as error:
            log_unexpected(error)
            self._failed(str(error).splitlines()[0] if str(error) else type(error).__name__)
            return
        self._arrived(prepared)
