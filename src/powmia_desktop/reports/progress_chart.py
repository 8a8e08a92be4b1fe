"""A campaign's counts over time, drawn as a line rising toward the dashed goal line."""

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from powmia_desktop.reports.styles import ACCENT, INK, MUTED, RULE, fonts
from powmia_desktop.services.campaign_chart import ChartShape
from powmia_desktop.services.values import day_text

HEIGHT = 150.0
LEFT = 42.0
BOTTOM = 18.0
TOP_ROOM = 14.0
LABEL_SIZE = 7.5
GOAL = colors.HexColor("#b5651d")


class ProgressChart(Flowable):  # type: ignore[misc]
    """The chart of one campaign; ``shape`` from services/campaign_chart.py."""

    def __init__(self, shape: ChartShape, unit: str, goal: int | None) -> None:
        super().__init__()
        self.shape, self.unit, self.goal = shape, unit, goal

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, HEIGHT

    def draw(self) -> None:
        c: Canvas = self.canv
        f = fonts()
        shape = self.shape
        x0, x1 = LEFT, self.width - 8
        y0, y1 = BOTTOM, HEIGHT - TOP_ROOM

        def at(x: float, y: float) -> tuple[float, float]:
            return x0 + x * (x1 - x0), y0 + y * (y1 - y0)

        c.saveState()
        c.setFont(f.body, LABEL_SIZE)
        for value, height in shape.ticks:
            _, y = at(0, height)
            c.setStrokeColor(RULE)
            c.setLineWidth(0.3)
            c.line(x0, y, x1, y)
            c.setFillColor(MUTED)
            c.drawRightString(x0 - 4, y - 2.5, f"{value:,}")
        if shape.goal is not None and self.goal:
            _, y = at(0, shape.goal)
            c.setStrokeColor(GOAL)
            c.setLineWidth(1)
            c.setDash(4, 3)
            c.line(x0, y, x1, y)
            c.setDash()
            c.setFillColor(GOAL)
            c.drawRightString(x1, y + 3, f"Goal: {self.goal:,} {self.unit}".strip())
        c.setStrokeColor(ACCENT)
        c.setFillColor(ACCENT)
        c.setLineWidth(1.6)
        points = [at(x, y) for x, y in shape.points]
        if len(points) > 1:
            path = c.beginPath()
            path.moveTo(*points[0])
            for point in points[1:]:
                path.lineTo(*point)
            c.drawPath(path, stroke=1, fill=0)
        for x, y in points:
            c.circle(x, y, 2.6, stroke=0, fill=1)
        last_x, last_y = points[-1]
        c.setFillColor(INK)
        c.setFont(f.bold, LABEL_SIZE + 1)
        label = f"{shape.counts[-1]:,}"
        c.drawRightString(last_x - 4, last_y + 5, label)
        c.setFont(f.body, LABEL_SIZE)
        c.setFillColor(MUTED)
        if shape.last != shape.first:  # one count: its day under it, at the right
            c.drawString(x0, 4, day_text(shape.first))
        c.drawRightString(x1, 4, day_text(shape.last))
        c.restoreState()
