"""The events of the days in view, read on a thread of their own: no frame waits on SQL.

The canvas asks for ``events(low, high)`` while it paints. When the days read last cover
the view, their events are at hand at once. Otherwise a read of the view's days (and as
many again either side, when few enough events are there) starts on the reading thread,
one read at a time, and the canvas draws what it has meanwhile: ``covers(low, high)`` is
false until the read arrives, and the canvas marks the view "reading…". The read is
taken in on the GUI thread when it ends (gui/off_thread.py), and ``arrived`` is emitted
(the canvas paints again). A read the view has left by then is dropped unread and the
view's days are read instead; ``use(data)`` (other lanes, another archive, the chart
closed) drops the read in flight.

A chart of few events (one case's) comes with every event read already
(``ChartData.every_event``): nothing is read while it is panned and zoomed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.memory import collector_paused
from powmia_desktop.gui.off_thread import Job, Latest
from powmia_desktop.logs import log_unexpected
from powmia_desktop.services.timeline_chart import EVERY_EVENT_LIMIT, ChartData, EventMark

Reader = Callable[[], AbstractContextManager[Session]]

#: How often the GUI thread looks whether the read in flight has ended.
POLL_MS = 5


#: The thread the events are read on, one for every chart, started once: starting a thread
#: waits for it to run, which under load takes longer than a frame has.
_READER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline events")


class _Read:
    """One read of the events known to the day in days [low, high), on the reading thread."""

    def __init__(self, low: float, high: float, job: Job[list[EventMark]]) -> None:
        self.low, self.high = low, high
        self.result: Future[list[EventMark]] = job.result

    def covers(self, low: float, high: float) -> bool:
        return self.low <= low and high <= self.high


def _events(reader: Reader, data: ChartData, low: float, high: float) -> list[EventMark]:
    """(On the reading thread.) Any error is handed to the GUI thread with the result."""
    with reader() as session, collector_paused():
        return data.events_between(session, low, high)


class EventReads(QObject):
    """The events read for one ``ChartData`` and the read in flight (see the module)."""

    #: a read has arrived and its events are at hand
    arrived = Signal()

    def __init__(self, reader: Reader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.data: ChartData | None = None
        #: the days read and their events, by lane then start
        self.fetched: tuple[float, float, list[EventMark]] | None = None
        #: the days asked for last (the view when it was last painted)
        self.view: tuple[float, float] | None = None
        #: reads dropped because the view had left their days when they arrived
        self.dropped = 0
        #: why the last read failed, in one line (None when it did not)
        self.failure: str | None = None
        #: above this many events, a read is of the view's days only (not as many again aside)
        self.wide_limit = 3 * EVERY_EVENT_LIMIT
        self.in_flight: _Read | None = None
        self._reads: Latest[list[EventMark]] = Latest(
            self, self._arrive, poll_ms=POLL_MS, executor=_READER
        )

    def use(self, data: ChartData | None) -> None:
        """Read for ``data`` from now on: the read in flight and the events read are dropped."""
        self.data = data
        self._reads.drop()  # (cancelled if it has not started)
        self.in_flight = None
        self.view = None
        self.failure = None
        every = data.every_event if data is not None else None
        self.fetched = None if every is None else (-math.inf, math.inf, every)
        if data is not None and every is None:
            _READER.submit(int)  # the reading thread starts now, not in the first frame

    def covers(self, low: float, high: float) -> bool:
        """Whether every event known to the day in days [low, high) is at hand."""
        fetched = self.fetched
        return fetched is not None and fetched[0] <= low and high <= fetched[1]

    def overlaps(self, low: float, high: float) -> bool:
        """Whether some of days [low, high) are read (their events can be drawn meanwhile)."""
        fetched = self.fetched
        return fetched is not None and fetched[0] < high and low < fetched[1]

    @property
    def reading(self) -> bool:
        return self.in_flight is not None

    def want(self, low: float, high: float) -> None:
        """Days [low, high) are in view: start reading their events unless they are at hand
        or a read is in flight (kept when it arrives if it covers the view then)."""
        self.view = (low, high)
        if self.covers(low, high) or self.data is None or self.failure is not None:
            return  # at hand, nothing to read, or said why not (the next ``use`` tries again)
        if self.in_flight is None:
            self._start(low, high)

    def events(self, low: float, high: float) -> list[EventMark]:
        """The events at hand drawn in days [low, high); starts reading them when not all are."""
        self.want(low, high)
        fetched = self.fetched
        if fetched is None:
            return []
        return [m for m in fetched[2] if m.span.high >= low and m.span.low <= high]

    def read_now(self, low: float, high: float) -> None:
        """Read days [low, high) on this thread unless they are at hand (for a picture)."""
        if self.data is None or self.covers(low, high):
            return
        self.use(self.data)
        with self.reader() as session:
            self.fetched = (low, high, self.data.events_between(session, low, high))

    def _start(self, low: float, high: float) -> None:
        assert self.data is not None
        span = high - low
        wide_low, wide_high = low - span, high + span
        if self.data.histogram.count_all(wide_low, wide_high) <= self.wide_limit:
            low, high = wide_low, wide_high
        reader, data = self.reader, self.data
        job = self._reads.run(lambda _obsolete: _events(reader, data, low, high))
        self.in_flight = _Read(low, high, job)

    def _arrive(self, job: Job[list[EventMark]]) -> None:
        """Take the read in flight in: it has ended."""
        read = self.in_flight
        self.in_flight = None
        if read is None:  # (never: ``use`` drops the job with the read)
            return
        try:
            marks = job.result.result()
        except PowmiaError as problem:
            self.failure = str(problem)
        except Exception as problem:  # one line for the person; the details logged
            self.failure = (
                f"Unexpected error ({type(problem).__name__}); see {log_unexpected(problem)}"
            )
        else:
            view = self.view
            if view is None or read.covers(*view):
                self.fetched = (read.low, read.high, marks)
            else:  # the view moved on: read where it is now
                self.dropped += 1
                self._start(*view)
                return
        self.arrived.emit()
