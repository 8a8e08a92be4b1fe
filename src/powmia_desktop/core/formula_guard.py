"""Keeping spreadsheet formulas out of the CSV files the program writes.

A spreadsheet treats a cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which some strip before looking) as a formula, and a formula can fetch a web page
with the sheet's contents or start a program. Following the OWASP guidance on CSV
injection, every such cell is written with a single quote in front, which spreadsheets
show as text and do not evaluate: ``=HYPERLINK(...)`` is written ``'=HYPERLINK(...)``.

So that the program reads its own files back exactly, the quote is added to any cell that
*would* start like a formula after removing the quotes already in front of it (``'=x`` is
written ``''=x``), and ``unguard`` takes exactly one quote off such a cell: ``unguard``
undoes ``guard`` for every text, and leaves a cell another program wrote as it is unless
it starts with quotes before a formula sign.
"""

from __future__ import annotations

import re
from typing import Any, Final

#: Quotes, then a formula sign (perhaps after blanks), or a tab or carriage return. The
#: full-width signs are those an input method types for =, +, - and @.
_FORMULA: Final = re.compile(r"'*(?:\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])")
_GUARDED: Final = re.compile(r"'(?=" + _FORMULA.pattern + ")")


def guard(value: Any) -> Any:
    """``value`` as a CSV cell a spreadsheet will not evaluate; numbers are left as they are."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return "'" + text if _FORMULA.match(text) else text


def unguard(text: str) -> str:
    """A cell as it was before ``guard``: one protective quote taken off, nothing else."""
    return text[1:] if _GUARDED.match(text) else text
