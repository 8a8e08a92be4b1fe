"""Font files: finding them (the program's ``resources/fonts``, the system, fontconfig) and
embedding them in PDFs, each subset made and compressed once per process."""

import functools
import shutil
import subprocess
import zlib
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace

from powmia_desktop.resources import resource_path


def find_font(name: str, dirs: tuple[Path, ...]) -> Path | None:
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


def fc_korean_ttf() -> Path | None:
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


def register_ttf(name: str, path: Path | None) -> bool:
    if path is None:
        return False
    try:
        pdfmetrics.registerFont(_EmbeddedFont(name, path))
    except (TTFError, OSError):
        return False
    return True
