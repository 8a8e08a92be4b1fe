"""A whole archive as one zip, to hand a case file to another organizer (format: see
services/exchange.py and db/tables.py).

Every table goes, read through its raw twin so stored values travel unchanged, with the
files of its attachments. Records above the privacy ceiling stay behind, and so do the
rows that cannot exist without them (a citation of a private live-sighting report); a
link to a record left behind that may be empty is emptied. For an audience, its field
rules apply too (``redact_row``): the phones, emails or addresses it hides stay behind, a
DNA donor is unnamed, and free text loses the numbers and addresses typed into it.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import IO, Any

from sqlalchemy import JSON, String, Table, select
from sqlalchemy.orm import Session

from powmia_desktop import __version__
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.tables import exchanged_tables, raw_table, to_json_value
from powmia_desktop.services.attachments import stored_path
from powmia_desktop.services.audience import Gate, RedactionLog
from powmia_desktop.services.exchange import (
    ATTACHMENTS_DIR,
    FORMAT,
    MANIFEST,
    MERGE_BASES,
    RECORDS_DIR,
    VERSION,
)
from powmia_desktop.services.exporting.files import ExportResult, write_atomically
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, DETAILS, Privacy
from powmia_desktop.services.importing.merging import bases_for_export


def _foreign_keys(table: Table) -> list[tuple[str, str, bool]]:
    """(column, referred table, must go with it) for each foreign key of ``table``."""
    out = []
    for column in table.columns:
        for key in column.foreign_keys:
            strict = key.ondelete == "CASCADE" or not column.nullable
            out.append((column.name, key.column.table.name, strict))
    return out


_DETAIL_RULES = {table: rule for rule, (_, table) in DETAILS.items()}
#: Text columns that hold no words a person typed: identities, a file's hash and type, the
#: digests of what a packet held. Every other one is scrubbed, the program's settings and a
#: packet's run too (a template's own text, a run's title and what it withheld).
_NOT_WORDS = frozenset({"uid", "sha256", "mime_type", "contents"})


def redact_row(table: Table, values: dict[str, Any], gate: Gate, names: dict[Any, str]) -> bool:
    """Apply the audience's field rules to one row (``values``, changed in place); False
    when the row itself is what a rule hides (a phone number of a contact)."""
    key = f"{table.name}:{values.get('id')}"
    level = Sensitivity(values.get("sensitivity") or 0)
    rule = _DETAIL_RULES.get(table.name)
    if rule is not None:
        kind = DETAILS[rule][0]
        who = names.get(values["contact_id"], f"contact {values['contact_id']}")
        named = f"{who}: {kind}" + (f" ({values['label']})" if values.get("label") else "")
        if not gate.rule_key(rule, key, level, kind, named):
            return False
    if table.name == "family_reference_sample" and values.get("donor_id") is not None:
        donor = names.get(values["donor_id"], "a donor")
        if not gate.rule_key("hide_dna_donors", key, level, "DNA donor name", donor):
            values["donor_id"] = None
    owner = str(values.get("display_name") or values.get("title") or values.get("surname") or key)
    for column in table.columns:
        value = values.get(column.name)
        if not value or column.name in _NOT_WORDS:
            continue
        if column.name == "notes":
            values["notes"] = gate.notes_key(key, level, value, owner)
        elif isinstance(column.type, String | JSON):  # JSON: a list's row as printed
            values[column.name] = gate.words(key, level, value, column.name, owner)
    return True


def collect_rows(
    session: Session,
    privacy: Privacy,
    progress: Progress = no_progress,
    log: RedactionLog | None = None,
) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Every exchanged table's rows as JSON-ready dicts, and how many were withheld."""
    gate = privacy.gate(RedactionLog() if log is None else log)
    names: dict[Any, str] = {}
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
            if privacy.rules and not redact_row(table, values, gate, names):
                continue
            rows.append({k: to_json_value(v) for k, v in values.items()})
        if "id" in table.c:
            kept_ids[table.name] = {r["id"] for r in rows}
        records[table.name] = rows
        if table.name == "contact":
            names.update((r["id"], r["display_name"]) for r in rows)
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
    log = RedactionLog()
    records, withheld = collect_rows(session, privacy, progress, log)
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
        "archive_uid": session.connection()
        .exec_driver_sql("SELECT value FROM archive_setting WHERE key = 'archive_uid'")
        .scalar()
        or "",
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "privacy": {
            "ceiling": privacy.effective.name.lower(),
            "include_private": privacy.include_private,
            "audience": privacy.audience,
            "rules": sorted(privacy.rules),
        },
        "tables": {name: len(rows) for name, rows in records.items()},
        "attachments": len(hashes) - len(missing),
        "missing_attachments": missing,
    }

    bases = bases_for_export(session, records)

    def write(handle: IO[bytes]) -> None:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
            if bases:
                archive.writestr(MERGE_BASES, json.dumps(bases, separators=(",", ":")))
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
    return ExportResult("records", path, count, withheld, log)
