"""Work done off the GUI thread, its result taken in on it: every background read of the
window (a list's rows, the timeline chart's lanes and its events) goes through ``Latest``.

``Latest(owner, done)`` keeps at most one piece of work in flight for its owner, the latest:
``run(work)`` starts ``work(obsolete)`` on a thread of its own (or on the owner's executor)
and drops the one in flight. The work touches no Qt object — the owner may be gone when it
ends — and Python's cycle collector runs on the GUI thread only (gui/collector.py), so
work that ends never frees a widget off it. A timer on the GUI thread, a child of the owner
(it dies with it), looks every few milliseconds whether the work has ended, and then hands
its ``Job`` to ``done`` there; ``finish()`` waits for it and hands it over at once instead.
Work that is dropped (``drop()``, or a newer ``run``) is told so — its ``obsolete`` event is
set and, if it has not started, it never starts — and its result is never handed over.
"""

import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

T = TypeVar("T")

#: Work for the other thread: told through the event when it has become useless (it may
#: then stop at its next step; what it returns is dropped anyway).
Work = Callable[[threading.Event], T]


class Job(Generic[T]):
    """One piece of work off the GUI thread: its result to come, and whether it is wanted."""

    def __init__(self, work: Work[T], executor: Executor | None, name: str) -> None:
        #: set when the work has become useless: it may stop at its next step
        self.obsolete = threading.Event()
        if executor is not None:
            self.result: Future[T] = executor.submit(work, self.obsolete)
        else:
            self.result = Future()
            threading.Thread(target=self._run, args=(work,), name=name, daemon=True).start()

    def _run(self, work: Work[T]) -> None:
        if not self.result.set_running_or_notify_cancel():
            return  # dropped before it started
        try:
            self.result.set_result(work(self.obsolete))
        except BaseException as error:  # handed to the GUI thread, which reports it
            self.result.set_exception(error)

    def drop(self) -> None:
        self.obsolete.set()
        self.result.cancel()  # if it has not started


class Latest(Generic[T]):
    """The latest work off the GUI thread for one owner, handed to ``done`` when it ends."""

    def __init__(
        self,
        owner: QObject,
        done: Callable[[Job[T]], None],
        *,
        poll_ms: int,
        executor: Executor | None = None,
        name: str = "background work",
    ) -> None:
        self._done = done
        self._executor = executor
        self._name = name
        self.job: Job[T] | None = None
        self._watch = QTimer(owner)
        self._watch.setInterval(poll_ms)
        self._watch.timeout.connect(self._look)

    @property
    def busy(self) -> bool:
        """Whether work is in flight."""
        return self.job is not None

    def run(self, work: Work[T]) -> Job[T]:
        """Start ``work``; the work in flight, if any, is dropped."""
        self.drop()
        self.job = Job(work, self._executor, self._name)
        self._watch.start()
        return self.job

    def drop(self) -> None:
        """Forget the work in flight: it is told so, and its result is never handed over."""
        if self.job is not None:
            self.job.drop()
            self.job = None
            self._watch.stop()

    def finish(self) -> None:
        """Wait for the work in flight, if any, and hand it over now."""
        job = self.job
        if job is not None:
            job.result.exception()  # waits; an error is the receiver's to report
            self._hand_over(job)

    def _look(self) -> None:
        """(The timer's slot.) Hand the work over if it has ended."""
        job = self.job
        if job is None:
            self._watch.stop()
        elif job.result.done():
            self._hand_over(job)

    def _hand_over(self, job: Job[T]) -> None:
        self.job = None
        self._watch.stop()
        self._done(job)
