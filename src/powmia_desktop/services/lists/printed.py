"""A list's row as printed, read again as the list import read it (with the column mapping
its import batch used), so a row can be compared with a case or with another list's row."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.models import ImportBatch
from powmia_desktop.services.importing.list_rows import (
    LIST_FIELDS,
    ListRow,
    RowReader,
    printed_cells,
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
        self._rows = RowReader()

    def mapping(self, batch_id: int | None, headers: list[str]) -> dict[str, str]:
        """The batch's column mapping; a row entered by hand maps its headers by name."""
        if batch_id is None:
            try:
                return resolve_mapping(headers, LIST_FIELDS, None)
            except ValidationError:
                return {}
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
