"""Rows read on a thread of their own, for a list on screen (a section's list, a list's rows
as printed): at most one read in flight per list, the latest; the rows taken in on the GUI
thread when it ends.

The thread touches no Qt object (the widget may be gone when it ends): a timer on the GUI
thread looks whether the read has finished, or a caller that needs every row waits for it.
A newer read makes the one in flight useless: it is told so (it stops at its next step) and
its rows are never taken in. Python's cycle collector runs on the GUI thread only
(gui/collector.py), so a read that ends never frees a widget off it.
"""

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from powmia_desktop.core.memory import collector_paused
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


class _Read(Generic[R]):
    """One read of every row of a list, on a thread of its own."""

    def __init__(self, job: ReadJob[R]) -> None:
        self.result: Future[RowSet[R]] = Future()
        #: set when a newer read makes this one useless: it stops at its next step
        self.obsolete = threading.Event()
        self._job = job
        threading.Thread(target=self._run, name="list rows", daemon=True).start()

    def _run(self) -> None:
        try:
            self.result.set_result(self._job(self.obsolete))
        except BaseException as error:  # handed to the GUI thread, which reports it
            self.result.set_exception(error)


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
        self._read: _Read[R] | None = None
        self._watch = QTimer(owner)
        self._watch.setInterval(READ_POLL_MS)
        self._watch.timeout.connect(self._poll)

    @property
    def loading(self) -> bool:
        """Whether a read is in flight."""
        return self._read is not None

    def start(self, job: ReadJob[R]) -> None:
        """Read with ``job`` on a thread of its own; a read in flight is abandoned."""
        self.abandon()
        self._read = _Read(job)
        self._watch.start()

    def abandon(self) -> None:
        """Forget the read in flight (it is told to stop; its rows are never taken in)."""
        if self._read is not None:
            self._read.obsolete.set()
            self._read = None
            self._watch.stop()

    def wait(self) -> None:
        """Wait for the read in flight, if any, and take its rows in now."""
        read = self._read
        if read is not None:
            read.result.exception()  # waits; the error, if any, is taken in below
            self._take(read)

    def _poll(self) -> None:
        read = self._read
        if read is None:
            self._watch.stop()
        elif read.result.done():
            self._take(read)

    def _take(self, read: _Read[R]) -> None:
        self._read = None
        self._watch.stop()
        try:
            prepared = read.result.result()
        except Exception as error:
            log_unexpected(error)
            self._failed(str(error).splitlines()[0] if str(error) else type(error).__name__)
            return
        self._arrived(prepared)
