"""A cross-reference as a CSV file (formula-guarded, services/exporting/files.py), as JSON,
and as lines for a terminal. The PDF is reports/crossref.py's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from powmia_desktop.services.exporting.files import csv_bytes, write_atomically, write_bytes
from powmia_desktop.services.importing.outcome import printable
from powmia_desktop.services.lists.crossref import CrossRef


def headers(result: CrossRef) -> list[str]:
    return ["Section", "Name", "Case", "Row on list", result.first_label, result.second_label]


def table_rows(result: CrossRef) -> list[list[Any]]:
    return [
        [g.heading, r.name, r.case_id or "", r.row_number or "", r.first, r.second]
        for g in result.groups
        for r in g.rows
    ]


def as_json(result: CrossRef) -> dict[str, Any]:
    return {
        "title": result.title,
        "first_label": result.first_label,
        "second_label": result.second_label,
        "groups": [
            {
                "key": g.key,
                "heading": g.heading,
                "rows": [
                    {
                        "name": r.name,
                        "case_id": r.case_id,
                        "row": r.row_number,
                        "first": r.first,
                        "second": r.second,
                    }
                    for r in g.rows
                ],
            }
            for g in result.groups
        ],
    }


def write_csv_file(path: Path, result: CrossRef, *, overwrite: bool = False) -> None:
    data = csv_bytes(headers(result), table_rows(result))
    write_atomically(path, lambda handle: write_bytes(handle, data), overwrite)


def write_json_file(path: Path, result: CrossRef, *, overwrite: bool = False) -> None:
    data = (json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomically(path, lambda handle: write_bytes(handle, data), overwrite)


def text_lines(result: CrossRef) -> list[str]:
    """The result for a terminal: each group's heading and count, then its men."""
    lines = [printable(result.title, 300)]
    for group in result.groups:
        lines.append(f"{printable(group.heading, 300)}: {len(group.rows):,}")
        for r in group.rows:
            where = f"case {r.case_id}" if r.case_id else "no case"
            row = f", row {r.row_number}" if r.row_number else ""
            statuses = " → ".join(t for t in (r.first, r.second) if t)
            shown = f"  {printable(r.name, 200)} ({where}{row})"
            lines.append(shown + (f": {printable(statuses, 200)}" if statuses else ""))
    return lines
