"""Writing an export file: never over an existing file unless asked, never half a file."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from powmia_desktop.core import files as core_files
from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.formula_guard import guard
from powmia_desktop.services.audience import RedactionLog


@dataclass(frozen=True)
class ExportResult:
    kind: str
    path: Path
    count: int
    #: Records left out because they are above the privacy ceiling.
    withheld: int = 0
    #: What an audience's field rules took out (phone numbers, also inside notes...).
    log: RedactionLog | None = None

    def summary(self) -> str:
        noun = self.kind if self.count != 1 else self.kind.rstrip("s")
        text = f"Exported {self.count:,} {noun} to {self.path}"
        if self.withheld:
            text += f" ({self.withheld:,} above the privacy ceiling left out)"
        if self.log:
            n = len(self.log)
            text += f"; {n:,} item{'s' if n != 1 else ''} withheld by the audience's rules"
        return text


def check_target(path: Path, overwrite: bool) -> None:
    if path.is_dir():
        raise ValidationError(f"{path} is a folder; give a file name")
    if path.exists() and not overwrite:
        raise ValidationError(f"{path} already exists; choose another name or overwrite it")
    if not path.parent.is_dir():
        raise ValidationError(f"The folder {path.parent} does not exist")


def write_atomically(path: Path, write: Callable[[IO[bytes]], None], overwrite: bool) -> None:
    """Write through a temporary file beside ``path`` and rename it into place."""
    check_target(path, overwrite)
    core_files.write_atomically(path, write)


def write_bytes(handle: IO[bytes], data: bytes) -> None:
    handle.write(data)


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV as spreadsheets open it: UTF-8 with a byte-order mark, CRLF line ends, and no
    cell a spreadsheet would evaluate as a formula (see core/formula_guard.py)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([guard(h) for h in headers])
    writer.writerows([guard(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]], overwrite: bool = False
) -> None:
    data = csv_bytes(headers, rows)
    write_atomically(path, lambda handle: write_bytes(handle, data), overwrite)
