"""The page furniture every report shares: running header, "Page N of M", headings that feed
the table of contents and the PDF outline, and pages reserved for appended PDF attachments.

A report is a list of flowables handed to :func:`render`; it returns where each heading and
each reserved page landed, so the packet builder can fill the reserved pages and tests can
check that the table of contents names the right pages.
"""

import calendar
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import DummyDoc, PDFDocument, PDFText
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from powmia_desktop import APP_NAME
from powmia_desktop.core.progress import Progress
from powmia_desktop.reports.styles import (
    MUTED,
    RULE,
    TextBlock,
    fonts,
    markup,
    plain,
    plain_frags,
    styles,
)

PAGE_SIZE = LETTER
MARGIN_X = 0.85 * inch
MARGIN_TOP = 0.95 * inch
MARGIN_BOTTOM = 0.85 * inch
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM


class Heading(TextBlock):
    """A heading that becomes a table-of-contents entry and a PDF bookmark."""

    def __init__(self, text: str, level: int, *, toc: bool = True, key: str = "") -> None:
        style = (styles().h1, styles().h2, styles().h3)[min(level, 2)]
        shown = markup(text)
        super().__init__(shown, style, frags=plain_frags(shown, style))
        self.toc_text = text
        self.toc_level = level
        self.in_toc = toc
        self.key = key


class ReservedPage(Flowable):  # type: ignore[misc]
    """Marks the page it lands on as one to be replaced by a page of an attached PDF."""

    def __init__(self, attachment_key: str, page_index: int) -> None:
        super().__init__()
        self.attachment_key = attachment_key
        self.page_index = page_index

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


@dataclass(frozen=True)
class PageFurniture:
    """What is printed on every page: the title and for whom (on a title page only the
    latter), "Page N of M", when it was prepared and the run's short id."""

    header_left: str
    header_right: str = ""
    footer_left: str = ""
    skip_first_page: bool = False
    footer_right: str = ""


@dataclass(frozen=True)
class PdfStamp:
    """What makes a run's PDF the same bytes each time: its creation time and file /ID
    come from the run (its uid), never from the clock."""

    uid: str
    created: datetime

    def apply(self, document: PDFDocument) -> None:
        stamp = TimeStamp(invariant=True)
        created = self.created.replace(tzinfo=None)
        stamp.t = calendar.timegm(created.timetuple())
        stamp.lt = created.timetuple()
        stamp.YMDhms = tuple(stamp.lt)[:6]
        stamp.dhh = stamp.dmm = 0
        stamp.tzname = "UTC"
        document._timeStamp = stamp
        digest = PDFText(hashlib.md5(self.uid.encode(), usedforsecurity=False).digest(), enc="raw")
        ids = digest.format(DummyDoc())
        document._ID = b"\n[" + ids + ids + b"]\n"


@dataclass
class Rendered:
    """A built PDF: its bytes, page count, headings and reserved pages (1-based pages)."""

    pdf: bytes
    pages: int
    headings: list[tuple[int, str, int]] = field(default_factory=list)
    reserved: list[tuple[int, str, int]] = field(default_factory=list)


def _numbered_canvas(furniture: PageFurniture, stamp: PdfStamp | None) -> type[Canvas]:
    """A canvas that holds its pages until the end so each can say "Page N of M"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            if stamp is not None:
                stamp.apply(self._doc)

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self._furnish(total)
                super().showPage()
            super().save()

        def _furnish(self, total: int) -> None:
            number = self._pageNumber
            f = fonts()
            width, height = PAGE_SIZE
            self.saveState()
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setFont(f.body, 8.5)
            top = height - MARGIN_TOP + 0.42 * inch
            right = furniture.header_right
            if right:
                self.drawRightString(width - MARGIN_X, top, plain(right))
            if not (furniture.skip_first_page and number == 1):
                right_width = self.stringWidth(plain(right), f.body, 8.5) if right else 0
                self.drawString(
                    MARGIN_X, top, _fit(furniture.header_left, FRAME_WIDTH - right_width - 18)
                )
                self.line(MARGIN_X, top - 5, width - MARGIN_X, top - 5)
            bottom = MARGIN_BOTTOM - 0.45 * inch
            self.drawCentredString(width / 2, bottom, f"Page {number} of {total}")
            if furniture.footer_left:
                self.drawString(MARGIN_X, bottom, _fit(furniture.footer_left, FRAME_WIDTH / 2 - 50))
            if furniture.footer_right:
                self.drawRightString(width - MARGIN_X, bottom, plain(furniture.footer_right))
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, width: float) -> str:
    """Shorten a header line with an ellipsis so it never runs into the right-hand text."""
    f = fonts()
    shown = plain(text)
    while shown and stringWidth(shown, f.body, 8.5) > width:
        shown = shown[:-2].rstrip() + "…"
        if len(shown) <= 2:
            break
    return shown


def _draw_nothing(*args: Any, **kwargs: Any) -> None:
    pass


class _TextFrame(Frame):  # type: ignore[misc]
    """The page's text area. While ``measuring`` it places flowables without drawing them:
    a first pass that only finds which page each heading lands on needs no drawing."""

    measuring = False

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        if not self.measuring:
            return int(super()._add(flowable, canv, trySplit))
        flowable.drawOn = _draw_nothing
        try:
            return int(super()._add(flowable, canv, trySplit))
        finally:
            del flowable.drawOn

    add = _add


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]
    """A letter-size document whose headings feed the TOC, the outline and ``Rendered``."""

    def __init__(
        self,
        target: io.BytesIO,
        *,
        title: str,
        author: str,
        subject: str,
        keywords: str = "",
        invariant: bool = False,
    ) -> None:
        super().__init__(
            target,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            creator=APP_NAME,
            keywords=keywords,
            invariant=1 if invariant else None,  # None: as rl_config says
        )
        self._text_frame = frame = _TextFrame(
            MARGIN_X,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self.headings: list[tuple[int, str, int]] = []
        self.reserved: list[tuple[int, str, int]] = []
        self._keys = 0
        #: Lay out the first of several passes without drawing it (see :func:`render`).
        self.measure_first_pass = False
        self._passes = 0

    def beforeDocument(self) -> None:
        self.headings, self.reserved, self._keys = [], [], 0
        self._passes += 1
        self._text_frame.measuring = self.measure_first_pass and self._passes == 1

    def _allSatisfied(self) -> bool:
        # A pass that drew nothing is never the one saved, however settled its contents.
        return not self._text_frame.measuring and bool(super()._allSatisfied())

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, ReservedPage):
            self.reserved.append((self.page, flowable.attachment_key, flowable.page_index))
        if not isinstance(flowable, Heading):
            return
        self._keys += 1
        key = flowable.key or f"h{self._keys}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.toc_text, key, flowable.toc_level, closed=True)
        self.headings.append((flowable.toc_level, flowable.toc_text, self.page))
        if flowable.in_toc:
            self.notify("TOCEntry", (flowable.toc_level, markup(flowable.toc_text), self.page, key))


def render(
    story: list[Flowable],
    furniture: PageFurniture,
    *,
    title: str,
    author: str,
    subject: str = "",
    multi_pass: bool = False,
    progress: Progress | None = None,
    stamp: PdfStamp | None = None,
    keywords: str = "",
) -> Rendered:
    """Lay out ``story`` and return the PDF; ``multi_pass`` when it holds a table of contents.

    ``progress`` is called as flowables are laid out; a ``Cancelled`` it raises stops the
    build and propagates. With ``stamp`` the same story gives the same bytes every time.
    """
    buffer = io.BytesIO()
    doc = ReportDocument(
        buffer,
        title=title,
        author=author,
        subject=subject,
        keywords=keywords,
        invariant=stamp is not None,
    )
    if progress is not None:
        doc.setProgressCallBack(_progress_adapter(progress, len(story)))
    canvasmaker = _numbered_canvas(furniture, stamp)
    if multi_pass:
        _foresee_contents(story)
        doc.measure_first_pass = True
        doc.multiBuild(story, canvasmaker=canvasmaker)
    else:
        doc.build(story, canvasmaker=canvasmaker)
    pdf = buffer.getvalue()
    return Rendered(pdf, doc.page, list(doc.headings), list(doc.reserved))


def _foresee_contents(story: list[Flowable]) -> None:
    """Give each table of contents the entries the headings will make, before the first pass.

    An empty table of contents is laid out as one line, so the first pass put every later
    page too early and a third pass was needed. Its entries' page numbers are drawn beside
    them without changing how they wrap, so with the right titles (page numbers still
    unknown) the first pass already puts every heading on its final page and the second
    pass, which prints the numbers, is the last. A wrong guess costs a pass, never a page.
    """
    contents = [f for f in story if isinstance(f, TableOfContents)]
    if not contents:
        return
    entries: list[tuple[int, str, int, str]] = []
    for number, heading in enumerate((f for f in story if isinstance(f, Heading)), 1):
        if heading.in_toc:
            key = heading.key or f"h{number}"
            entries.append((heading.toc_level, markup(heading.toc_text), 0, key))
    for toc in contents:
        toc.clearEntries()
        toc.addEntries(entries)


def _progress_adapter(progress: Progress, total: int) -> Callable[[str, int], None]:
    state = {"pass": 1, "total": total}

    def on_progress(kind: str, value: int) -> None:
        if kind == "PASS":
            state["pass"] = value
        elif kind == "SIZE_EST":
            state["total"] = value
        elif kind == "PROGRESS" and value % 25 == 0:
            done, total = value, max(state["total"], 1)
            progress(done, total, f"Laying out pages (pass {state['pass']})")

    return on_progress
