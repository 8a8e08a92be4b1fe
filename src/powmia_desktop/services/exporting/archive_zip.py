"""A whole archive as one zip, to hand a case file to another organizer (format: see
archive_format.py).

Every table goes, read through its raw twin so stored values travel unchanged, with the
files of its attachments. Records above the privacy ceiling stay behind, and so do the
rows that cannot exist without them (a citation of a private live-sighting report); a
link to a record left behind that may be empty is emptied.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from powmia_desktop import __version__
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.services.attachments import stored_path
from powmia_desktop.services.exporting.archive_format import (
    ATTACHMENTS_DIR,
    FORMAT,
    MANIFEST,
    RECORDS_DIR,
    VERSION,
    exchanged_tables,
    raw_table,
    to_json_value,
)
from powmia_desktop.services.exporting.files import ExportResult, write_atomically
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, Privacy


def _foreign_keys(table: Table) -> list[tuple[str, str, bool]]:
    """(column, referred table, must go with it) for each foreign key of ``table``."""
    out = []
    for column in table.columns:
        for key in column.foreign_keys:
            strict = key.ondelete == "CASCADE" or not column.nullable
            out.append((column.name, key.column.table.name, strict))
    return out


def collect_rows(
    session: Session, privacy: Privacy, progress: Progress = no_progress
) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Every exchanged table's rows as JSON-ready dicts, and how many were withheld."""
    kept_ids: dict[str, set[Any]] = {}
    records: dict[str, list[dict[str, Any]]] = {}
    withheld = 0
    tables = exchanged_tables()
    for position, table in enumerate(tables):
        progress(position, len(tables), f"Reading {table.name}")
        raw = raw_table(table)
        keys = _foreign_keys(table)
        order = [raw.c[c.name] for c in table.primary_key.columns]
        rows = []
        for row in session.execute(select(raw).order_by(*order)).mappings():
            values = dict(row)
            if "sensitivity" in values and not privacy.allows(values["sensitivity"]):
                withheld += 1
                continue
            dropped = False
            for column, referred, strict in keys:
                value = values[column]
                if value is None or referred not in kept_ids or value in kept_ids[referred]:
                    continue
                if strict:
                    dropped = True
                    break
                values[column] = None
            if dropped:
                withheld += 1
                continue
            rows.append({k: to_json_value(v) for k, v in values.items()})
        if "id" in table.c:
            kept_ids[table.name] = {r["id"] for r in rows}
        records[table.name] = rows
    return records, withheld


def export_archive(
    session: Session,
    attachments_dir: Path | None,
    path: Path,
    *,
    privacy: Privacy = DEFAULT_PRIVACY,
    overwrite: bool = False,
    progress: Progress = no_progress,
) -> ExportResult:
    """Write the archive (what ``privacy`` allows) with its attachments to ``path``."""
    records, withheld = collect_rows(session, privacy, progress)
    hashes = sorted({r["sha256"] for r in records.get("attachment", [])})
    missing = [
        sha
        for sha in hashes
        if attachments_dir is None or not stored_path(attachments_dir, sha).is_file()
    ]
    revision = (
        session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    )
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "schema_revision": revision,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "privacy": {
            "ceiling": privacy.effective.name.lower(),
            "include_private": privacy.include_private,
        },
        "tables": {name: len(rows) for name, rows in records.items()},
        "attachments": len(hashes) - len(missing),
        "missing_attachments": missing,
    }

    def write(handle: IO[bytes]) -> None:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
            for name, rows in records.items():
                text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
                archive.writestr(f"{RECORDS_DIR}{name}.json", text)
            for position, sha in enumerate(hashes):
                if sha in missing or attachments_dir is None:
                    continue
                progress(position, len(hashes), "Copying attachments")
                archive.write(
                    stored_path(attachments_dir, sha), f"{ATTACHMENTS_DIR}{sha[:2]}/{sha}.bin"
                )

    write_atomically(path, write, overwrite)
    count = sum(len(rows) for rows in records.values())
    return ExportResult("records", path, count, withheld)
