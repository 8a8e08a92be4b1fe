"""The drawn timeline: one row per dated event, a dot for a day or month, a bar for a span.

Fuzzy dates are drawn as what they are: "between 1982 and 1984" is a bar over the whole
range, "about 1953" a bar over the year. Undated and text-only events are left out of the
chart (they stay in the table). The chart splits across pages like a table, repeating the
year scale on each page.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from powmia_desktop.reports.styles import INK, MUTED, RULE, SHADE, font_runs, fonts
from powmia_desktop.services.audience import EventView

ROW = 13.0
SCALE = 22.0
LEGEND_ROW = 13.0
LABEL_SIZE = 8.5
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
)


@dataclass(frozen=True)
class ChartRow:
    label: str
    start: float
    end: float
    category: str


def _year(day: dt.date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def chart_rows(events: Sequence[EventView]) -> list[ChartRow]:
    """The dated events as rows, in date order (open-ended dates drawn at their known end)."""
    rows = []
    for e in events:
        first, last = e.earliest or e.latest, e.latest or e.earliest
        if first is None or last is None:
            continue
        rows.append(
            ChartRow(f"{e.date}  {e.title}", _year(first), _year(last) + 1 / 366, e.category)
        )
    rows.sort(key=lambda r: (r.start, r.end))
    return rows


class TimelineChart(Flowable):  # type: ignore[misc]
    """A Gantt-like chart of events; ``split`` hands the rows that do not fit to a new chart."""

    def __init__(
        self,
        rows: Sequence[ChartRow],
        *,
        span: tuple[int, int] | None = None,
        colours: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        categories = sorted({r.category for r in self.rows})
        self.colours = colours or {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(categories)}
        if span is None:
            low = min((r.start for r in self.rows), default=1950.0)
            high = max((r.end for r in self.rows), default=1960.0)
            step = _step(high - low, 250)
            span = (int(low // step * step), int(-(-high // step) * step))
            if span[1] <= span[0]:
                span = (span[0], span[0] + step)
        self.span = span
        self.width = 0.0

    def _legend_lines(self, width: float) -> list[list[str]]:
        lines: list[list[str]] = [[]]
        used = 0.0
        for name in self.colours:
            need = 14 + stringWidth(name, fonts().body, LABEL_SIZE) + 12
            if lines[-1] and used + need > width:
                lines.append([])
                used = 0.0
            lines[-1].append(name)
            used += need
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        legend = len(self._legend_lines(availWidth)) * LEGEND_ROW + 6
        self.height = SCALE + len(self.rows) * ROW + legend
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        legend = len(self._legend_lines(availWidth)) * LEGEND_ROW + 6
        fits = int((availHeight - SCALE - legend) // ROW)
        if fits < 4 or fits >= len(self.rows):
            return []
        keep = {"span": self.span, "colours": self.colours}
        return [
            TimelineChart(self.rows[:fits], **keep),  # type: ignore[arg-type]
            TimelineChart(self.rows[fits:], **keep),  # type: ignore[arg-type]
        ]

    def draw(self) -> None:
        c = self.canv
        f = fonts()
        label_width = self.width * 0.46
        x0, x1 = label_width + 8, self.width - 4
        low, high = self.span
        per_year = (x1 - x0) / (high - low)
        top = self.height - SCALE
        step = _step(high - low, x1 - x0)
        c.saveState()
        c.setFont(f.body, LABEL_SIZE)
        for year in range(low, high + 1, step):
            x = x0 + (year - low) * per_year
            c.setStrokeColor(RULE)
            c.setLineWidth(0.3)
            c.line(x, top, x, top - len(self.rows) * ROW)
            c.setFillColor(MUTED)
            c.drawCentredString(x, top + 6, str(year))
        for i, row in enumerate(self.rows):
            y = top - (i + 1) * ROW
            if i % 2 == 0:
                c.setFillColor(SHADE)
                c.rect(0, y, self.width, ROW, stroke=0, fill=1)
            c.setFillColor(INK)
            _draw_fitted(c, 2, y + 3.5, row.label, label_width - 4)
            colour = colors.HexColor(self.colours.get(row.category, PALETTE[0]))
            c.setFillColor(colour)
            c.setStrokeColor(colour)
            start = x0 + (row.start - low) * per_year
            end = x0 + (row.end - low) * per_year
            if end - start < 4:
                c.circle((start + end) / 2, y + ROW / 2, 2.8, stroke=0, fill=1)
            else:
                c.roundRect(start, y + 3, end - start, ROW - 6, 2, stroke=0, fill=1)
        y = top - len(self.rows) * ROW - 6
        for line in self._legend_lines(self.width):
            y -= LEGEND_ROW
            x = 0.0
            for name in line:
                c.setFillColor(colors.HexColor(self.colours[name]))
                c.rect(x, y + 2, 9, 7, stroke=0, fill=1)
                c.setFillColor(MUTED)
                c.setFont(f.body, LABEL_SIZE)
                c.drawString(x + 13, y + 2.5, name)
                x += 14 + stringWidth(name, f.body, LABEL_SIZE) + 12
        c.restoreState()


def _step(years: float, width: float) -> int:
    """Years between scale marks so that the marks are at least 30 points apart."""
    for step in (1, 2, 5, 10, 20, 25, 50):
        if years / step <= max(width / 30, 1):
            return step
    return 100


def _draw_fitted(c: Canvas, x: float, y: float, text: str, width: float) -> None:
    """Draw mixed-script text, cut with an ellipsis where it would pass ``width``."""
    used = 0.0
    ellipsis = stringWidth("…", fonts().body, LABEL_SIZE)
    for font, run in font_runs(text):
        shown = run
        run_width = stringWidth(shown, font, LABEL_SIZE)
        cut = used + run_width > width
        while shown and used + stringWidth(shown, font, LABEL_SIZE) + ellipsis > width and cut:
            shown = shown[:-1]
        c.setFont(font, LABEL_SIZE)
        c.drawString(x + used, y, shown + ("…" if cut else ""))
        used += stringWidth(shown, font, LABEL_SIZE)
        if cut:
            return
