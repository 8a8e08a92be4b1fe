"""Whether a backup may be restored over an archive, decided before anything is replaced.

A backup is restored only when its archive copy is the one its ``backup.json`` describes
(same size, same SHA-256), is a sound SQLite file of a schema this program knows, and
belongs to this archive: its ``archive_uid`` (db/identity.py) is the archive's — unless the
archive holds nothing a person entered (``nothing_entered``: freshly made by ``powmia init``,
only its settings, no record and no change-log entry), which any archive's backup may fill,
on a file as on a server. A refusal says what is wrong and names the next backup that passes
the same checks.
"""

import sqlite3
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from powmia_desktop.core.errors import ArchiveError, PowmiaError
from powmia_desktop.db.backup_file import BackupInfo, has_sqlite_header, integrity_problems
from powmia_desktop.db.identity import read_archive_uid
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.db.migrate import check_revision, probe_sqlite_file
from powmia_desktop.services.attachments import file_sha256
from powmia_desktop.services.copying import table_rows

#: Schema revisions written before archives had a uid: their backups carry none.
_BEFORE_UIDS = frozenset({"0001", "0002"})
#: The one table a freshly made archive fills: its uid (and, on a server, its shared folder).
_SETTINGS = "archive_setting"


class BackupRefused(ArchiveError):
    """A backup failed its checks; ``alternative`` is the next one that passes them."""

    def __init__(self, message: str, alternative: BackupInfo | None) -> None:
        super().__init__(message)
        self.alternative = alternative


def nothing_entered(tables: Mapping[str, int]) -> bool:
    """True when ``tables`` (rows per table) are a freshly made archive's: nothing in any
    table but the settings — no record, no change-log entry, no import."""
    return not any(rows for name, rows in tables.items() if name != _SETTINGS)


def file_tables(path: Path) -> dict[str, int] | None:
    """Rows per table of the archive file at ``path`` (read-only); None when it cannot say."""
    uri = f"{path.as_uri()}?mode=ro"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        with engine.connect() as connection:
            return table_rows(connection)
    except (SQLAlchemyError, OSError, ValueError):
        return None
    finally:
        engine.dispose()


def uid_to_compare(path: Path) -> str | None:
    """The uid a backup restored over the archive file at ``path`` must have: the archive's,
    or None when it has none, or holds nothing a person entered (any backup may fill it)."""
    uid = read_archive_uid(path) if path.is_file() else None
    tables = file_tables(path) if uid is not None else None
    return None if tables is not None and nothing_entered(tables) else uid


def backup_problem(info: BackupInfo, path: Path, live_uid: str | None) -> str | None:
    """What keeps ``info`` from being restored over the archive at ``path``; None if nothing.

    ``live_uid`` is the archive's own uid, None when it has none to compare (it is missing,
    empty or too damaged to read — what a restore is for — or holds nothing a person entered).
    """
    database = info.database
    if info.raw:
        return "is a raw copy of a damaged archive, kept for a rescue"
    if info.engine != "sqlite":
        return "is a pg_dump of an archive on a server; restore it into a server archive"
    if database.resolve() == path.resolve():
        return "is the archive itself, not a backup of it"
    if not database.is_file():
        return "has lost its archive file"
    size = database.stat().st_size
    if size == 0:
        return "holds an empty (0-byte) archive file"
    if info.has_manifest:
        if info.database_size != size:
            return (
                f"has an archive file of {size:,} bytes where its record says "
                f"{info.database_size:,} (cut short or changed since it was made)"
            )
        if not info.database_sha256:
            return "has no SHA-256 in its record to check its archive file against"
        if file_sha256(database) != info.database_sha256:
            return (
                "has an archive file that no longer matches the SHA-256 recorded when it "
                "was made (changed or damaged since)"
            )
    if not has_sqlite_header(database):
        return "holds a file that is not an SQLite database"
    problems = integrity_problems(database)
    if problems:
        return f"is damaged ({problems[0]})"
    try:
        revision = probe_sqlite_file(database)
        check_revision(revision, "it")
    except ArchiveError as error:
        return f"cannot be restored: {str(error).replace(str(database), 'its archive file')}"
    if revision is None:
        return "holds an archive with nothing in it"
    return _identity_problem(info, revision, live_uid)


def _identity_problem(info: BackupInfo, revision: str, live_uid: str | None) -> str | None:
    uid = read_archive_uid(info.database)
    if info.archive_uid and uid != info.archive_uid:
        return "holds another archive than the one it was made of (its uid differs)"
    if uid is None and revision not in _BEFORE_UIDS:
        return "holds an archive without the uid every archive of its schema has"
    if uid is not None and live_uid is not None and uid != live_uid:
        return "is a backup of another archive, not of this one (its uid differs)"
    return None


def next_good_backup(
    candidates: list[BackupInfo], refused: Path, path: Path, live_uid: str | None
) -> BackupInfo | None:
    """The newest backup older than ``refused`` that passes the checks, else the newest one.

    ``candidates`` are newest first (list_backups); each is checked only until one passes.
    """
    others = [b for b in candidates if b.path != refused]
    when = next((b.created_at for b in candidates if b.path == refused), None)
    older = [b for b in others if when is None or b.created_at <= when]
    newer = [b for b in others if b not in older]
    for backup in [*older, *newer]:
        try:
            if backup_problem(backup, path, live_uid) is None:
                return backup
        except (PowmiaError, OSError):
            continue
    return None


def refusal(
    name: str, problem: str, location: ArchiveLocation, refused: Path, candidates: list[BackupInfo]
) -> BackupRefused:
    """The one-line refusal of a backup, offering the next good one."""
    path = location.path
    assert path is not None
    live_uid = uid_to_compare(path)
    alternative = next_good_backup(candidates, refused, path, live_uid)
    offer = (
        f" The next good backup is {alternative.name} "
        f"({alternative.created_at:%d %b %Y %H:%M} UTC, {alternative.reason_label.lower()})."
        if alternative
        else " No other backup of this archive passes these checks."
    )
    return BackupRefused(f"The backup {name} {problem}; nothing was replaced.{offer}", alternative)
