"""Small building blocks for report sections: safe paragraphs and tables that wrap.

Every cell is a Paragraph built from escaped text, so long values wrap inside their column
instead of running off the page, and no user text is ever read as markup.
"""

from collections.abc import Sequence
from typing import Any, TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from powmia_desktop.reports.document import FRAME_HEIGHT, FRAME_WIDTH
from powmia_desktop.reports.styles import (
    MUTED_HEX,
    RULE,
    SHADE,
    SMALL_SIZE,
    TextBlock,
    markup,
    paragraph,
    plain,
    styles,
)

Cell: TypeAlias = str | Flowable


def para(text: str, style: ParagraphStyle | None = None, *, bold: bool = False) -> Paragraph:
    """User text as a paragraph: escaped, line breaks kept, Hangul in the Korean font."""
    return paragraph(markup(text, bold=bold), style or styles().body)


def rich(parts: Sequence[tuple[str, bool]], style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of runs, each (text, bold): "Donor: <b>name</b>" without user markup."""
    return TextBlock("".join(markup(t, bold=b) for t, b in parts if t), style or styles().cell)


def paragraphs(text: str, style: ParagraphStyle | None = None) -> list[Flowable]:
    """Text with blank lines between paragraphs as separate Paragraphs (so pages can break)."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [para(b, style) for b in blocks if b]


def _cell(value: Cell, style: ParagraphStyle, width: float) -> Cell:
    """A table cell: short one-line text stays a plain string (drawn by the table, much
    cheaper than a Paragraph, and never parsed as markup); the rest becomes a Paragraph."""
    if not isinstance(value, str):
        return value
    if (
        len(value) < 60
        and "\n" not in value
        and plain(value) == value
        and stringWidth(value, style.fontName, style.fontSize) <= width
    ):
        return value
    return paragraph(markup(value), style)


def _text_style(style: ParagraphStyle, first: tuple[int, int], last: tuple[int, int]) -> list[Any]:
    """Table commands that draw plain-string cells exactly as ``style`` would."""
    return [
        ("FONTNAME", first, last, style.fontName),
        ("FONTSIZE", first, last, style.fontSize),
        ("LEADING", first, last, style.leading),
        ("TEXTCOLOR", first, last, style.textColor),
    ]


def fields_table(
    rows: Sequence[tuple[str, Cell]], *, label_width: float = 1.55, width: float = FRAME_WIDTH
) -> Table:
    """Label/value lines ("Service number | RA11178451"); rows with empty values are left out."""
    s = styles()
    first = label_width * 72
    data = [
        [_cell(label, s.label, first - 6), _cell(value, s.cell, width - first - 6)]
        for label, value in rows
        if value not in ("", None)
    ]
    if not data:
        return Table([[""]], colWidths=[width])
    table = Table(data, colWidths=[first, width - first], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *_text_style(s.label, (0, 0), (0, -1)),
                *_text_style(s.cell, (1, 0), (1, -1)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def data_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    width: float = FRAME_WIDTH,
) -> Table:
    """A ruled table with a repeated header row; ``widths`` are fractions of ``width``."""
    s = styles()
    total = sum(widths)
    col_widths = [width * w / total for w in widths]
    data: list[list[Cell]] = [[paragraph(markup(h), s.head) for h in headers]]
    data += [
        [_cell(v, s.cell, w - 8) for v, w in zip(row, col_widths, strict=True)] for row in rows
    ]
    table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        *_text_style(s.cell, (0, 1), (-1, -1)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), SHADE) for i in range(2, len(data), 2)]
    table.setStyle(TableStyle(commands))
    return table


def section(heading: Flowable, *body: Flowable, room: float = 96) -> list[Flowable]:
    """A heading that starts a new page unless ``room`` points are left under it.

    So a heading is never orphaned at the foot of a page, while a long table under it
    still starts right away and breaks across pages (KeepTogether would push it whole).
    """
    return [CondPageBreak(room), heading, *body]


def end_of_section() -> list[Flowable]:
    """Between top-level sections: the next one starts on the same page while a third of
    it is left, so a short section never sits alone on a near-empty page."""
    return [Spacer(1, 18), CondPageBreak(FRAME_HEIGHT / 3)]


class KeepShort(KeepTogether):  # type: ignore[misc]
    """Kept on one page when shorter than ``limit`` points; a longer section flows on from
    where the page has room, so it never leaves most of a page empty before it."""

    def __init__(self, flowables: list[Flowable], limit: float) -> None:
        super().__init__(flowables)
        self.limit = limit

    def split(self, aW: float, aH: float) -> list[Flowable]:
        height = sum(f.wrap(aW, FRAME_HEIGHT)[1] for f in self._content)
        if height > self.limit:
            return list(self._content)
        parts: list[Flowable] = super().split(aW, aH)
        return parts


def keep_short(*flowables: Flowable) -> KeepShort:
    """A section kept whole when it takes at most six tenths of a page."""
    return KeepShort(list(flowables), FRAME_HEIGHT * 0.6)


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


def gap(points: float = 6) -> Spacer:
    return Spacer(1, points)


def none_recorded(what: str) -> Paragraph:
    return TextBlock(markup(f"No {what} recorded."), styles().small)


_QUOTES = "\"'“”‘’„«»"


def quoted(text: str) -> str:
    """Text in curly quotes, without doubling the quotes it already carries."""
    return f"“{text.strip().strip(_QUOTES).strip()}”"


def small_text(shown: str) -> str:
    """Markup set small and muted, as the "small" lines of :func:`lines`."""
    return f'<font size="{SMALL_SIZE}" color="{MUTED_HEX}">{shown}</font>'


def lines(*parts: tuple[str, str]) -> Paragraph:
    """One paragraph of several lines, each (text, "bold" | "body" | "small").

    Cheaper than a table of paragraphs in every cell (a packet has thousands of cells),
    and the user text in it is escaped like everywhere else.
    """
    shown = []
    for text, kind in parts:
        if not text:
            continue
        if kind == "small":
            shown.append(small_text(markup(text)))
        else:
            shown.append(markup(text, bold=kind == "bold"))
    return paragraph("<br/>".join(shown), styles().cell)
