"""Fonts and named paragraph styles, registered once; and user text made safe for ReportLab.

Any text the archive holds must print: accented names, Korean Hangul (박길연), and text that
looks like markup (``A & B <c>``) printed literally. So:

* the body font is an embedded TrueType font (DejaVu Sans) found in the program's
  ``resources/fonts`` or on the system, falling back to Helvetica when there is none;
* Hangul and other CJK text is set in a second font, switched per run of characters: an
  embedded TrueType Korean font when one is installed (Debian: ``fonts-nanum``), otherwise
  ReportLab's built-in CID font ``HYGothic-Medium`` (not embedded: viewers substitute it);
* :func:`markup` escapes user text first and only then adds ``<font>`` tags around runs
  the body font cannot draw, so user text can never become markup.
"""

import functools
import re
import shutil
import subprocess
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from powmia_desktop.resources import resource_path

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
#: Hangul jamo and syllables, CJK punctuation, kana, ideographs and full-width forms.
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u30ff\u3130-\u318f\u31f0-\u31ff\u3200-\u9fff"
    "\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]"
)


@dataclass(frozen=True)
class Fonts:
    """The font names in use, and what they are (for the lead's CI notes and for tests)."""

    body: str
    bold: str
    italic: str
    bold_italic: str
    cjk: str
    cjk_bold: str
    body_embedded: bool
    cjk_embedded: bool
    body_glyphs: frozenset[int] | None


def _find(name: str, dirs: tuple[Path, ...]) -> Path | None:
    try:
        bundled = resource_path("fonts", name)
        if bundled.is_file():
            return bundled
    except FileNotFoundError:
        pass
    for folder in dirs:
        if (folder / name).is_file():
            return folder / name
    return None


def _fc_korean_ttf() -> Path | None:
    """A TrueType (not CFF) font with Hangul that fontconfig knows, if any."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run(
            [fc_list, ":lang=ko", "file"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.split(":")[0].strip() for line in out.splitlines())
    regular = [f for f in files if f.lower().endswith(".ttf") and "bold" not in f.lower()]
    return Path(regular[0]) if regular else None


class _FlateOnce:
    """FlateDecode for embedded font files, compressing each distinct one once per process."""

    pdfname = "FlateDecode"

    def __init__(self) -> None:
        self._done: dict[bytes, bytes] = {}

    def encode(self, data: bytes) -> bytes:
        packed = self._done.get(data)
        if packed is None:
            if len(self._done) >= _SUBSETS_KEPT:
                self._done.pop(next(iter(self._done)))
            packed = self._done[data] = zlib.compress(data)
        return packed

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


_SUBSETS_KEPT = 64
_FLATE_ONCE = _FlateOnce()


class _RememberingFace(TTFontFace):  # type: ignore[misc]
    """A TrueType face that makes each subset it embeds once per process.

    Every PDF embeds the glyphs it uses: a subset of the font (ASCII first, then any other
    character in the order met). Case summaries nearly always use the same subset, and
    cutting it out of DejaVu Sans and compressing it cost more than laying out the page.
    The bytes depend only on the font and the subset, so the PDF is the same.
    """

    def makeSubset(self, subset: list[int]) -> bytes:
        made: dict[tuple[int, ...], bytes] = self.__dict__.setdefault("_made", {})
        key = tuple(subset)
        data = made.get(key)
        if data is None:
            if len(made) >= _SUBSETS_KEPT:
                made.pop(next(iter(made)))
            data = made[key] = bytes(super().makeSubset(subset))
        return data

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        descriptor = super().addSubsetObjects(doc, fontname, subset)
        font_file = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")
        if font_file is not None and font_file.filters:
            font_file.filters = [_FLATE_ONCE]
        return descriptor


class _EmbeddedFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose subsets and glyph-width tables are made once per process."""

    def __init__(self, name: str, path: Path) -> None:
        super().__init__(name, str(path))
        self.face.__class__ = _RememberingFace  # the same face, read once; only subsets differ

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        # Each subset's Widths array (128 numbers and more) is written out number by number,
        # which cost a summary as much as a page of text; the bytes are the same each time.
        for pdf_font in doc.idToObject["BasicFonts"].dict.values():
            widths = getattr(pdf_font, "Widths", None)
            if isinstance(widths, pdfdoc.PDFArray):
                pdf_font.Widths = _written_widths(tuple(widths.sequence))


@functools.lru_cache(maxsize=_SUBSETS_KEPT)
def _written_widths(widths: tuple[float, ...]) -> bytes:
    """A Widths array as ReportLab writes it (numbers do not depend on the document)."""
    return bytes(pdfdoc.PDFArray(list(widths)).format(None))


def _register_ttf(name: str, path: Path | None) -> bool:
    if path is None:
        return False
    try:
        pdfmetrics.registerFont(_EmbeddedFont(name, path))
    except (TTFError, OSError):
        return False
    return True


@functools.cache
def fonts() -> Fonts:
    """Register the fonts once per process and say which ones are in use."""
    body_ok = _register_ttf("Body", _find("DejaVuSans.ttf", _SYSTEM_FONT_DIRS))
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
    cjk, cjk_bold, cjk_embedded = _register_korean()
    return Fonts(*names, cjk, cjk_bold, body_ok, cjk_embedded, glyphs)


def _variant(name: str, file: str, fallback: str) -> str:
    return name if _register_ttf(name, _find(file, _SYSTEM_FONT_DIRS)) else fallback


def _register_korean() -> tuple[str, str, bool]:
    for regular, bold in _KOREAN_TTF:
        if _register_ttf("Korean", _find(regular, _KOREAN_DIRS)):
            has_bold = _register_ttf("Korean-Bold", _find(bold, _KOREAN_DIRS))
            return _korean_family("Korean", "Korean-Bold" if has_bold else "Korean", True)
    if _register_ttf("Korean", _fc_korean_ttf()):
        return _korean_family("Korean", "Korean", True)
    pdfmetrics.registerFont(UnicodeCIDFont("HYGothic-Medium"))
    return _korean_family("HYGothic-Medium", "HYGothic-Medium", False)


def _korean_family(regular: str, bold: str, embedded: bool) -> tuple[str, str, bool]:
    pdfmetrics.registerFontFamily(
        regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
    )
    return regular, bold, embedded


def _needs_cjk(ch: str, glyphs: frozenset[int] | None) -> bool:
    if glyphs is not None and ord(ch) in glyphs:
        return False
    return bool(_CJK.match(ch))


def _runs(text: str, glyphs: frozenset[int] | None) -> Iterator[tuple[bool, str]]:
    """Split text into (needs the CJK font, run) pieces."""
    start, current = 0, _needs_cjk(text[0], glyphs) if text else False
    for i, ch in enumerate(text):
        wants = _needs_cjk(ch, glyphs)
        if wants != current:
            yield current, text[start:i]
            start, current = i, wants
    if start < len(text):
        yield current, text[start:]


def markup(text: str, *, bold: bool = False) -> str:
    """User text as Paragraph markup: escaped, line breaks kept, Hangul in the CJK font."""
    if not text:
        return ""
    escaped = escape(text, {'"': "&quot;"}).replace("\r\n", "\n").replace("\n", "<br/>")
    if not escaped.isascii():
        f = fonts()
        escaped = "".join(
            f'<font face="{f.cjk_bold if bold else f.cjk}">{run}</font>' if cjk else run
            for cjk, run in _runs(escaped, f.body_glyphs)
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
    return "".join("?" if _needs_cjk(ch, f.body_glyphs) else ch for ch in text)


def font_runs(text: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """(font name, run) pieces for drawing mixed Latin/Hangul text straight on a canvas."""
    f = fonts()
    latin, cjk = (f.bold, f.cjk_bold) if bold else (f.body, f.cjk)
    return [(cjk if wants else latin, run) for wants, run in _runs(text, f.body_glyphs)]


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
