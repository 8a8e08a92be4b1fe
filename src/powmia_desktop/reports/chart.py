"""The drawn timeline: one row per dated event, a dot for a day or month, a bar for a span.

Fuzzy dates are drawn as the window's chart draws them (services/timeline_layout.py): a bar
over the days the date can mean, its uncertain ends faded ("about 1953" is solid over 1953,
"between 1982 and 1984" fades towards both ends). Undated and text-only events are left out
of the chart (they stay in the table). Labels wrap onto a second line and are shortened at
a word only beyond that (the table beside the chart has the full text). The eras every
timeline marks (the Korean War, Operation Big Switch, the joint recovery operations in
North Korea) and every long silence (ten years and more with no recorded event) are shaded
behind the rows. The chart splits across pages like a table, with the year scale above and
below on each page.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.reports.styles import INK, MUTED, RULE, SHADE, font_runs, fonts
from powmia_desktop.services.audience import EventView
from powmia_desktop.services.timeline_layout import ERAS, PALETTE, day_year, drawn_span

ROW = 13.0
LINE = 9.5
SCALE = 22.0
#: Years with no recorded event that the chart marks as a silence.
SILENCE_YEARS = 10
SILENCE_HEX = "#eef0e4"
LEGEND_ROW = 13.0
LABEL_SIZE = 8.5


@dataclass(frozen=True)
class ChartRow:
    label: str
    start: float
    end: float
    category: str
    #: the certain part, between ``start`` and ``end`` (the rest is drawn faded)
    solid_start: float | None = None
    solid_end: float | None = None


def _year(day: dt.date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def _row(e: EventView) -> ChartRow | None:
    """The event's row, drawn as the window's chart draws it (services/timeline_layout.py):
    "about 1953" solid over 1953 and faded a year either side, "before 1960" fading out."""
    label = f"{e.date}  {e.title}"
    date = FuzzyDate.parse(e.date) if e.date else None
    span = drawn_span(date.to_json(), date.earliest_key, date.latest_key) if date else None
    if span is not None:
        return ChartRow(
            label,
            day_year(span.low),
            day_year(span.high),
            e.category,
            day_year(span.solid_low),
            day_year(span.solid_high),
        )
    first, last = e.earliest or e.latest, e.latest or e.earliest
    if first is None or last is None:
        return None
    return ChartRow(label, _year(first), _year(last) + 1 / 366, e.category)


def chart_rows(events: Sequence[EventView]) -> list[ChartRow]:
    """The dated events as rows, in date order."""
    rows = [row for e in events if (row := _row(e)) is not None]
    rows.sort(key=lambda r: (r.start, r.end))
    return rows


LABEL_SHARE = 0.46
SILENCE_LABEL = f"{SILENCE_YEARS}+ years with no recorded event"


def silences(rows: Sequence[ChartRow]) -> list[tuple[float, float]]:
    """Stretches of ``SILENCE_YEARS`` or more between one event's end and the next start."""
    found, reached = [], None
    for row in sorted(rows, key=lambda r: r.start):
        if reached is not None and row.start - reached >= SILENCE_YEARS:
            found.append((reached, row.start))
        reached = row.end if reached is None else max(reached, row.end)
    return found


def _label_lines(text: str, width: float) -> list[str]:
    """The label in at most two lines; the second shortened at a word with "…"."""
    lines = simpleSplit(text, fonts().body, LABEL_SIZE, width) or [""]
    if len(lines) <= 2:
        return list(lines)
    words = " ".join(lines[1:]).split()
    while words and stringWidth(" ".join(words) + " …", fonts().body, LABEL_SIZE) > width:
        words.pop()
    return [lines[0], " ".join(words) + " …"]


class TimelineChart(Flowable):  # type: ignore[misc]
    """A Gantt-like chart of events; ``split`` hands the rows that do not fit to a new chart."""

    def __init__(
        self,
        rows: Sequence[ChartRow],
        *,
        span: tuple[int, int] | None = None,
        colours: dict[str, str] | None = None,
        silence_spans: list[tuple[float, float]] | None = None,
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
        #: Long silences, found over every row (a part on a later page keeps them).
        self.silences = silence_spans if silence_spans is not None else silences(self.rows)

    def _legend_lines(self, width: float) -> list[list[str]]:
        lines: list[list[str]] = [[]]
        used = 0.0
        low, high = self.span
        names = list(self.colours)
        names += [era.name for era in ERAS if _year(era.end) > low and _year(era.start) < high]
        if self.silences:
            names.append(SILENCE_LABEL)
        for name in names:
            need = 14 + stringWidth(name, fonts().body, LABEL_SIZE) + 12
            if lines[-1] and used + need > width:
                lines.append([])
                used = 0.0
            lines[-1].append(name)
            used += need
        return lines

    def _labels(self, width: float) -> list[list[str]]:
        """Each row's label in at most two lines of ``width``; shortened at a word beyond."""
        return [_label_lines(r.label, width * LABEL_SHARE - 6) for r in self.rows]

    def _heights(self, width: float) -> list[float]:
        return [max(ROW, 3.5 + LINE * len(lines)) for lines in self._labels(width)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        legend = len(self._legend_lines(availWidth)) * LEGEND_ROW + 6
        self.height = 2 * SCALE + sum(self._heights(availWidth)) + legend
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        legend = len(self._legend_lines(availWidth)) * LEGEND_ROW + 6
        room, fits = availHeight - 2 * SCALE - legend, 0
        for height in self._heights(availWidth):
            if room < height:
                break
            room -= height
            fits += 1
        if fits >= len(self.rows):
            return []
        fits = min(fits, len(self.rows) - 3)  # never one or two rows alone on the next page
        if fits < 4:
            return []
        keep = {"span": self.span, "colours": self.colours, "silence_spans": self.silences}
        return [
            TimelineChart(self.rows[:fits], **keep),  # type: ignore[arg-type]
            TimelineChart(self.rows[fits:], **keep),  # type: ignore[arg-type]
        ]

    def draw(self) -> None:
        c = self.canv
        f = fonts()
        label_width = self.width * LABEL_SHARE
        x0, x1 = label_width + 8, self.width - 4
        low, high = self.span
        per_year = (x1 - x0) / (high - low)
        heights = self._heights(self.width)
        labels = self._labels(self.width)
        top = self.height - SCALE
        bottom = top - sum(heights)
        c.saveState()
        self._shade(x0, per_year, top, bottom)
        y = top
        for i, (row, height, lines) in enumerate(zip(self.rows, heights, labels, strict=True)):
            y -= height
            if i % 2 == 0:
                c.setFillColor(SHADE)
                c.rect(0, y, label_width, height, stroke=0, fill=1)
            c.setFillColor(INK)
            for n, text in enumerate(lines):
                _draw_fitted(c, 2, y + height - 3 - LINE * (n + 1) + 1.5, text, label_width - 4)
            colour = colors.HexColor(self.colours.get(row.category, PALETTE[0]))
            c.setFillColor(colour)
            c.setStrokeColor(colour)
            start = x0 + (row.start - low) * per_year
            end = x0 + (row.end - low) * per_year
            middle = y + height / 2
            if end - start < 4:
                c.circle((start + end) / 2, middle, 2.8, stroke=0, fill=1)
                continue
            solid = [
                start if row.solid_start is None else x0 + (row.solid_start - low) * per_year,
                end if row.solid_end is None else x0 + (row.solid_end - low) * per_year,
            ]
            _fade(c, start, solid[0], middle)
            _fade(c, end, solid[1], middle)
            if solid[1] - solid[0] >= 0.5:
                c.roundRect(solid[0], middle - 3.5, solid[1] - solid[0], 7, 2, stroke=0, fill=1)
        step = _step(high - low, x1 - x0)
        c.setFont(f.body, LABEL_SIZE)
        for year in range(low, high + 1, step):
            x = x0 + (year - low) * per_year
            c.setStrokeColor(RULE)
            c.setLineWidth(0.3)
            c.line(x, top, x, bottom)
            c.setFillColor(MUTED)
            c.drawCentredString(x, top + 6, str(year))
            c.drawCentredString(x, bottom - 12, str(year))
        y = bottom - SCALE
        for line in self._legend_lines(self.width):
            y -= LEGEND_ROW
            x = 0.0
            for name in line:
                c.setFillColor(colors.HexColor(self._swatch(name)))
                c.rect(x, y + 2, 9, 7, stroke=0, fill=1)
                c.setFillColor(MUTED)
                c.setFont(f.body, LABEL_SIZE)
                c.drawString(x + 13, y + 2.5, name)
                x += 14 + stringWidth(name, f.body, LABEL_SIZE) + 12
        c.restoreState()

    def _swatch(self, name: str) -> str:
        eras = {era.name: era.colour for era in ERAS}
        return {SILENCE_LABEL: SILENCE_HEX, **eras}.get(name) or self.colours[name]

    def _shade(self, x0: float, per_year: float, top: float, bottom: float) -> None:
        """The eras and the long silences, as bands behind the rows, labelled at the foot."""
        c = self.canv
        low, high = self.span
        bands = [
            (a, b, SILENCE_HEX, f"{round(b - a)} years: nothing recorded") for a, b in self.silences
        ]  # the eras over the silences: a silence may take in an era
        bands += [(_year(era.start), _year(era.end), era.colour, era.name) for era in ERAS]
        for start, end, colour, words in bands:
            start, end = max(start, low), min(end, high)
            if end <= start:
                continue
            left, width = x0 + (start - low) * per_year, (end - start) * per_year
            c.setFillColor(colors.HexColor(colour))
            c.rect(left, bottom, width, top - bottom, stroke=0, fill=1)
            c.setFillColor(MUTED)
            c.setFont(fonts().italic, 6.5)
            if stringWidth(words, fonts().italic, 6.5) <= width - 2:
                c.drawCentredString(left + width / 2, bottom + 2.5, words)
            else:  # too narrow for words: set them upright along the band
                c.saveState()
                c.translate(left + width / 2 + 2.3, bottom + 3)
                c.rotate(90)
                c.drawString(0, 0, words)
                c.restoreState()


def _fade(c: Canvas, outer: float, inner: float, middle: float) -> None:
    """An uncertain end of a bar, from faint at ``outer`` to full at ``inner``, in steps."""
    steps = 6
    if abs(inner - outer) < 0.5:
        return
    c.saveState()
    for i in range(steps):
        a = outer + (inner - outer) * i / steps
        b = outer + (inner - outer) * (i + 1) / steps
        c.setFillAlpha(0.12 + 0.88 * (i + 0.5) / steps)
        c.rect(min(a, b), middle - 3.5, abs(b - a), 7, stroke=0, fill=1)
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
