"""The drawn, zoomable timeline: lanes of events over the years, the eras behind them.

Only what is in view is drawn. With more than ``DETAIL_LIMIT`` events in view, each lane
shows how many events start in each stretch of time (buckets of whole days, months or
years; a click zooms into one); with fewer, every event is drawn where its date puts it,
a fuzzy date as a range whose uncertain ends fade (services/timeline_layout.py), and a
click on one asks for it to be opened (``event_clicked``). No frame waits on the archive:
events not read yet are read on a thread of their own (gui/timeline_view/reads.py); until
they arrive the view shows what is read already, or the counts, marked "reading events…".

Wheel or +/- zoom around the pointer, a drag or the arrow keys pan, Home shows it all;
Up/Down (or Shift+wheel) scroll the lanes when they do not fit.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from powmia_desktop.gui.timeline_view.drawing import GUTTER, ROW, ChartPainter
from powmia_desktop.gui.timeline_view.reads import EventReads, Reader
from powmia_desktop.services.timeline_chart import EVERY_EVENT_LIMIT, ChartData, EventMark
from powmia_desktop.services.values import date_text

#: Draw events one by one when at most this many are in view; count them above.
DETAIL_LIMIT = EVERY_EVENT_LIMIT
#: Draw the roughly dated events in view one by one up to this many; above, say how many.
ROUGH_LIMIT = 300
MIN_SPAN_DAYS = 3.0
MIN_GUTTER = 90.0


@lru_cache(maxsize=65_536)
def _words(stored: str) -> str:
    return date_text(stored)


def bucket_words(low: float, high: float, count: int) -> str:
    """What a bar of counts holds, as its tooltip says it."""
    first = dt.date.fromordinal(max(int(low), 1))
    last = dt.date.fromordinal(max(int(high) - 1, int(low), 1))
    events = f"{count:,} event" + ("" if count == 1 else "s")
    if first == last:
        return f"{events} on {first:%-d %b %Y}"
    return f"{events} from {first:%-d %b %Y} to {last:%-d %b %Y} (click to zoom in)"


class TimelineCanvas(QWidget):
    """Draws a ``ChartData`` between two days; ``event_clicked(id)`` when an event is clicked."""

    event_clicked = Signal(int)
    #: the row saying how many cases have no lane was clicked (to filter the cases)
    more_clicked = Signal()
    view_changed = Signal()
    #: the lanes need another height (``needed``) since the last paint
    height_changed = Signal()

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.data: ChartData | None = None
        self.low, self.high = 711_000.0, 740_000.0
        self.top = 0.0  # lanes scrolled up by this many pixels
        self.needed = 0.0  # the height the scale and every lane took at the last paint
        #: the width of the lane names (``GUTTER`` at most; see ``set_data``)
        self.gutter = GUTTER
        #: the lanes and counts are being read (the chart says so while it has none)
        self.loading = False
        self.reads = EventReads(reader, self)
        self.reads.arrived.connect(self._arrived)
        #: per lane, the roughly dated events in view not drawn one by one (see marks_in_view)
        self.rough: list[int] = []
        self.hits: list[tuple[QRectF, EventMark]] = []
        self.buckets: list[tuple[QRectF, float, float, int]] = []
        self.more_row: QRectF | None = None
        self._press: QPointF | None = None
        self._dragged = False
        self.label_widths: dict[str, float] = {}
        self.lane_names: dict[tuple[str, float], str] = {}  # elided to a width
        self._painting_width: float | None = None  # while drawing a picture of another size
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setMinimumSize(400, 200)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0))
        self.setFont(font)

    # -- what is shown ----------------------------------------------------------------
    def set_data(self, data: ChartData | None) -> None:
        """Show ``data``, the whole of it in view."""
        self.data = data
        self.reads.use(data)
        self.top = 0.0
        metrics = QFontMetricsF(self.font())
        names = data.lanes if data is not None else []
        widest = max((metrics.horizontalAdvance(name) for name in names), default=GUTTER)
        self.gutter = min(max(widest + 24, MIN_GUTTER), GUTTER)
        self.fit()

    def _arrived(self) -> None:
        self.update()
        self.view_changed.emit()

    def fit(self) -> None:
        extent = self.data.histogram.extent() if self.data is not None else None
        if extent is None:
            low, high = 711_000.0, 740_000.0  # 1947 to 2027
        else:
            low, high = extent
            margin = max((high - low) * 0.04, 30.0)
            low, high = low - margin, high + margin
        self.set_view(low, high)

    def set_view(self, low: float, high: float) -> None:
        span = max(high - low, MIN_SPAN_DAYS)
        span = min(span, 365.25 * 400)
        middle = (low + high) / 2
        low = max(middle - span / 2, 1.0)
        self.low, self.high = low, low + span
        self.update()
        self.view_changed.emit()

    @property
    def days_per_pixel(self) -> float:
        return (self.high - self.low) / max(self.plot_width(), 1.0)

    def plot_width(self, width: float | None = None) -> float:
        """The width of the days (right of the lane names) in the widget, or in the
        picture being drawn, or in ``width``."""
        if width is None:
            width = self._painting_width or self.width()
        return max(width - self.gutter - 8, 1.0)

    def x_of(self, day: float) -> float:
        return self.gutter + (day - self.low) / self.days_per_pixel

    def day_at(self, x: float) -> float:
        return self.low + (x - self.gutter) * self.days_per_pixel

    def zoom(self, factor: float, around_x: float | None = None) -> None:
        """Zoom in (``factor`` > 1) or out, keeping the day under ``around_x`` in place."""
        x = self.gutter + self.plot_width() / 2 if around_x is None else around_x
        anchor = self.day_at(x)
        share = (x - self.gutter) / self.plot_width()
        span = (self.high - self.low) / factor
        span = min(max(span, MIN_SPAN_DAYS), 365.25 * 400)
        self.set_view(anchor - span * share, anchor - span * share + span)

    def pan(self, pixels: float) -> None:
        shift = pixels * self.days_per_pixel
        self.set_view(self.low + shift, self.high + shift)

    def in_detail(self) -> bool:
        """Whether the events in view are few enough to draw one by one."""
        if self.data is None:
            return False
        return self.data.histogram.count_all(self.low, self.high) <= DETAIL_LIMIT

    def marks_in_view(self) -> list[EventMark]:
        """The events drawn now, in lane order then by start; when more than
        ``ROUGH_LIMIT`` roughly dated events reach into view, only those known to the day
        (``rough`` then says how many of the others each lane holds)."""
        if self.data is None:
            return []
        wide = self.data.wide_between(self.low, self.high)
        narrow = self._narrow_in_view()
        if len(wide) > ROUGH_LIMIT:
            self.rough = [0] * len(self.data.lanes)
            for mark in wide:
                self.rough[mark.lane] += 1
            return narrow
        self.rough = []
        return sorted(narrow + wide, key=lambda m: (m.lane, m.span.low, m.id))

    def _narrow_in_view(self) -> list[EventMark]:
        """The events known to the day in view that are read (see gui/timeline_view/reads.py:
        a read of the others starts on a thread of its own, and the view is painted again
        when it arrives)."""
        return self.reads.events(self.low, self.high)

    def events_at_hand(self) -> bool:
        """Whether the events in view are drawn one by one: few enough are in view, and
        some of their days are read (else the counts are drawn until the read arrives).
        Starts reading the events in view when they are not all at hand."""
        if not self.in_detail():
            return False
        self.reads.want(self.low, self.high)
        return self.reads.overlaps(self.low, self.high)

    def reading(self) -> bool:
        """Whether events in view are still being read (the view is marked "reading…")."""
        return self.in_detail() and not self.reads.covers(self.low, self.high)

    def events_read(self) -> bool:
        """Whether the events in view are at hand; starts reading them if they are not."""
        if not self.in_detail():
            return True
        self.reads.want(self.low, self.high)
        return self.reads.covers(self.low, self.high)

    def read_now(self) -> None:
        """Read the events in view on this thread if they are not at hand (for a picture)."""
        if self.in_detail():
            self.reads.read_now(self.low, self.high)

    # -- drawing ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            needed = self.paint(painter, float(self.width()), float(self.height()), self.top)
        finally:
            painter.end()
        if needed != self.needed:
            self.needed = needed
            self.height_changed.emit()

    def paint(self, p: QPainter, width: float, height: float, top: float = 0.0) -> float:
        """Draw the chart on ``p`` over ``width`` × ``height``; returns the height the lanes
        need in all (more than ``height`` when they do not fit)."""
        self._painting_width = width
        try:
            return ChartPainter(self).paint(p, width, height, top)
        finally:
            self._painting_width = None

    # -- what was clicked -------------------------------------------------------------
    def event_at(self, point: QPointF) -> EventMark | None:
        for rect, mark in reversed(self.hits):
            if rect.contains(point):
                return mark
        return None

    def bucket_at(self, point: QPointF) -> tuple[float, float, int] | None:
        """The days [low, high) of the bar of counts at ``point``, and its count."""
        for rect, low, high, count in self.buckets:
            if rect.contains(point):
                return low, high, count
        return None

    def click(self, point: QPointF) -> None:
        """What a click at ``point`` does: open an event, or zoom into a bucket of counts."""
        mark = self.event_at(point)
        if mark is not None:
            self.event_clicked.emit(mark.id)
            return
        bucket = self.bucket_at(point)
        if bucket is not None:
            low, high, _ = bucket
            pad = (high - low) * 0.25
            self.set_view(low - pad, high + pad)
        elif self.more_row is not None and self.more_row.contains(point):
            self.more_clicked.emit()

    # -- input ------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120 or event.angleDelta().x() / 120
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.scroll_lanes(-steps * ROW * 3)
        else:
            self.zoom(1.25**steps, event.position().x())
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_top(self.top)  # within what a taller view leaves hidden
        self.height_changed.emit()

    def scroll_lanes(self, pixels: float) -> None:
        self.set_top(self.top + pixels)

    def set_top(self, top: float) -> None:
        """Scroll the lanes so that ``top`` pixels of them are above the view."""
        top = min(max(top, 0.0), max(self.needed - self.height(), 0.0))
        if top != self.top:
            self.top = top
            self.update()
            self.view_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, k = event.key(), Qt.Key
        width = self.plot_width()
        actions = {
            k.Key_Plus: lambda: self.zoom(1.5),
            k.Key_Equal: lambda: self.zoom(1.5),
            k.Key_Minus: lambda: self.zoom(1 / 1.5),
            k.Key_Left: lambda: self.pan(-width / 8),
            k.Key_Right: lambda: self.pan(width / 8),
            k.Key_Up: lambda: self.scroll_lanes(-ROW * 3),
            k.Key_Down: lambda: self.scroll_lanes(ROW * 3),
            k.Key_Home: self.fit,
            k.Key_0: self.fit,
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = event.position(), False
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None:
            dx = event.position().x() - self._press.x()
            if self._dragged or abs(dx) > 4:
                self._dragged = True
                self.pan(-dx)
                self._press = event.position()
            return
        mark = self.event_at(event.position())
        bucket = self.bucket_at(event.position()) if mark is None else None
        where = event.globalPosition().toPoint()
        if mark is not None:
            QToolTip.showText(where, f"{_words(mark.date)}\n{mark.title}", self)
        elif bucket is not None:
            low, high, count = bucket
            QToolTip.showText(where, bucket_words(low, high, count), self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and not self._dragged:
            self.click(event.position())
        self._press = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
