"""Importing a whole-archive zip into an empty or an existing archive, merging by uid.

Safe against hostile or broken zips: archive_check.py reads and checks everything before
anything is written (paths, sizes, JSON, values, references, file hashes). Then all rows go
in one transaction;
attachment files are written last and removed again if anything fails, so a failed import
leaves nothing behind.

Merging: a record whose uid the archive already has is the same record; which version
stays is decided three-way, never by the sender's ``updated_at`` (merging.py), and one both
sides changed is kept as a conflict for review. A tag (or audience, template) with a name
the archive already has is that one. Into an empty table rows keep their ids; otherwise they get new
ones and every reference to them is translated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Table, UniqueConstraint, bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.tables import exchanged_tables, raw_table
from powmia_desktop.services.attachments import store_bytes, stored_path
from powmia_desktop.services.importing.archive_check import read_archive_zip
from powmia_desktop.services.importing.merging import (
    Outcome,
    PeerMerge,
    content_digest,
    decide,
)
from powmia_desktop.services.importing.outcome import ImportResult, recorded_batch
from powmia_desktop.services.importing.records import bulk_insert, index_after_insert


def _unique_columns(table: Table) -> list[str]:
    """Columns other than id/uid that are unique on their own (a tag's name)."""
    names = [c.name for c in table.columns if c.unique and c.name not in ("id", "uid")]
    for constraint in table.constraints:
        columns = list(getattr(constraint, "columns", []))
        if (
            isinstance(constraint, UniqueConstraint)
            and len(columns) == 1
            and columns[0].name not in ("id", "uid", *names)
        ):
            names.append(columns[0].name)
    return names


class _Merger:
    """Writes the checked rows table by table, translating ids as it goes."""

    def __init__(self, session: Session, result: ImportResult, merge: PeerMerge) -> None:
        self.session = session
        self.result = result
        self.merge = merge
        self.id_maps: dict[str, dict[Any, Any]] = {}

    def _translate(self, table: Table, row: dict[str, Any]) -> None:
        for column in table.columns:
            for key in column.foreign_keys:
                value = row[column.name]
                if value is not None:
                    row[column.name] = self.id_maps[key.column.table.name][value]

    def table(self, table: Table, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self._translate(table, row)
        if "uid" in table.c:
            self._records(table, rows)
        else:
            self._links(table, rows)

    def _records(self, table: Table, rows: list[dict[str, Any]]) -> None:
        raw = raw_table(table)
        existing = {
            uid: (rid, version)
            for uid, rid, version in self.session.execute(
                select(raw.c.uid, raw.c.id, raw.c.row_version)
            )
        }
        uniques = {
            name: {r[0]: r[1] for r in self.session.execute(select(raw.c[name], raw.c.id))}
            for name in _unique_columns(table)
        }
        largest = max((rid for rid, _ in existing.values()), default=0)
        keep_ids = not existing
        id_map = self.id_maps.setdefault(table.name, {})
        local = self._local_digests(table, [r["uid"] for r in rows if r["uid"] in existing])
        bases = self.merge.bases(table) if local else {}
        inserts, updates = [], []
        added = updated = kept = 0
        for row in rows:
            old_id = row["id"]
            hit = existing.get(row["uid"])
            digest = content_digest(table, row)
            if hit is None:
                same = next((uniques[n][row[n]] for n in uniques if row[n] in uniques[n]), None)
                if same is not None:
                    id_map[old_id] = same
                    kept += 1
                    continue
                if not keep_ids:
                    largest += 1
                    row["id"] = largest
                id_map[old_id] = row["id"]
                inserts.append(row)
                self.merge.agree(table, row["uid"], digest)
                added += 1
                continue
            target_id, version = hit
            id_map[old_id] = target_id
            outcome = decide(local[row["uid"]], digest, bases.get(row["uid"]))
            if outcome is Outcome.TAKE_INCOMING:
                row.update(id=target_id, row_version=(version or 0) + 1)
                updates.append(row)
                updated += 1
            elif outcome is Outcome.CONFLICT:
                self.merge.keep_conflict(table, row, digest)
                kept += 1
                continue
            else:
                kept += 1
            if outcome is not Outcome.KEEP_LOCAL:
                self.merge.agree(table, row["uid"], digest)
        with index_after_insert(self.session, table) as reindex:
            bulk_insert(self.session, raw, inserts)
            if inserts:
                reindex(min(r["id"] for r in inserts), max(r["id"] for r in inserts))
        if updates:
            columns = [c for c in updates[0] if c != "id"]
            statement = (
                update(raw)
                .where(raw.c.id == bindparam("_id"))
                .values({c: bindparam(c) for c in columns})
            )
            self.session.connection().execute(
                statement, [{**{c: r[c] for c in columns}, "_id": r["id"]} for r in updates]
            )
        for word, count in (("added", added), ("updated", updated), ("kept", kept)):
            self.result.add(f"records {word}", count)
        if added or updated:
            parts = [f"{n} {w}" for w, n in (("added", added), ("updated", updated)) if n]
            self.result.notes.append(f"  {table.name.replace('_', ' ')}: {', '.join(parts)}")

    def _local_digests(self, table: Table, uids: list[str]) -> dict[str, str]:
        """This archive's digest of each record of ``table`` the import also holds."""
        raw = raw_table(table)
        found: dict[str, str] = {}
        for start in range(0, len(uids), 500):
            chosen = select(raw).where(raw.c.uid.in_(uids[start : start + 500]))
            for row in self.session.execute(chosen).mappings():
                found[row["uid"]] = content_digest(table, dict(row))
        return found

    def _links(self, table: Table, rows: list[dict[str, Any]]) -> None:
        names = [c.name for c in table.columns]
        raw = raw_table(table)
        existing = {tuple(r) for r in self.session.execute(select(*[raw.c[n] for n in names]))}
        fresh = []
        for row in rows:
            key = tuple(row[n] for n in names)
            if key not in existing:
                existing.add(key)
                fresh.append(row)
        bulk_insert(self.session, raw, fresh)
        self.result.add("links added", len(fresh))


def import_archive(
    session: Session,
    path: Path,
    attachments_dir: Path | None,
    *,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Merge the archive zip at ``path`` into the session's archive (see the module text)."""
    progress(0, 0, f"Checking {path.name}")
    manifest, rows, files = read_archive_zip(path)
    missing_allowed = set(manifest.get("missing_attachments") or [])
    needed = {r["sha256"] for r in rows.get("attachment", [])}
    for sha in needed - set(files) - missing_allowed:
        if attachments_dir is None or not stored_path(attachments_dir, sha).is_file():
            raise ArchiveError(
                f"The archive lacks the file of attachment {sha[:12]}…; nothing was imported"
            )
    if files and attachments_dir is None:
        raise ArchiveError(
            "This archive has no folder for attached files: a server archive needs a shared "
            "folder every desk can read ('powmia --db URL init --files FOLDER')"
        )
    result = ImportResult("archive", path.name, dry_run)
    created: list[Path] = []
    try:
        mapping = {"format_version": manifest["version"]}
        with recorded_batch(session, result, "archive", mapping):
            carried = (manifest.get("merge_bases") or {}).get(_own_uid(session), {})
            merge = PeerMerge(session, _peer_uid(manifest), path.name, carried)
            merger = _Merger(session, result, merge)
            tables = exchanged_tables()
            for position, table in enumerate(tables):
                progress(position, len(tables), f"Importing {table.name.replace('_', ' ')}")
                merger.table(table, rows.get(table.name, []))
            merge.flush()
            if merge.conflicts:
                result.add("conflicts kept for review", merge.conflicts)
                result.notes.append(
                    f"{merge.conflicts} conflicts kept for review: records both archives "
                    "changed since they last agreed keep this archive's version; see "
                    "'powmia conflicts list' or File > Review conflicts…"
                )
            if not dry_run and attachments_dir is not None:
                for position, (sha, content) in enumerate(sorted(files.items())):
                    progress(position, len(files), "Storing attachments")
                    target = stored_path(attachments_dir, sha)
                    if not target.exists():
                        store_bytes(attachments_dir, content)
                        created.append(target)
                result.add("attachment files stored", len(created))
    except IntegrityError as error:
        _remove(created)
        raise ArchiveError(
            f"The archive does not fit this one: {error.orig}; nothing was imported"
        ) from None
    except BaseException:
        _remove(created)
        raise
    return result


def _peer_uid(manifest: dict[str, Any]) -> str:
    """The sending archive's uid from the manifest ("" when it has none or a bad one)."""
    uid = manifest.get("archive_uid")
    return uid if isinstance(uid, str) and 0 < len(uid) <= 36 and uid.isprintable() else ""


def _own_uid(session: Session) -> str:
    query = "SELECT value FROM archive_setting WHERE key = 'archive_uid'"
    return str(session.connection().exec_driver_sql(query).scalar() or "")


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
