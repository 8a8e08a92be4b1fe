"""Turning the bytes of an imported file into text, line by line where a file mixes encodings.

Most files are UTF-8 (LibreOffice, Google Sheets, phones) or Windows-1252 (Excel on
Windows); some carry a byte-order mark, Excel's "Unicode text" is UTF-16. A file put
together from several others can mix UTF-8 lines with Windows-1252 ones: each line is then
read on its own, UTF-8 where it is valid UTF-8, and the other lines in one guessed encoding
(``charset-normalizer`` picks among the usual single- and double-byte ones; short Western
text stays Windows-1252, which it cannot tell from its neighbours). A line may also say
what it is (a vCard's ``CHARSET=``): that is honoured. Whenever a guess was needed the
result carries a warning for the import report, naming the lines. Byte-order marks left in
the middle of the text (files joined together) are removed.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from charset_normalizer import from_bytes

from powmia_desktop.core.errors import ValidationError

#: Encodings a guess chooses among: Western, Central European, Cyrillic, Greek, Korean,
#: Japanese, Chinese.
_CANDIDATES: Final = [
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp949",
    "shift_jis",
    "gb18030",
    "big5",
]
#: Guesses that, on a few names, say nothing more than "Western European".
_WESTERN: Final = frozenset({"cp1252", "cp1250", "latin_1", "iso8859_15", "cp1257"})
#: Fewer letters outside ASCII than this say too little to tell Korean from Latin-1.
_ENOUGH: Final = 6
_NAMES: Final = {
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp949": "Korean (EUC-KR)",
    "shift_jis": "Japanese (Shift JIS)",
    "gb18030": "Chinese (GB18030)",
    "big5": "Chinese (Big5)",
    "latin-1": "Latin-1",
}

#: For a line's bytes, the encoding it declares (or None).
Declared = Callable[[bytes], str | None]


@dataclass(frozen=True)
class Decoded:
    text: str
    #: What the text was read as: "utf-8", "utf-16", "cp1252", or "utf-8 and cp1252".
    encoding: str
    #: For the import report when any part had to be guessed; "" when nothing was.
    warning: str = ""


def decode_bytes(data: bytes, name: str = "the file", declared: Declared | None = None) -> Decoded:
    """The text of ``data``; never fails except for a UTF-16 file that is not UTF-16."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(_no_boms(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as error:
            raise ValidationError(
                f"{name} says it is UTF-16 but byte {error.start + 1:,} is not; "
                "save it again as UTF-8"
            ) from None
    body = data.removeprefix(codecs.BOM_UTF8)
    marked = len(body) < len(data)
    if declared is None:
        try:
            return Decoded(_no_boms(body.decode("utf-8")), "utf-8-sig" if marked else "utf-8")
        except UnicodeDecodeError:
            pass
    return _by_line(body, name, declared)


def _by_line(data: bytes, name: str, declared: Declared | None) -> Decoded:
    lines = data.splitlines(keepends=True)
    texts: list[str | None] = []
    bad: list[int] = []
    used: set[str] = set()
    for index, line in enumerate(lines):
        charset = declared(line) if declared is not None else None
        if charset is not None:
            try:
                texts.append(line.decode(charset))
                used.add(codecs.lookup(charset).name)
                continue
            except (UnicodeDecodeError, LookupError):
                pass  # a declaration that does not fit: read it as any other line
        try:
            texts.append(line.decode("utf-8"))
            if not line.isascii():
                used.add("utf-8")
        except UnicodeDecodeError:
            texts.append(None)
            bad.append(index)
    if not bad:
        return Decoded(
            _no_boms("".join(t or "" for t in texts)), " and ".join(sorted(used)) or "utf-8"
        )
    guess = guess_encoding(b"".join(lines[i] for i in bad))
    for index in bad:
        texts[index] = lines[index].decode(guess, "replace")
    text = _no_boms("".join(t or "" for t in texts))
    all_bad = len(bad) == sum(1 for line in lines if not line.isascii())
    one = all_bad or len(bad) == 1
    what = name if all_bad else f"{_line_list([i + 1 for i in bad])} of {name}"
    warning = (
        f"{what} {'is' if one else 'are'} not UTF-8 and {'was' if one else 'were'} read "
        f"as {_NAMES.get(guess, guess)}, a guess: check the letters with accents"
    )
    encoding = guess if all_bad and not used else " and ".join(sorted({*used, guess}))
    return Decoded(text, encoding, warning)


def guess_encoding(data: bytes) -> str:
    """The likeliest encoding of ``data`` (text that is not UTF-8) among the usual ones."""
    if sum(1 for byte in data if byte > 0x7F) >= _ENOUGH:
        best = from_bytes(data, cp_isolation=_CANDIDATES).best()
        if best is not None and best.encoding not in _WESTERN:
            return str(best.encoding)
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _line_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:8])
    more = f" and {len(numbers) - 8:,} more" if len(numbers) > 8 else ""
    return f"Line{'s' if len(numbers) > 1 else ''} {shown}{more}"


def _no_boms(text: str) -> str:
    """``text`` without byte-order marks (U+FEFF): in the middle of a file they are left
    over from joining files, and invisible in a name."""
    return text.replace("\ufeff", "") if "\ufeff" in text else text
