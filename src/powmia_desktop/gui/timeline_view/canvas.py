"""The drawn, zoomable timeline: lanes of events over the years, the eras behind them.

Only what is in view is drawn. With more than ``DETAIL_LIMIT`` events in view, each lane
shows how many events start in each stretch of time (buckets of whole days, months or
years; a click zooms into one); with fewer, every event is drawn where its date puts it,
a fuzzy date as a range whose uncertain ends fade (services/timeline_layout.py), and a
click on one asks for it to be opened (``event_clicked``).

Wheel or +/- zoom around the pointer, a drag or the arrow keys pan, Home shows it all;
Up/Down (or Shift+wheel) scroll the lanes when they do not fit.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget
from sqlalchemy.orm import Session

from powmia_desktop.services.timeline_chart import ChartData, EventMark
from powmia_desktop.services.timeline_layout import (
    ERAS,
    PALETTE,
    bucket_days,
    pack_rows,
    scale_marks,
)
from powmia_desktop.services.values import date_text

#: Draw events one by one when at most this many are in view; count them above.
DETAIL_LIMIT = 1500
#: Draw the roughly dated events in view one by one up to this many; above, say how many.
ROUGH_LIMIT = 300
GUTTER = 180.0  # lane names
AXIS = 26.0  # the scale along the top
ERA_ROW = 16.0  # era names under the scale
ROW = 18.0  # one row of events
COUNT_LANE = 40.0  # a lane of counts
MAX_ROWS = 12  # rows of named events in one lane (the rest go on one more, unnamed)
LABEL_MAX = 260.0
MIN_SPAN_DAYS = 3.0
INK, MUTED, RULE, SHADE = "#222222", "#666666", "#d8d8d8", "#f5f5f5"

Reader = Callable[[], AbstractContextManager[Session]]


@lru_cache(maxsize=65_536)
def _words(stored: str) -> str:
    return date_text(stored)


class TimelineCanvas(QWidget):
    """Draws a ``ChartData`` between two days; ``event_clicked(id)`` when an event is clicked."""

    event_clicked = Signal(int)
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
        self._fetched: tuple[float, float, list[EventMark]] | None = None
        #: per lane, the roughly dated events in view not drawn one by one (see marks_in_view)
        self.rough: list[int] = []
        self._hits: list[tuple[QRectF, int]] = []
        self._buckets: list[tuple[QRectF, float, float]] = []
        self._press: QPointF | None = None
        self._dragged = False
        self._label_widths: dict[str, float] = {}
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
        self._fetched = None
        self.top = 0.0
        self.fit()

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
        return max(width - GUTTER - 8, 1.0)

    def x_of(self, day: float) -> float:
        return GUTTER + (day - self.low) / self.days_per_pixel

    def day_at(self, x: float) -> float:
        return self.low + (x - GUTTER) * self.days_per_pixel

    def zoom(self, factor: float, around_x: float | None = None) -> None:
        """Zoom in (``factor`` > 1) or out, keeping the day under ``around_x`` in place."""
        x = GUTTER + self.plot_width() / 2 if around_x is None else around_x
        anchor = self.day_at(x)
        share = (x - GUTTER) / self.plot_width()
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
        """The events known to the day in view (read from the archive when the view leaves
        the days read last: those in view and as many again either side, if few)."""
        assert self.data is not None
        fetched = self._fetched
        if fetched is None or not (fetched[0] <= self.low and self.high <= fetched[1]):
            span = self.high - self.low
            low, high = self.low - span, self.high + span
            if self.data.histogram.count_all(low, high) > 3 * DETAIL_LIMIT:
                low, high = self.low, self.high
            with self.reader() as session:
                fetched = (low, high, self.data.events_between(session, low, high))
            self._fetched = fetched
        return [m for m in fetched[2] if m.span.high >= self.low and m.span.low <= self.high]

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
            return self._paint(p, width, height, top)
        finally:
            self._painting_width = None

    def _paint(self, p: QPainter, width: float, height: float, top: float) -> float:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(QRectF(0, 0, width, height), QColor("white"))
        self._hits, self._buckets = [], []
        plot_right = width - 8
        body_top = AXIS + ERA_ROW
        self._eras(p, body_top, plot_right, height)
        self._scale(p, width, height)
        if self.data is None or not self.data.lanes:
            p.setPen(QColor(MUTED))
            p.drawText(
                QRectF(GUTTER, body_top, plot_right - GUTTER, height - body_top),
                Qt.AlignmentFlag.AlignCenter,
                "No dated events to show.",
            )
            return height
        p.setClipRect(QRectF(0, body_top, width, height - body_top))
        if self.in_detail():
            needed = self._draw_events(p, body_top - top, plot_right)
        else:
            needed = self._draw_counts(p, body_top - top, plot_right)
        p.setClipping(False)
        return needed + body_top

    def _eras(self, p: QPainter, body_top: float, right: float, height: float) -> None:
        """The eras as bands behind the lanes, each named in the row under the scale: the
        name may run on past a narrow band, but starts no further than a little after it."""
        shown = []
        for era in ERAS:
            start, end = era.span
            left, far = max(self.x_of(start), GUTTER), min(self.x_of(end), right)
            if far > left:
                colour = QColor(era.colour)
                p.fillRect(QRectF(left, AXIS, max(far - left, 1.0), height - AXIS), colour)
                shown.append((era.name, colour, left, far))
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        small.setItalic(True)
        p.setFont(small)
        metrics = QFontMetricsF(small)
        free = GUTTER  # where the row of names is free from
        for name, colour, left, far in shown:
            at = max(left, free + 8)
            room = right - at - 2
            if at > max(far, left + 1) + 12 or room < 30:
                continue
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(text) + 6
            p.fillRect(QRectF(at, AXIS + 1, width, ERA_ROW - 2), colour)
            p.setPen(QColor(MUTED))
            p.drawText(
                QRectF(at + 3, AXIS, width, ERA_ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            free = at + width
        p.setFont(self.font())

    def _scale(self, p: QPainter, width: float, height: float) -> None:
        p.setPen(QColor(MUTED))
        metrics = QFontMetricsF(self.font())
        gap = metrics.horizontalAdvance("Sep 1953") + 24
        for day, label in scale_marks(self.low, self.high, self.plot_width(width), gap):
            x = self.x_of(day)
            p.setPen(QPen(QColor(RULE), 1))
            p.drawLine(QPointF(x, AXIS - 4), QPointF(x, height))
            if x + 3 + metrics.horizontalAdvance(label) <= width:
                p.setPen(QColor(MUTED))
                p.drawText(QPointF(x + 3, AXIS - 8), label)
        p.setPen(QPen(QColor(RULE), 1))
        p.drawLine(QPointF(GUTTER, AXIS - 4), QPointF(width, AXIS - 4))

    def _lane_head(self, p: QPainter, lane: int, y: float, h: float, right: float) -> None:
        assert self.data is not None
        if lane % 2 == 0:
            p.fillRect(QRectF(0, y, GUTTER - 4, h), QColor(SHADE))
        p.setPen(QPen(QColor(RULE), 1))
        p.drawLine(QPointF(0, y + h), QPointF(right, y + h))
        p.setPen(QColor(self.colour(lane)).darker(130))
        name = self.data.lanes[lane]
        metrics = QFontMetricsF(self.font())
        p.drawText(
            QRectF(6, y, GUTTER - 14, min(h, 2 * ROW)),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(name, Qt.TextElideMode.ElideRight, GUTTER - 14),
        )

    def colour(self, lane: int) -> str:
        return PALETTE[lane % len(PALETTE)]

    def _draw_counts(self, p: QPainter, y: float, right: float) -> float:
        """Each lane as bars of how many events start in each bucket."""
        assert self.data is not None
        histogram = self.data.histogram
        size = bucket_days(self.low, self.high, self.plot_width())
        lanes = [
            histogram.buckets(lane, self.low, self.high, size) for lane in range(histogram.lanes)
        ]
        most = max((n for found in lanes for _, n in found), default=1)
        start_y = y
        for lane, found in enumerate(lanes):
            self._lane_head(p, lane, y, COUNT_LANE, right)
            colour = QColor(self.colour(lane))
            for start, n in found:
                left, far = self.x_of(start), self.x_of(start + size)
                left, far = max(left, GUTTER), min(far, right)
                if far <= left:
                    continue
                bar = (COUNT_LANE - 6) * math.sqrt(n / most)
                rect = QRectF(
                    left, y + COUNT_LANE - 3 - max(bar, 2), max(far - left - 1, 1), max(bar, 2)
                )
                p.fillRect(rect, colour)
                self._buckets.append((QRectF(left, y, far - left, COUNT_LANE), start, start + size))
            y += COUNT_LANE
        return y - start_y

    def _label_width(self, metrics: QFontMetricsF, title: str) -> float:
        width = self._label_widths.get(title)
        if width is None:
            width = min(metrics.horizontalAdvance(title) + 8, LABEL_MAX)
            self._label_widths[title] = width
        return width

    def _draw_events(self, p: QPainter, y: float, right: float) -> float:
        """Every event in view, each lane's events packed into rows that do not overlap."""
        assert self.data is not None
        metrics = QFontMetricsF(self.font())
        by_lane: list[list[EventMark]] = [[] for _ in self.data.lanes]
        for mark in self.marks_in_view():
            by_lane[mark.lane].append(mark)
        start_y = y
        origin, per_day = self.low, 1 / self.days_per_pixel
        for lane, marks in enumerate(by_lane):
            rough = ROW if self.rough and self.rough[lane] else 0.0
            placed = []
            for mark in marks:
                left = GUTTER + (mark.span.low - origin) * per_day
                far = max(GUTTER + (mark.span.high - origin) * per_day, left + 8)
                label = self._label_width(metrics, mark.title)
                if far + label > right and left - label >= GUTTER:  # the name before it
                    placed.append((left - label, far))
                else:
                    placed.append((left, far + label))
            rows = pack_rows(placed, MAX_ROWS)
            crowded = -1 in rows  # a last row of marks without names for the rest
            height = rough + ROW * (max(rows, default=0) + 1 + crowded) + 8
            self._lane_head(p, lane, y, height, right)
            if rough:
                self._rough_strip(p, lane, self.rough[lane], y + 4, right)
            ticked: set[int] = set()
            for mark, row, extent in zip(marks, rows, placed, strict=True):
                if row < 0:
                    left = self.x_of(mark.span.low)
                    if int(left) not in ticked:  # one tick a pixel is enough to see
                        ticked.add(int(left))
                        self._draw_crowded(p, mark, left, y + height - ROW - 4)
                else:
                    self._draw_mark(p, mark, y + 4 + rough + row * ROW, extent, right, metrics)
            y += height
        return y - start_y

    def _draw_crowded(self, p: QPainter, mark: EventMark, low: float, y: float) -> None:
        """A mark with no room for its name: a plain tick (a tooltip still names it)."""
        width = max(self.x_of(mark.span.high) - low, 2.0)
        p.fillRect(QRectF(low, y + 4, width, ROW - 8), QColor(self.colour(mark.lane)))
        self._hits.append((QRectF(low - 1, y, width + 2, ROW), mark.id))

    def _rough_strip(self, p: QPainter, lane: int, count: int, y: float, right: float) -> None:
        """One row saying how many roughly dated events of ``lane`` reach into view."""
        band = QColor(self.colour(lane))
        band.setAlpha(30)
        p.fillRect(QRectF(GUTTER, y + 3, right - GUTTER, ROW - 6), band)
        p.setPen(QColor(MUTED))
        p.drawText(
            QRectF(GUTTER + 6, y, right - GUTTER - 12, ROW),
            Qt.AlignmentFlag.AlignVCenter,
            f"{count:,} events dated only roughly (about, between, a month or a year) reach "
            "into these days; show one case to see them",
        )

    def _draw_mark(
        self,
        p: QPainter,
        mark: EventMark,
        y: float,
        extent: tuple[float, float],
        right: float,
        metrics: QFontMetricsF,
    ) -> None:
        """The event's bar or diamond, and its name after it (or before it, when ``extent``,
        the room packed for both, starts left of the event)."""
        colour = QColor(self.colour(mark.lane))
        span = mark.span
        low, high = self.x_of(span.low), self.x_of(span.high)
        solid_low, solid_high = self.x_of(span.solid_low), self.x_of(span.solid_high)
        top, bar_h = y + 4, ROW - 8
        if high - low < 7:  # a day, or a month far away: a diamond
            middle = (low + high) / 2
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawPolygon(
                [
                    QPointF(middle, top - 2),
                    QPointF(middle + 5, top + bar_h / 2),
                    QPointF(middle, top + bar_h + 2),
                    QPointF(middle - 5, top + bar_h / 2),
                ]
            )
            low, high = middle - 5, middle + 5
        else:
            faint = QColor(colour)
            faint.setAlpha(40)
            for outer, inner in ((low, solid_low), (high, solid_high)):
                if abs(inner - outer) >= 1:
                    gradient = QLinearGradient(outer, 0, inner, 0)
                    gradient.setColorAt(0, faint)
                    gradient.setColorAt(1, colour)
                    p.fillRect(QRectF(min(outer, inner), top, abs(inner - outer), bar_h), gradient)
            if solid_high - solid_low >= 1:
                p.fillRect(QRectF(solid_low, top, solid_high - solid_low, bar_h), colour)
        before = extent[0] < low - 1
        reach_left, reach_right = (extent[0], high) if before else (low, max(extent[1], high))
        self._hits.append((QRectF(reach_left - 2, y, reach_right - reach_left + 4, ROW), mark.id))
        room = low - extent[0] - 6 if before else min(extent[1], right) - high - 6
        if room > 20:
            p.setPen(QColor(INK))
            text = metrics.elidedText(mark.title, Qt.TextElideMode.ElideRight, room)
            if before:
                flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
                p.drawText(QRectF(extent[0], y, room, ROW), flags, text)
            else:
                p.drawText(QRectF(high + 4, y, room, ROW), Qt.AlignmentFlag.AlignVCenter, text)

    # -- what was clicked -------------------------------------------------------------
    def event_at(self, point: QPointF) -> EventMark | None:
        for rect, event_id in reversed(self._hits):
            if rect.contains(point):
                return next((m for m in self.marks_in_view() if m.id == event_id), None)
        return None

    def bucket_at(self, point: QPointF) -> tuple[float, float] | None:
        for rect, low, high in self._buckets:
            if rect.contains(point):
                return low, high
        return None

    def click(self, point: QPointF) -> None:
        """What a click at ``point`` does: open an event, or zoom into a bucket of counts."""
        mark = self.event_at(point)
        if mark is not None:
            self.event_clicked.emit(mark.id)
            return
        bucket = self.bucket_at(point)
        if bucket is not None:
            low, high = bucket
            pad = (high - low) * 0.25
            self.set_view(low - pad, high + pad)

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
        if mark is not None:
            QToolTip.showText(
                event.globalPosition().toPoint(), f"{_words(mark.date)}\n{mark.title}", self
            )
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and not self._dragged:
            self.click(event.position())
        self._press = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
