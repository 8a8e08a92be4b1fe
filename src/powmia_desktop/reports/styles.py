"""Fonts and named paragraph styles, registered once; and user text made safe for ReportLab.

Any text the archive holds must print: accented names, Korean Hangul (박길연), and text that
looks like markup (``A & B <c>``) printed literally. So:

* the body font is an embedded TrueType font (DejaVu Sans) found in the program's
  ``resources/fonts`` or on the system, falling back to Helvetica when there is none;
* Hangul and other CJK text is set in a second font, switched per run of characters: an
  embedded TrueType Korean font when one is installed (Debian: ``fonts-nanum``), otherwise
  ReportLab's built-in CID font ``HYGothic-Medium`` (not embedded: viewers substitute it);
* emoji and other symbols the body font lacks are set in a symbol font when one is
  installed (Debian: ``fonts-symbola``), so they never print as empty boxes;
* :func:`markup` escapes user text first and only then adds ``<font>`` tags around runs
  the body font cannot draw, so user text can never become markup.
"""

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from powmia_desktop.reports.fontfiles import fc_korean_ttf, find_font, register_ttf

BODY_SIZE = 10.0
SMALL_SIZE = 9.0
INK = colors.HexColor("#1a1a1a")
MUTED_HEX = "#555555"
MUTED = colors.HexColor(MUTED_HEX)
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#e8edf2")
ACCENT = colors.HexColor("#1f3a5f")

_SYSTEM_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
_KOREAN_TTF = (
    ("NanumGothic.ttf", "NanumGothicBold.ttf"),
    ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf"),
    ("malgun.ttf", "malgunbd.ttf"),
    ("UnDotum.ttf", "UnDotumBold.ttf"),
)
_KOREAN_DIRS = (
    Path("/usr/share/fonts/truetype/nanum"),
    Path("/usr/share/fonts/truetype/unfonts-core"),
    Path("/usr/share/fonts/TTF"),
    Path("C:/Windows/Fonts"),
)
_SYMBOL_TTF = ("Symbola_hint.ttf", "Symbola.ttf", "seguisym.ttf")
_SYMBOL_DIRS = (
    Path("/usr/share/fonts/truetype/ancient-scripts"),
    Path("/usr/share/fonts/truetype/symbola"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("C:/Windows/Fonts"),
)
#: Hangul jamo and syllables, CJK punctuation, kana, ideographs and full-width forms.
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u30ff\u3130-\u318f\u31f0-\u31ff\u3200-\u9fff"
    "\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]"
)


@dataclass(frozen=True)
class Fonts:
    """The font names in use, and what they are (for the lead's CI notes and for tests).

    The body fonts are registered at once. The Korean and the symbol fonts are large
    (reading NanumGothic alone takes longer than laying out a summary) and most text needs
    neither, so each is registered the first time a run of text asks for it.
    """

    body: str
    bold: str
    italic: str
    bold_italic: str
    body_embedded: bool
    body_glyphs: frozenset[int] | None

    @property
    def cjk(self) -> str:
        return _korean()[0]

    @property
    def cjk_bold(self) -> str:
        return _korean()[1]

    @property
    def cjk_embedded(self) -> bool:
        return _korean()[2]

    @property
    def symbol(self) -> str:
        """The fallback for emoji and symbols (Symbola); "" when none is installed."""
        return _symbols()[0]

    @property
    def symbol_glyphs(self) -> frozenset[int]:
        """What the symbol font draws; empty when there is none."""
        return _symbols()[1]

    def face(self, role: str, *, bold: bool = False) -> str:
        """The font of a run of the given role (see :func:`_role`)."""
        if role == "cjk":
            return self.cjk_bold if bold else self.cjk
        if role == "symbol":
            return self.symbol
        return self.bold if bold else self.body


@functools.cache
def fonts() -> Fonts:
    """Register the body fonts once per process and say which ones are in use."""
    body_ok = register_ttf("Body", find_font("DejaVuSans.ttf", _SYSTEM_FONT_DIRS))
    glyphs: frozenset[int] | None = None
    names = ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")
    if body_ok:
        # A missing variant (fonts-dejavu-core has no oblique) falls back to a registered one.
        bold = _variant("Body-Bold", "DejaVuSans-Bold.ttf", "Body")
        italic = _variant("Body-Italic", "DejaVuSans-Oblique.ttf", "Body")
        bold_italic = _variant("Body-BoldItalic", "DejaVuSans-BoldOblique.ttf", bold)
        pdfmetrics.registerFontFamily(
            "Body", normal="Body", bold=bold, italic=italic, boldItalic=bold_italic
        )
        glyphs = frozenset(pdfmetrics.getFont("Body").face.charToGlyph)
        names = ("Body", bold, italic, bold_italic)
    return Fonts(*names, body_ok, glyphs)


@functools.cache
def _symbols() -> tuple[str, frozenset[int]]:
    """The first symbol font found (Debian: ``fonts-symbola``), for what DejaVu lacks."""
    for name in _SYMBOL_TTF:
        if register_ttf("SymbolFallback", find_font(name, _SYMBOL_DIRS)):
            font = pdfmetrics.getFont("SymbolFallback")
            pdfmetrics.registerFontFamily(
                "SymbolFallback",
                normal="SymbolFallback",
                bold="SymbolFallback",
                italic="SymbolFallback",
                boldItalic="SymbolFallback",
            )
            return "SymbolFallback", frozenset(font.face.charToGlyph)
    return "", frozenset()


def _variant(name: str, file: str, fallback: str) -> str:
    return name if register_ttf(name, find_font(file, _SYSTEM_FONT_DIRS)) else fallback


@functools.cache
def _korean() -> tuple[str, str, bool]:
    """The Korean font (regular, bold) and whether it is embedded, registered once."""
    for regular, bold in _KOREAN_TTF:
        if register_ttf("Korean", find_font(regular, _KOREAN_DIRS)):
            has_bold = register_ttf("Korean-Bold", find_font(bold, _KOREAN_DIRS))
            return _korean_family("Korean", "Korean-Bold" if has_bold else "Korean", True)
    if register_ttf("Korean", fc_korean_ttf()):
        return _korean_family("Korean", "Korean", True)
    pdfmetrics.registerFont(UnicodeCIDFont("HYGothic-Medium"))
    return _korean_family("HYGothic-Medium", "HYGothic-Medium", False)


def _korean_family(regular: str, bold: str, embedded: bool) -> tuple[str, str, bool]:
    pdfmetrics.registerFontFamily(
        regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
    )
    return regular, bold, embedded


#: Invisible marks of emoji sequences (variation selectors, zero-width joiner): not printed.
_INVISIBLE = str.maketrans("", "", "\ufe0e\ufe0f\u200d")


def _role(ch: str, f: Fonts) -> str:
    """Which font draws ``ch``: "" the body font, "cjk" the Korean one, "symbol" the
    fallback for emoji and other symbols the body font lacks."""
    if f.body_glyphs is not None and ord(ch) in f.body_glyphs:
        return ""
    if _CJK.match(ch):
        return "cjk"
    if ord(ch) in f.symbol_glyphs:
        return "symbol"
    return ""


def _runs(text: str, f: Fonts) -> Iterator[tuple[str, str]]:
    """Split text into (font role, run) pieces (see :func:`_role`)."""
    start, current = 0, _role(text[0], f) if text else ""
    for i, ch in enumerate(text):
        wants = _role(ch, f)
        if wants != current:
            yield current, text[start:i]
            start, current = i, wants
    if start < len(text):
        yield current, text[start:]


def markup(text: str, *, bold: bool = False) -> str:
    """User text as Paragraph markup: escaped, line breaks kept, Hangul in the CJK font,
    emoji and symbols in the symbol font."""
    if not text:
        return ""
    escaped = escape(text, {'"': "&quot;"}).replace("\r\n", "\n").replace("\n", "<br/>")
    if not escaped.isascii():
        f = fonts()
        escaped = "".join(
            f'<font face="{f.face(role, bold=bold)}">{run}</font>' if role else run
            for role, run in _runs(escaped.translate(_INVISIBLE), f)
        )
    return f"<b>{escaped}</b>" if bold else escaped


_FRAG_TEMPLATES: dict[tuple[str, str, float, str], Any] = {}


def plain_frags(text: str, style: ParagraphStyle) -> list[Any] | None:
    """Ready-made fragments for text that holds no markup at all, else None.

    ReportLab parses every Paragraph with an HTML parser; a packet has tens of thousands of
    plain cells, so for those the one fragment is cloned from a template of the style. The
    result is what the parser would make (whitespace folded the same way).
    """
    if not text or "<" in text or "&" in text:
        return None
    key = (style.name, style.fontName, style.fontSize, repr(style.textColor))
    template = _FRAG_TEMPLATES.get(key)
    if template is None:
        template = _FRAG_TEMPLATES[key] = Paragraph("x", style).frags[0]
    return [template.clone(text=_folded(text))]


def _folded(text: str) -> str:
    """Whitespace folded as ReportLab's parser folds it; most cell text has none to fold."""
    if text.isascii() and text.isprintable() and "  " not in text and text.strip(" ") == text:
        return text
    return str(cleanBlockQuotedText(text))


class TextBlock(Paragraph):  # type: ignore[misc]
    """A Paragraph that remembers where its lines break at each width it was given.

    A table wraps every cell to measure its row, again for each page a long table is split
    over (the rest of the table is measured anew) and again to draw it; a packet with a
    table of contents is laid out twice. The words and the width decide the line breaks, so
    breaking them once per width gives the very same lines, much sooner.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        known: dict[float, tuple[Any, ...]] = self.__dict__.setdefault("_known_widths", {})
        laid = known.get(availWidth)
        if laid is not None:
            self.width, self._wrapWidths, self.blPara, self.height = laid
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            known[availWidth] = (self.width, self._wrapWidths, self.blPara, self.height)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) > 1:
            # Splitting may touch the words of the lines it was given (a space added at a
            # line's end), so the next pass breaks this paragraph afresh, as ReportLab does.
            self.__dict__.pop("_known_widths", None)
        return parts


def paragraph(text: str, style: ParagraphStyle, *, bullet: str | None = None) -> Paragraph:
    """A Paragraph of already-escaped markup (from :func:`markup`), parsed only if needed."""
    return TextBlock(text, style, bulletText=bullet, frags=plain_frags(text, style))


def plain(text: str) -> str:
    """Text for a canvas drawString in the body font: CJK it cannot draw becomes '?'."""
    if text.isascii():  # every CJK character is outside ASCII
        return text
    f = fonts()
    return "".join("?" if _role(ch, f) else ch for ch in text.translate(_INVISIBLE))


def font_runs(text: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """(font name, run) pieces for drawing mixed Latin/Hangul text straight on a canvas."""
    f = fonts()
    return [(f.face(role, bold=bold), run) for role, run in _runs(text.translate(_INVISIBLE), f)]


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    head: ParagraphStyle
    quote: ParagraphStyle
    label: ParagraphStyle
    numbered: ParagraphStyle
    passage: ParagraphStyle
    toc_title: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The named styles every report uses (created once; fonts registered first)."""
    f = fonts()

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": f.body,
            "fontSize": BODY_SIZE,
            "leading": BODY_SIZE * 1.3,
            "textColor": INK,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    head_kw: dict[str, object] = {"fontName": f.bold, "textColor": ACCENT}
    return Styles(
        title=style("Title", fontName=f.bold, fontSize=22, leading=28, spaceAfter=12),
        subtitle=style("Subtitle", fontSize=13, leading=18, textColor=MUTED, spaceAfter=6),
        h1=style("Heading1", fontSize=16, leading=20, spaceBefore=6, spaceAfter=8, **head_kw),
        h2=style("Heading2", fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4, **head_kw),
        h3=style("Heading3", fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2, **head_kw),
        body=style("Body", spaceAfter=5),
        small=style("Small", fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.3, textColor=MUTED),
        cell=style("Cell", leading=BODY_SIZE * 1.25),
        cell_bold=style("CellBold", fontName=f.bold, leading=BODY_SIZE * 1.25),
        head=style("TableHead", fontName=f.bold, leading=BODY_SIZE * 1.25, textColor=ACCENT),
        quote=style(
            "Quote", fontName=f.italic, leftIndent=12, textColor=MUTED, leading=BODY_SIZE * 1.3
        ),
        label=style("Label", fontName=f.bold, textColor=MUTED, leading=BODY_SIZE * 1.25),
        numbered=style(
            "Numbered", leftIndent=30, bulletIndent=0, spaceBefore=4, bulletFontName=f.body
        ),
        passage=style(
            "Passage",
            leftIndent=30,
            fontSize=SMALL_SIZE,
            leading=SMALL_SIZE * 1.3,
            textColor=MUTED,
        ),
        toc_title=style("TocTitle", fontName=f.bold, fontSize=16, leading=20, textColor=ACCENT),
        toc1=style("Toc1", fontName=f.bold, fontSize=11, leading=15, spaceBefore=5),
        toc2=style("Toc2", leftIndent=16, fontSize=BODY_SIZE, leading=13.5),
    )


def centered(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "Centered", parent=style, alignment=TA_CENTER)
