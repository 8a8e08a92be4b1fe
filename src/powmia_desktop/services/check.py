"""Check & repair: is the archive sound, and what can be put right without losing anything?

Checks, each reported finding by finding: SQLite's own ``integrity_check``; missing tables;
foreign keys; links that point nowhere though no foreign key says so (a citation that
supports nothing); attachment files that are missing, damaged or used by nothing; the search
index against the tables it mirrors; each case's current status against its status history.

Some findings are notes, not problems: a list line matched to a case deleted since reads as
unmatched until it is matched again or the deletion undone, and a repair must not rewrite it
(that would keep an undo from matching it again), so it is told once and left as it is.

Repairs run only after a backup (reason ``before-repair``), change the database in one
transaction and the attachments folder after it, and are reported one by one. A damaged
file is never "repaired" in place: the answer to that is a restore from a backup.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import BackupInfo, copy_verified, set_folders
from powmia_desktop.db.models import Base, ListMembership, Source
from powmia_desktop.db.types import utcnow
from powmia_desktop.services.attachments import file_sha256, stored_path
from powmia_desktop.services.backup import backup_now, utc_now
from powmia_desktop.services.backup_sets import ATTACHMENTS, attachment_files
from powmia_desktop.services.lists.overview import match_lost
from powmia_desktop.services.search_index import rebuild_search_index, search_index_problems
from powmia_desktop.services.search_server import rebuild_server_index, server_index_problems

#: Records that must point at something although no single foreign key can say so.
MUST_LINK: tuple[tuple[str, str], ...] = (
    (
        "citation",
        "serviceman_id status_change_id claim_id timeline_event_id captivity_id incident_id "
        "live_sighting_report_id",
    ),
    (
        "attachment",
        "serviceman_id contact_id meeting_id timeline_event_id source_id correspondence_id",
    ),
    ("external_id", "serviceman_id incident_id"),
    ("relationship", "to_contact_id to_serviceman_id"),
)


@dataclass(frozen=True)
class Finding:
    """One problem: where, what a person reads, and what repair would do ("" = none here)."""

    area: str
    message: str
    repair: str = ""
    key: tuple[Any, ...] = ()
    #: something a person should know that is no fault: nothing to repair or restore
    note: bool = False

    @property
    def repairable(self) -> bool:
        return bool(self.repair)


@dataclass(frozen=True)
class Repair:
    finding: Finding
    done: str


@dataclass
class RepairReport:
    backup: BackupInfo | None
    repairs: list[Repair] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)


Check = Callable[[Connection, Archive, Progress], list[Finding]]


def check_archive(archive: Archive, *, progress: Progress = no_progress) -> list[Finding]:
    """Run every check; each one that cannot run at all becomes a finding itself."""
    findings: list[Finding] = []
    with archive.engine.connect() as connection:
        for done, (title, check) in enumerate(CHECKS):
            progress(done, len(CHECKS), f"Checking {title}")
            try:
                findings += check(connection, archive, progress)
            except SQLAlchemyError as error:
                reason = str(getattr(error, "orig", None) or error).splitlines()[0]
                findings.append(Finding(title, f"Could not check {title}: {reason}"))
            connection.rollback()
    progress(len(CHECKS), len(CHECKS), "Checked")
    return findings


def repair_archive(
    archive: Archive,
    *,
    progress: Progress = no_progress,
    clock: Callable[[], datetime] = utc_now,
) -> RepairReport:
    """Back up, repair what can be repaired, check again; report each repair.

    A repair can reveal the next problem (or note: a link cleared leaves a list line matched
    to nothing), so up to three rounds run; nothing is attempted twice.
    """
    report = RepairReport(None, [], check_archive(archive, progress=progress))
    tried: set[tuple[str, str]] = set()
    for _round in range(3):
        if any(f.area == "file" for f in report.remaining):
            break  # a damaged file: restore a backup, don't patch it
        todo = [f for f in report.remaining if f.repairable and (f.area, f.message) not in tried]
        if not todo:
            break
        if report.backup is None:
            report.backup = backup_now(archive, "before-repair", clock=clock)
        tried |= {(f.area, f.message) for f in todo}
        report.repairs += _repair(archive, todo, progress)
        report.remaining = check_archive(archive, progress=progress)
    return report


def _repair(archive: Archive, todo: list[Finding], progress: Progress) -> list[Repair]:
    """The database repairs in one transaction, then the attachment files."""
    repairs: list[Repair] = []
    with archive.session() as session:
        connection = session.connection()
        rebuilt = False
        for done, finding in enumerate(todo, 1):
            progress(done, len(todo), "Repairing")
            if finding.area == "search index":
                if not rebuilt and connection.dialect.name == "postgresql":
                    rebuild_server_index(connection)
                elif not rebuilt:
                    rebuild_search_index(connection)
                    rebuilt = True
                repairs.append(Repair(finding, "rebuilt the search index from the records"))
            elif finding.area in _DB_REPAIRS:
                repairs.append(Repair(finding, _DB_REPAIRS[finding.area](connection, finding)))
    for finding in todo:
        if finding.area == "attachment files":
            repairs.append(Repair(finding, _repair_file(archive, finding)))
    return repairs


# -- the checks ------------------------------------------------------------------------


def _rows(connection: Connection, sql: str, **params: Any) -> list[Any]:
    return list(connection.execute(text(sql), params).all())


def _check_file(connection: Connection, archive: Archive, progress: Progress) -> list[Finding]:
    findings = []
    if connection.dialect.name == "sqlite":  # a server checks its own files
        lines = [r[0] for r in _rows(connection, "PRAGMA integrity_check(100)")]
        findings += [
            Finding("file", f"The archive file is damaged: {line}")
            for line in lines
            if line != "ok"
        ]
        present = {r[0] for r in _rows(connection, "SELECT name FROM sqlite_master")}
    else:
        present = set(inspect(connection).get_table_names())
    findings += [
        Finding("file", f"The table {name} is missing from the archive")
        for name in sorted(Base.metadata.tables)
        if name not in present
    ]
    if findings:
        findings.append(Finding("file", "Restore the newest sound backup (File > Backups…)"))
    return findings


def _check_foreign_keys(
    connection: Connection, archive: Archive, progress: Progress
) -> list[Finding]:
    if connection.dialect.name != "sqlite":
        return []  # a server enforces its foreign keys itself
    findings = []
    keys: dict[str, dict[int, Any]] = {}
    for table, rowid, parent, fkid in _rows(connection, "PRAGMA foreign_key_check"):
        if table not in keys:
            keys[table] = {
                r[0]: r for r in _rows(connection, f'PRAGMA foreign_key_list("{table}")')
            }
        column = keys[table][fkid][3]
        on_delete = str(keys[table][fkid][6]).upper()
        action = "clear the link" if on_delete == "SET NULL" else "delete the row"
        findings.append(
            Finding(
                "foreign keys",
                f"{table} {rowid}: {column} points to a {parent} that does not exist",
                action,
                (table, rowid, column, on_delete == "SET NULL"),
            )
        )
    return findings


def _check_links(connection: Connection, archive: Archive, progress: Progress) -> list[Finding]:
    findings = []
    for table, columns in MUST_LINK:
        nowhere = " AND ".join(f"{c} IS NULL" for c in columns.split())
        for (rowid,) in _rows(connection, f"SELECT id FROM {table} WHERE {nowhere}"):
            message = f"{table.replace('_', ' ')} {rowid} belongs to no record"
            findings.append(Finding("links", message, "delete it", (table, rowid)))
    return findings + _deleted_cases(connection)


def _deleted_cases(connection: Connection) -> list[Finding]:
    """A note for each list line matched to a case deleted since (services/lists/overview.py
    reads it as unmatched). A held row without its best case is not even that: it stays held
    beside its other cases, or reads as unmatched when they are gone too."""
    m = ListMembership.__table__.c
    query = (
        select(m.id, m.name_as_printed, m.row_number, Source.title)
        .join(Source, Source.id == m.source_id)
        .where(match_lost())
        .order_by(Source.title, m.import_batch_id, m.row_number, m.id)
    )
    findings = []
    for rowid, name, number, title in connection.execute(query):
        where = f"row {number} of {title}" if number else f"a row of {title}"
        findings.append(
            Finding(
                "list lines",
                f"{where} ({name or 'no name printed'}) was matched to a case that has been "
                "deleted; it reads as unmatched until it is matched again (Lists, its rows) "
                "or the deletion is undone",
                key=("list_membership", rowid),
                note=True,
            )
        )
    return findings


def _check_status(connection: Connection, archive: Archive, progress: Progress) -> list[Finding]:
    sql = """
        SELECT id, surname, given_names, current_status, latest FROM (
            SELECT s.id, s.surname, s.given_names, s.current_status,
                (SELECT sc.status FROM status_change sc WHERE sc.serviceman_id = s.id
                 ORDER BY sc.date_sort DESC NULLS LAST, sc.id DESC LIMIT 1) AS latest
            FROM serviceman s) AS cases
        WHERE coalesce(current_status, '') <> coalesce(latest, '')"""
    return [
        Finding(
            "status",
            f"case {rowid} ({surname}, {given}): current status is '{current or 'none'}' "
            f"but the status history ends with '{latest or 'nothing'}'",
            "set it from the history",
            (rowid, latest),
        )
        for rowid, surname, given, current, latest in _rows(connection, sql)
    ]


def _check_search_index(
    connection: Connection, archive: Archive, progress: Progress
) -> list[Finding]:
    if connection.dialect.name == "postgresql":
        problems = server_index_problems(connection)
    else:
        problems = search_index_problems(connection)
    return [Finding("search index", message, "rebuild the search index") for message in problems]


def _check_files(connection: Connection, archive: Archive, progress: Progress) -> list[Finding]:
    folder = archive.location.attachments_dir
    if folder is None:
        return []
    used = {
        sha: name
        for sha, name in _rows(
            connection, "SELECT sha256, min(original_name) FROM attachment GROUP BY sha256"
        )
    }
    findings = []
    for done, (sha, name) in enumerate(sorted(used.items()), 1):
        progress(done, len(used), "Checking attachment files")
        path = stored_path(folder, sha)
        if path.is_file() and file_sha256(path) == sha:
            continue
        problem = "is missing" if not path.is_file() else "is damaged (its bytes have changed)"
        spare = _copy_in_backups(archive, sha)
        findings.append(
            Finding(
                "attachment files",
                f"the file of '{name}' ({sha[:12]}…) {problem}",
                f"put back the copy from the backup {spare.parent.parent.parent.name}"
                if spare
                else "",
                ("restore", sha, str(spare) if spare else ""),
            )
        )
    for path in sorted(folder.glob("??/.incoming-*")):
        message = f"{path.name} is left over from an interrupted copy"
        findings.append(Finding("attachment files", message, "delete it", ("delete", str(path))))
    for path in attachment_files(folder):
        if path.stem not in used:
            message = f"the file {path.stem[:12]}… is used by no attachment"
            repair = "delete it (backups keep their own copy)"
            findings.append(Finding("attachment files", message, repair, ("delete", str(path))))
    return findings


CHECKS: tuple[tuple[str, Check], ...] = (
    ("file", _check_file),
    ("foreign keys", _check_foreign_keys),
    ("links", _check_links),
    ("status", _check_status),
    ("search index", _check_search_index),
    ("attachment files", _check_files),
)


def _copy_in_backups(archive: Archive, sha: str) -> Path | None:
    """A sound copy of an attachment file in one of the archive's backups, newest first."""
    folder = archive.location.backups_dir
    for backup in set_folders(folder) if folder else []:
        candidate = stored_path(backup / ATTACHMENTS, sha)
        if candidate.is_file() and file_sha256(candidate) == sha:
            return candidate
    return None


# -- the repairs -----------------------------------------------------------------------


def _logged(connection: Connection, table: str, rowid: int, what: str, old: Any = None) -> None:
    connection.execute(
        text(
            "INSERT INTO change_log (changed_at, table_name, record_id, record_uid, action, "
            "field, old_value, new_value) VALUES (:at, :table, :id, '', 'repair', :what, :old, '')"
        ),
        {
            "at": utcnow().replace(tzinfo=None),
            "table": table,
            "id": rowid,
            "what": what,
            "old": old,
        },
    )


def _row_key(connection: Connection) -> str:
    """What a finding's row number is: SQLite's rowid (link tables have no id), else id."""
    return "rowid" if connection.dialect.name == "sqlite" else "id"


def _set(connection: Connection, table: str, rowid: int, column: str, value: Any) -> None:
    """Change one value and the row version, so an editor holding the record will notice."""
    connection.execute(
        text(
            f'UPDATE "{table}" SET "{column}" = :value, row_version = row_version + 1 '
            f"WHERE {_row_key(connection)} = :id"
        ),
        {"value": value, "id": rowid},
    )
    _logged(connection, table, rowid, column)


def _delete(connection: Connection, table: str, rowid: int) -> str:
    connection.execute(
        text(f'DELETE FROM "{table}" WHERE {_row_key(connection)} = :id'), {"id": rowid}
    )
    _logged(connection, table, rowid, "deleted")
    return f"deleted {table} {rowid}"


def _repair_foreign_key(connection: Connection, finding: Finding) -> str:
    table, rowid, column, set_null = finding.key
    if not set_null:
        return _delete(connection, table, rowid)
    _set(connection, table, rowid, column, None)
    return f"cleared {column} of {table} {rowid}"


def _repair_link(connection: Connection, finding: Finding) -> str:
    table, rowid = finding.key
    return _delete(connection, table, rowid)


def _repair_status(connection: Connection, finding: Finding) -> str:
    rowid, latest = finding.key
    _set(connection, "serviceman", rowid, "current_status", latest)
    return f"set the current status of case {rowid} to '{latest or 'none'}'"


_DB_REPAIRS: dict[str, Callable[[Connection, Finding], str]] = {
    "foreign keys": _repair_foreign_key,
    "links": _repair_link,
    "status": _repair_status,
}


def _repair_file(archive: Archive, finding: Finding) -> str:
    action, *rest = finding.key
    folder = archive.location.attachments_dir
    assert folder is not None
    try:
        if action == "delete":
            Path(rest[0]).unlink(missing_ok=True)
            return f"deleted {Path(rest[0]).name}"
        sha, spare = rest
        target = stored_path(folder, sha)
        if target.is_file():
            target.replace(target.with_name(f"{sha}.damaged"))
        if copy_verified(Path(spare), target, sha):
            return f"put back {sha[:12]}… from {Path(spare).parent.parent.parent.name}"
        return f"could not put back {sha[:12]}…: the backup copy is damaged too"
    except OSError as error:
        raise ArchiveError(f"Could not repair {folder}: {error.strerror or error}") from None
