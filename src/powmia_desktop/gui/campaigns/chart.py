"""A campaign's progress chart in the window: the counts over time as a rising line, the
goal as a dashed line, the latest count named. The shape comes from
services/campaign_chart.py, as the PDF's does; this widget only scales and paints it."""

import datetime as dt
import itertools
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from powmia_desktop.services.campaign_chart import ChartShape, chart_shape
from powmia_desktop.services.values import day_text

LINE = QColor("#1f3a5f")
GOAL = QColor("#b5651d")
RULE = QColor("#c5ccd4")
MUTED = QColor("#555555")
LEFT, RIGHT, TOP, BOTTOM = 54.0, 14.0, 22.0, 26.0


class ProgressChartWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shape: ChartShape | None = None
        self.goal: int | None = None
        self.unit = ""
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def set_series(
        self, series: Sequence[tuple[dt.date, int]], goal: int | None, unit: str
    ) -> None:
        self.shape = chart_shape(series, goal)
        self.goal, self.unit = goal, unit
        self.update()

    def small_font(self) -> QFont:
        """The chart's text: a point smaller than the window's."""
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        return small

    def plot_area(self) -> QRectF:
        """Where the line is drawn: the margins hold the counts at the left, the goal's and
        the latest count's words above and the days below, at any text size."""
        metrics = QFontMetrics(self.small_font())
        ticks = self.shape.ticks if self.shape is not None else ()
        widest = max((metrics.horizontalAdvance(f"{value:,}") for value, _ in ticks), default=0)
        left = max(LEFT, widest + 12.0)
        top = max(TOP, metrics.height() + 6.0)
        bottom = max(BOTTOM, metrics.height() + 8.0)
        return QRectF(left, top, self.width() - RIGHT - left, self.height() - bottom - top)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        small = self.small_font()
        painter.setFont(small)
        shape = self.shape
        if shape is None:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No counts yet")
            painter.end()
            return
        area = self.plot_area()
        x0, x1 = area.left(), area.right()
        y0, y1 = area.bottom(), area.top()
        line = float(painter.fontMetrics().height())

        def at(x: float, y: float) -> QPointF:
            return QPointF(x0 + x * (x1 - x0), y0 - y * (y0 - y1))

        for value, height in shape.ticks:
            point = at(0, height)
            painter.setPen(QPen(RULE, 1))
            painter.drawLine(QPointF(x0, point.y()), QPointF(x1, point.y()))
            painter.setPen(MUTED)
            box = QRectF(0, point.y() - line / 2, x0 - 6, line)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:,}"
            )
        if shape.goal is not None and self.goal:
            y = at(0, shape.goal).y()
            pen = QPen(GOAL, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))
            painter.drawText(
                QRectF(x0, y - line - 2, x1 - x0, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                f"Goal: {self.goal:,} {self.unit}".strip(),
            )
        points = [at(x, y) for x, y in shape.points]
        painter.setPen(QPen(LINE, 2.2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(LINE)
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1a1a1a"))
        last = points[-1]
        painter.drawText(
            QRectF(last.x() - 200, last.y() - line - 4, 196, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
            f"{shape.counts[-1]:,}",
        )
        painter.setFont(small)
        painter.setPen(MUTED)
        baseline = self.height() - 4 - painter.fontMetrics().descent()
        if shape.last != shape.first:  # one count: its day under it, at the right
            painter.drawText(QPointF(x0, baseline), day_text(shape.first))
        text = day_text(shape.last)
        width = painter.fontMetrics().horizontalAdvance(text)
        painter.drawText(QPointF(x1 - width, baseline), text)
        painter.end()
