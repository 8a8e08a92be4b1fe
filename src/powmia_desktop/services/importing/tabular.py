"""Reading the spreadsheets people have: CSV or TSV, in whatever encoding they were saved.

Excel on Windows writes Windows-1252 or UTF-16 ("Unicode text"), LibreOffice and Google
Sheets UTF-8, some with a byte-order mark. The delimiter is found by reading the first
lines with each candidate and keeping the one that gives the most consistent columns.
Row numbers are those a spreadsheet shows: the header is row 1, the first data row is 2.

Column mapping: each importer declares its fields and the header names that map to them by
themselves ("Last Name", "SURNAME" -> surname). A mapping file (``--mapping``) is JSON::

    {"format": "powmia-mapping", "version": 1,
     "columns": {"Family name": "surname", "Remarks": null},
     "options": {"list": "DPAA list of the unaccounted-for"}}

or simply ``{"Family name": "surname", ...}``. A null field means "ignore this column".
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.formula_guard import unguard
from powmia_desktop.services.importing.text_encoding import decode_bytes

#: A list file larger than this is refused before it is read (a list of 100,000 names with
#: twenty columns is about 20 MB).
MAX_TABLE_BYTES: Final = 256 * 1024 * 1024
_DELIMITERS: Final = (",", "\t", ";", "|")
_SNIFF_LINES: Final = 50
_FOLD: Final = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """A header or value reduced to lower-case letters and digits (of any script), for
    forgiving comparisons: "Last Name" = "LAST_NAME" = "lastname"."""
    return _FOLD.sub("", text.casefold())


@dataclass
class Table:
    """A file's header and data rows, every row as long as the header."""

    headers: list[str]
    rows: list[list[str]]
    #: The spreadsheet row number of each data row (blank rows are skipped, numbers kept).
    row_numbers: list[int]
    encoding: str = "utf-8"
    delimiter: str = ","
    #: Said in the import report: how a guess was made where the encoding was not clear.
    warning: str = ""

    def __len__(self) -> int:
        return len(self.rows)

    def record(self, index: int) -> dict[str, str]:
        """One row as printed: header -> cell, only the cells that are not blank."""
        return {h: v for h, v in zip(self.headers, self.rows[index], strict=True) if v != ""}


@dataclass
class MappingFile:
    columns: dict[str, str | None]
    options: dict[str, Any] = field(default_factory=dict)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most, and most equal, columns."""
    sample = "\n".join(text.splitlines()[:_SNIFF_LINES])
    best, best_score = ",", (-1, -1)
    for delimiter in _DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not widths or widths[0] < 2:
            continue
        consistent = sum(1 for w in widths if w == widths[0])
        score = (consistent, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_table(data: bytes, name: str = "the file") -> Table:
    """Decode, sniff and split ``data``; raises ValidationError for what is not a table."""
    if len(data) > MAX_TABLE_BYTES:
        raise ValidationError(
            f"{name} is {len(data) / 2**20:,.0f} MB; a list can be at most "
            f"{MAX_TABLE_BYTES / 2**20:,.0f} MB"
        )
    decoded = decode_bytes(data, name)
    text = decoded.text
    if "\x00" in text:
        raise ValidationError(f"{name} is not a text file (it contains NUL bytes)")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    number = 0
    try:
        for cells in reader:
            number += 1  # records, as a spreadsheet counts rows (a quoted line break is one)
            if not any(c.strip() for c in cells):
                continue
            cells = [unguard(c) if c[:1] == "'" else c for c in cells]  # our own exports
            if headers is None:
                headers = _unique_headers(cells, name)
                continue
            if len(cells) < len(headers):
                cells += [""] * (len(headers) - len(cells))
            elif len(cells) > len(headers):
                if any(c.strip() for c in cells[len(headers) :]):
                    width = len(headers)
                    headers += [f"(extra column {i})" for i in range(width + 1, len(cells) + 1)]
                    for earlier in rows:
                        earlier += [""] * (len(headers) - len(earlier))
                else:
                    cells = cells[: len(headers)]
            if len(cells) < len(headers):
                cells += [""] * (len(headers) - len(cells))
            rows.append(cells)
            numbers.append(number)
    except csv.Error as error:
        raise ValidationError(f"{name}, row {number + 1}: {str(error)[:200]}") from None
    if headers is None:
        raise ValidationError(f"{name} is empty: there is no header row")
    return Table(headers, rows, numbers, decoded.encoding, delimiter, decoded.warning)


def _unique_headers(cells: list[str], file_name: str) -> list[str]:
    """The header row's names (a blank one is "Column N"); refuses a name given twice,
    naming it and its columns, since a mapping could only ever reach one of them."""
    headers = [" ".join(cell.split()) or f"Column {index}" for index, cell in enumerate(cells, 1)]
    places: dict[str, list[int]] = {}
    for index, name in enumerate(headers, 1):
        places.setdefault(name.casefold(), []).append(index)
    for name in headers:
        where = places[name.casefold()]
        if len(where) > 1:
            raise ValidationError(
                f"{file_name} has the column '{name[:80]}' {len(where)} times (columns "
                f"{', '.join(map(str, where))}); rename them so that each name is used once",
                name,
            )
    return headers


def read_table(path: Path) -> Table:
    return parse_table(read_bytes(path), path.name)


def read_bytes(path: Path, limit: int = MAX_TABLE_BYTES) -> bytes:
    """The bytes of a file a person chose, with their mistakes turned into plain messages."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ValidationError(
                f"{path.name} is {size / 2**20:,.0f} MB; at most {limit / 2**20:,.0f} MB "
                "can be imported"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"There is no file {path}") from None
    except IsADirectoryError:
        raise ValidationError(f"{path} is a folder; choose a file") from None
    except PermissionError:
        raise ValidationError(f"No permission to read {path}") from None
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror}") from None


def _known(aliases: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Folded header name -> the field it names; a field's own name counts too."""
    known: dict[str, str] = {}
    for name, words in aliases.items():
        for word in (name, *words):
            known.setdefault(fold(word), name)
    return known


def guess_mapping(
    headers: Iterable[str],
    aliases: Mapping[str, Iterable[str]],
    multi: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Header -> field for every header whose name is one a field is known by.

    ``aliases`` maps a field to the header names it is known by; the field's own name counts
    too. Each field is taken by the first header that names it, except the ``multi`` fields
    (phones, notes) which take every such header. A first guess, to show a person; an import
    uses ``resolve_mapping``, which refuses a field named by two columns.
    """
    known = _known(aliases)
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        target = known.get(fold(header))
        if target is not None and target not in taken:
            mapping[header] = target
            if target not in multi:
                taken.add(target)
    return mapping


def resolve_mapping(
    headers: list[str],
    aliases: Mapping[str, Iterable[str]],
    given: Mapping[str, str | None] | None,
    *,
    multi: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """The mapping to use: the headers' own names, overridden by ``given`` (header -> field
    or None to ignore it); a field given to a column is taken from the columns that only
    named it.

    Raises ValidationError naming the unknown header or field, and naming the columns when
    two go to a field that takes one (any but the ``multi`` fields: phones, emails), rather
    than keep one and quietly drop the other.
    """
    known = _known(aliases)
    mapping = {h: known[fold(h)] for h in headers if fold(h) in known}
    chosen: dict[str, str] = {}
    for header, target in (given or {}).items():
        actual = header if header in headers else {fold(h): h for h in headers}.get(fold(header))
        if actual is None:
            raise ValidationError(
                f"The mapping names a column '{header}' that the file does not have "
                f"(its columns: {', '.join(headers)})",
                header,
            )
        if target is None or target == "":
            mapping.pop(actual, None)
            chosen.pop(actual, None)
            continue
        if target not in aliases:
            raise ValidationError(
                f"The mapping sends '{header}' to '{target}', which is not a field; "
                f"use one of: {', '.join(sorted(aliases))}",
                header,
            )
        chosen[actual] = target
    if given:
        given_fields = set(chosen.values())
        mapping = {h: f for h, f in mapping.items() if h in chosen or f not in given_fields}
        mapping.update(chosen)
    _refuse_doubles(mapping, multi)
    return mapping


def _refuse_doubles(mapping: Mapping[str, str], multi: frozenset[str]) -> None:
    columns: dict[str, list[str]] = {}
    for header, target in mapping.items():
        columns.setdefault(target, []).append(header)
    for target, headers in columns.items():
        if len(headers) > 1 and target not in multi:
            named = " and ".join(f"'{h}'" for h in headers)
            raise ValidationError(
                f"The columns {named} would all go to '{target}', which takes one column; "
                "map all but one to another field or ignore them (null in a mapping file)",
                headers[0],
            )


def require_one_of(
    mapping: Mapping[str, str],
    fields: tuple[str, ...],
    headers: list[str],
    file_name: str,
    what: str,
) -> None:
    """Refuse a mapping in which no column goes to any of ``fields`` (the ones a row needs)."""
    if not any(f in mapping.values() for f in fields):
        raise ValidationError(
            f"No column of {file_name} holds {what}; map one of ({', '.join(headers)}) to "
            + " or ".join(f"'{f}'" for f in fields)
        )


def load_mapping_file(path: Path) -> MappingFile:
    """Read a ``--mapping`` JSON file (see the module text for its two forms)."""
    try:
        data = json.loads(read_bytes(path, 1024 * 1024).decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError(f"The mapping file {path.name} is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"The mapping file {path.name} is not valid JSON (line {error.lineno}: {error.msg})"
        ) from None
    return parse_mapping(data, path.name)


def parse_mapping(data: Any, name: str = "the mapping") -> MappingFile:
    if not isinstance(data, dict):
        raise ValidationError(f"{name} must be a JSON object of column -> field")
    if "columns" in data:
        columns, options = data["columns"], data.get("options", {})
        if data.get("format", "powmia-mapping") != "powmia-mapping":
            raise ValidationError(f"{name} is not a powmia-mapping file")
        if not isinstance(options, dict):
            raise ValidationError(f"'options' in {name} must be a JSON object")
    else:
        columns, options = data, {}
    if not isinstance(columns, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in columns.items()
    ):
        raise ValidationError(f"'columns' in {name} must map column names to field names or null")
    return MappingFile(dict(columns), dict(options))


def mapping_document(mapping: Mapping[str, str], options: Mapping[str, Any] | None = None) -> str:
    """The JSON text of a mapping file, as the wizard saves it for the next edition."""
    document = {
        "format": "powmia-mapping",
        "version": 1,
        "columns": dict(mapping),
        "options": dict(options or {}),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
