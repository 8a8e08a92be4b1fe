"""How the timeline canvas is drawn: eras, scale, lanes, counts and events.

``ChartPainter(canvas).paint(p, width, height, top)`` draws what ``canvas``
(gui/timeline_view/canvas.py) has in view and records where each event and bar of counts
landed (``canvas.hits``, ``canvas.buckets``) for clicks and tooltips.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen

from powmia_desktop.services.timeline_chart import EventMark
from powmia_desktop.services.timeline_layout import (
    ERAS,
    PALETTE,
    bucket_days,
    pack_rows,
    scale_marks,
)

if TYPE_CHECKING:
    from powmia_desktop.gui.timeline_view.canvas import TimelineCanvas

GUTTER = 180.0  # lane names: at most this wide (less when the names are short)
AXIS = 26.0  # the scale along the top
ERA_ROW = 16.0  # era names under the scale
ROW = 18.0  # one row of events
COUNT_LANE = 40.0  # a lane of counts
MAX_ROWS = 12  # rows of named events in one lane (the rest go on one more, unnamed)
LABEL_MAX = 260.0
MORE_ROW = 28.0  # the row saying how many cases have no lane
INK, MUTED, RULE, SHADE, LINK = "#222222", "#666666", "#d8d8d8", "#f5f5f5", "#1a5fb4"


class ChartPainter:
    """One drawing of a canvas (on the screen, or into a picture of another size)."""

    def __init__(self, canvas: TimelineCanvas) -> None:
        self.c = canvas
        # the rows grow with the text, so that large text never runs into the next row
        metrics = QFontMetricsF(canvas.font())
        small = QFont(canvas.font())
        small.setPointSizeF(canvas.font().pointSizeF() * 0.85)
        self.row = max(ROW, metrics.height() + 2)
        self.axis = max(AXIS, metrics.height() + 8)
        self.era_row = max(ERA_ROW, QFontMetricsF(small).height() + 2)
        self.more_row_height = max(MORE_ROW, metrics.height() + 10)
        self.label_max = max(LABEL_MAX, metrics.averageCharWidth() * 24)

    def paint(self, p: QPainter, width: float, height: float, top: float) -> float:
        """Draw the chart on ``p`` over ``width`` × ``height`` (see TimelineCanvas.paint)."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(QRectF(0, 0, width, height), QColor("white"))
        self.c.hits, self.c.buckets, self.c.more_row = [], [], None
        plot_right = width - 8
        body_top = self.axis + self.era_row
        self._eras(p, body_top, plot_right, height)
        self._scale(p, width, height)
        if self.c.data is None or not self.c.data.lanes:
            p.setPen(QColor(MUTED))
            p.drawText(
                QRectF(self.c.gutter, body_top, plot_right - self.c.gutter, height - body_top),
                Qt.AlignmentFlag.AlignCenter,
                "Reading the timeline…" if self.c.loading else "No dated events to show.",
            )
            return height
        p.setClipRect(QRectF(0, body_top, width, height - body_top))
        if self.c.events_at_hand():
            needed = self._draw_events(p, body_top - top, plot_right)
        else:  # zoomed out, or the events in view not read yet: how many there are
            needed = self._draw_counts(p, body_top - top, plot_right)
        if self.c.data.more_lanes:
            needed += self._more_row(p, body_top - top + needed, plot_right)
        p.setClipping(False)
        if self.c.reading():
            self._reading(p, plot_right)
        return needed + body_top

    def _more_row(self, p: QPainter, y: float, right: float) -> float:
        """A last row saying how many cases have no lane, and how to see them (a click
        there asks for the filter: ``canvas.more_row``)."""
        assert self.c.data is not None
        more = self.c.data.more_lanes
        box = QRectF(0, y, right, self.more_row_height)
        p.fillRect(box.adjusted(0, 2, 0, -2), QColor(SHADE))
        p.setPen(QColor(LINK))
        text = f"{more:,} more case{'' if more == 1 else 's'} with events — filter to see them"
        p.drawText(box.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
        self.c.more_row = box
        return self.more_row_height

    def _reading(self, p: QPainter, right: float) -> None:
        """A light mark at the end of the eras' row while the events in view are read (or
        why they could not be)."""
        failure = self.c.reads.failure
        text = "reading events…" if failure is None else failure
        small = QFont(self.c.font())
        small.setPointSizeF(self.c.font().pointSizeF() * 0.85)
        p.setFont(small)
        metrics = QFontMetricsF(small)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, right - self.c.gutter - 8)
        width = metrics.horizontalAdvance(text) + 10
        box = QRectF(right - width, self.axis + 1, width, self.era_row - 2)
        p.fillRect(box, QColor(255, 255, 255, 220))
        p.setPen(QColor(MUTED if failure is None else "#a00000"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        p.setFont(self.c.font())

    def _eras(self, p: QPainter, body_top: float, right: float, height: float) -> None:
        """The eras as bands behind the lanes, each named in the row under the scale: the
        name may run on past a narrow band, but starts no further than a little after it."""
        shown = []
        for era in ERAS:
            start, end = era.span
            left, far = max(self.c.x_of(start), self.c.gutter), min(self.c.x_of(end), right)
            if far > left:
                colour = QColor(era.colour)
                p.fillRect(
                    QRectF(left, self.axis, max(far - left, 1.0), height - self.axis), colour
                )
                shown.append((era.name, colour, left, far))
        small = QFont(self.c.font())
        small.setPointSizeF(self.c.font().pointSizeF() * 0.85)
        small.setItalic(True)
        p.setFont(small)
        metrics = QFontMetricsF(small)
        free = self.c.gutter  # where the row of names is free from
        for name, colour, left, far in shown:
            at = max(left, free + 8)
            room = right - at - 2
            if at > max(far, left + 1) + 12 or room < 30:
                continue
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(text) + 6
            p.fillRect(QRectF(at, self.axis + 1, width, self.era_row - 2), colour)
            p.setPen(QColor(MUTED))
            p.drawText(
                QRectF(at + 3, self.axis, width, self.era_row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            free = at + width
        p.setFont(self.c.font())

    def _scale(self, p: QPainter, width: float, height: float) -> None:
        p.setPen(QColor(MUTED))
        metrics = QFontMetricsF(self.c.font())
        gap = metrics.horizontalAdvance("Sep 1953") + 24
        for day, label in scale_marks(self.c.low, self.c.high, self.c.plot_width(width), gap):
            x = self.c.x_of(day)
            p.setPen(QPen(QColor(RULE), 1))
            p.drawLine(QPointF(x, self.axis - 4), QPointF(x, height))
            if x + 3 + metrics.horizontalAdvance(label) <= width:
                p.setPen(QColor(MUTED))
                p.drawText(QPointF(x + 3, self.axis - 8), label)
        p.setPen(QPen(QColor(RULE), 1))
        p.drawLine(QPointF(self.c.gutter, self.axis - 4), QPointF(width, self.axis - 4))

    def _lane_head(self, p: QPainter, lane: int, y: float, h: float, right: float) -> None:
        assert self.c.data is not None
        if lane % 2 == 0:
            p.fillRect(QRectF(0, y, self.c.gutter - 4, h), QColor(SHADE))
        p.setPen(QPen(QColor(RULE), 1))
        p.drawLine(QPointF(0, y + h), QPointF(right, y + h))
        p.setPen(QColor(self.colour(lane)).darker(130))
        name = self.c.data.lanes[lane]
        room = self.c.gutter - 14
        shown = self.c.lane_names.get((name, room))
        if shown is None:
            metrics = QFontMetricsF(self.c.font())
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            self.c.lane_names[(name, room)] = shown
        p.drawText(
            QRectF(6, y, room, min(h, 2 * self.row)),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            shown,
        )

    def colour(self, lane: int) -> str:
        return PALETTE[lane % len(PALETTE)]

    def _draw_counts(self, p: QPainter, y: float, right: float) -> float:
        """Each lane as bars of how many events start in each bucket."""
        assert self.c.data is not None
        histogram = self.c.data.histogram
        size = bucket_days(self.c.low, self.c.high, self.c.plot_width())
        lanes = [
            histogram.buckets(lane, self.c.low, self.c.high, size)
            for lane in range(histogram.lanes)
        ]
        most = max((n for found in lanes for _, n in found), default=1)
        start_y = y
        for lane, found in enumerate(lanes):
            self._lane_head(p, lane, y, COUNT_LANE, right)
            colour = QColor(self.colour(lane))
            for start, n in found:
                left, far = self.c.x_of(start), self.c.x_of(start + size)
                left, far = max(left, self.c.gutter), min(far, right)
                if far <= left:
                    continue
                bar = (COUNT_LANE - 6) * math.sqrt(n / most)
                rect = QRectF(
                    left, y + COUNT_LANE - 3 - max(bar, 2), max(far - left - 1, 1), max(bar, 2)
                )
                p.fillRect(rect, colour)
                rect = QRectF(left, y, far - left, COUNT_LANE)
                self.c.buckets.append((rect, start, start + size, n))
            y += COUNT_LANE
        return y - start_y

    def _label_width(self, metrics: QFontMetricsF, title: str) -> float:
        width = self.c.label_widths.get(title)
        if width is None:
            width = min(metrics.horizontalAdvance(title) + 8, self.label_max)
            self.c.label_widths[title] = width
        return width

    def _draw_events(self, p: QPainter, y: float, right: float) -> float:
        """Every event in view, each lane's events packed into rows that do not overlap."""
        assert self.c.data is not None
        metrics = QFontMetricsF(self.c.font())
        by_lane: list[list[EventMark]] = [[] for _ in self.c.data.lanes]
        for mark in self.c.marks_in_view():
            by_lane[mark.lane].append(mark)
        start_y = y
        origin, per_day = self.c.low, 1 / self.c.days_per_pixel
        for lane, marks in enumerate(by_lane):
            rough = self.row if self.c.rough and self.c.rough[lane] else 0.0
            placed = []
            for mark in marks:
                left = self.c.gutter + (mark.span.low - origin) * per_day
                far = max(self.c.gutter + (mark.span.high - origin) * per_day, left + 8)
                label = self._label_width(metrics, mark.title)
                if far + label > right and left - label >= self.c.gutter:  # the name before it
                    placed.append((left - label, far))
                else:
                    placed.append((left, far + label))
            rows = pack_rows(placed, MAX_ROWS)
            crowded = -1 in rows  # a last row of marks without names for the rest
            height = rough + self.row * (max(rows, default=0) + 1 + crowded) + 8
            self._lane_head(p, lane, y, height, right)
            p.save()  # nothing of an event over the lane names
            p.setClipRect(
                QRectF(self.c.gutter, y, right - self.c.gutter, height),
                Qt.ClipOperation.IntersectClip,
            )
            if rough:
                self._rough_strip(p, lane, self.c.rough[lane], y + 4, right)
            ticked: set[int] = set()
            for mark, row, extent in zip(marks, rows, placed, strict=True):
                if row < 0:
                    left = self.c.x_of(mark.span.low)
                    if int(left) not in ticked:  # one tick a pixel is enough to see
                        ticked.add(int(left))
                        self._draw_crowded(p, mark, left, y + height - self.row - 4)
                else:
                    self._draw_mark(p, mark, y + 4 + rough + row * self.row, extent, right, metrics)
            p.restore()
            y += height
        return y - start_y

    def _draw_crowded(self, p: QPainter, mark: EventMark, low: float, y: float) -> None:
        """A mark with no room for its name: a plain tick (a tooltip still names it)."""
        width = max(self.c.x_of(mark.span.high) - low, 2.0)
        p.fillRect(QRectF(low, y + 4, width, self.row - 8), QColor(self.colour(mark.lane)))
        self.c.hits.append((QRectF(low - 1, y, width + 2, self.row), mark))

    def _rough_strip(self, p: QPainter, lane: int, count: int, y: float, right: float) -> None:
        """One row saying how many roughly dated events of ``lane`` reach into view."""
        band = QColor(self.colour(lane))
        band.setAlpha(30)
        p.fillRect(QRectF(self.c.gutter, y + 3, right - self.c.gutter, self.row - 6), band)
        p.setPen(QColor(MUTED))
        p.drawText(
            QRectF(self.c.gutter + 6, y, right - self.c.gutter - 12, self.row),
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
        low, high = self.c.x_of(span.low), self.c.x_of(span.high)
        solid_low, solid_high = self.c.x_of(span.solid_low), self.c.x_of(span.solid_high)
        top, bar_h = y + 4, self.row - 8
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
        self.c.hits.append(
            (QRectF(reach_left - 2, y, reach_right - reach_left + 4, self.row), mark)
        )
        room = low - extent[0] - 6 if before else min(extent[1], right) - high - 6
        if room > 20:
            p.setPen(QColor(INK))
            text = metrics.elidedText(mark.title, Qt.TextElideMode.ElideRight, room)
            if before:
                flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
                p.drawText(QRectF(extent[0], y, room, self.row), flags, text)
            else:
                p.drawText(QRectF(high + 4, y, room, self.row), Qt.AlignmentFlag.AlignVCenter, text)
