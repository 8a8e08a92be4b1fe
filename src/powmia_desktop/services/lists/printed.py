"""A list's row as printed, read again as the list import read it (with the column mapping
its import batch used), so a row can be compared with a case or with another list's row."""

from __future__ import annotations

import json
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.models import ImportBatch
from powmia_desktop.services.importing.list_rows import (
    LIST_FIELDS,
    ListRow,
    RowReader,
    printed_cells,
    read_status,
)
from powmia_desktop.services.importing.tabular import resolve_mapping


def as_dict(printed: Any) -> dict[str, Any]:
    """A stored row as printed (a dict, or its JSON text when read with Core) as a dict."""
    if isinstance(printed, str):
        try:
            printed = json.loads(printed)
        except ValueError:
            return {}
    return printed if isinstance(printed, dict) else {}


class PrintedReader:
    """Reads rows as printed into checked ListRows; one reader for many rows of one job."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._mappings: dict[int, dict[str, str]] = {}
        self._by_headers: dict[tuple[str, ...], dict[str, str]] = {}
        self._status_maps: dict[tuple[int | None, tuple[str, ...]], dict[str, str]] = {}
        self._statuses: dict[tuple[str, ...], Status] = {}
        self._rows = RowReader()

    def mapping(self, batch_id: int | None, headers: list[str]) -> dict[str, str]:
        """The batch's column mapping; a row entered by hand maps its headers by name."""
        if batch_id is None:
            key = tuple(headers)
            if key not in self._by_headers:
                try:
                    self._by_headers[key] = resolve_mapping(headers, LIST_FIELDS, None)
                except ValidationError:
                    self._by_headers[key] = {}
            return self._by_headers[key]
        if batch_id not in self._mappings:
            stored = self.session.scalar(
                select(ImportBatch.column_mapping).where(ImportBatch.id == batch_id)
            )
            columns = stored.get("columns", {}) if isinstance(stored, dict) else {}
            self._mappings[batch_id] = {str(k): str(v) for k, v in columns.items() if v}
        return self._mappings[batch_id]

    def read(self, batch_id: int | None, printed: Any) -> ListRow | None:
        """The row checked as at import, or None when it cannot be read (a rejected row,
        a row entered without its printed cells)."""
        row = as_dict(printed)
        if not row:
            return None
        try:
            return self._rows.read(printed_cells(row, self.mapping(batch_id, list(row))))
        except ValidationError:
            return None

    def status(self, batch_id: int | None, printed: Any) -> Status:
        """(accounting, casualty) the row prints, as list_diff reads them (a man listed
        MIA or POW is unaccounted for); (None, None) when it prints none it can read.
        Reads the status cells only, each distinct wording once."""
        row = as_dict(printed)
        if not row:
            return None, None
        headers = tuple(row)
        key = (batch_id, headers)
        if key not in self._status_maps:
            mapping = self.mapping(batch_id, list(headers))
            self._status_maps[key] = {h: f for h, f in mapping.items() if f in _STATUS_FIELDS}
        cells = printed_cells(row, self._status_maps[key])
        words = tuple(cells.get(f, "") for f in _STATUS_FIELDS)
        if words not in self._statuses:
            self._statuses[words] = _status(cells)
        return self._statuses[words]


Status = tuple[str | None, str | None]
_STATUS_FIELDS: Final = ("accounting_status", "casualty_status", "status")


def _status(cells: dict[str, str]) -> Status:
    try:
        accounting, casualty, _ = read_status(cells)
    except ValidationError:
        return None, None
    if accounting is None and casualty in ("accounted_for", "non_recoverable"):
        accounting = casualty
    elif accounting is None and casualty:
        accounting = "unaccounted_for"
    return accounting, casualty
