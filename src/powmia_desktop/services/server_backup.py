"""Backups of an archive on a PostgreSQL server, and restoring one — the same sets as a file's.

A server archive is backed up as a consistent snapshot (one REPEATABLE READ transaction)
copied into an SQLite archive file, ``archive.sqlite``, in a backup set folder just like a
file archive's: the same ``backup.json`` (size, SHA-256, schema, archive uid, record count),
the same ``attachments/`` from the shared folder, the same rotation. Every desk can check
and restore it with this program alone; no ``pg_dump`` of the server's own version is
needed on the desk. The sets go to the shared folder's ``backups/`` (or ``--to``; with no
shared folder, to a folder of this desk's own).

A restore needs the archive to itself: every desk that has it open holds a shared advisory
lock on the server (db/server.py), and a restore takes the exclusive one or is refused,
saying so. It backs up the archive as it is now, then replaces every record with the
backup's in one transaction, verified table by table before it commits.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from powmia_desktop import APP_NAME
from powmia_desktop.core.errors import ArchiveError, NotFoundError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import (
    BackupInfo,
    new_set_folder,
    quick_check_passes,
    read_backup,
    record_count,
    write_manifest,
)
from powmia_desktop.db.identity import read_archive_uid
from powmia_desktop.db.location import ArchiveLocation, location_for_path
from powmia_desktop.db.migrate import probe_sqlite_file
from powmia_desktop.db.server import exclusive_server_use
from powmia_desktop.services.attachments import file_sha256
from powmia_desktop.services.backup_check import backup_problem
from powmia_desktop.services.backup_sets import (
    RestoreResult,
    back_up_attachments,
    restore_attachments,
)
from powmia_desktop.services.copying import copied_tables, copy_records

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    Clock = Callable[[], datetime]

DATABASE = "archive.sqlite"


def server_backup_folder(location: ArchiveLocation, to: Path | None = None) -> Path:
    """``to``, else the shared folder's ``backups/``, else one of this desk's own folders."""
    if to is not None:
        return to.expanduser().absolute()
    if location.backups_dir is not None:
        return location.backups_dir
    import platformdirs

    url = location.url
    name = re.sub(r"[^\w.-]+", "_", f"{url.host or 'local'}-{url.port or 5432}-{url.database}")
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "server-backups" / name


def server_state(connection: Connection) -> tuple[int, ...]:
    """The rows of every table and the newest transaction that wrote one of them.

    Every commit that inserts or updates a row gives it a newer ``xmin``, and every delete
    lowers a count, so the same numbers later mean nothing was written since: the window's
    automatic backups compare them, as a file's compare its size and time
    (services/backup.py). One query, read in one snapshot.
    """
    parts = [
        f'(SELECT count(*) FROM "{t.name}"), '
        f'(SELECT coalesce(max(xmin::text::bigint), 0) FROM "{t.name}")'
        for t in copied_tables()
    ]
    row = connection.execute(text("SELECT " + ", ".join(parts))).one()
    return tuple(int(n) for n in row)


def backup_server(
    archive: Archive, reason: str, *, to: Path | None, clock: Clock, progress: Progress
) -> BackupInfo:
    """A backup set of the server archive: a verified SQLite snapshot and its attachments."""
    folder = server_backup_folder(archive.location, to)
    with archive.engine.connect() as connection:
        state = server_state(connection)  # before the copy: a save during it shows later
    created = clock()
    target = new_set_folder(folder, created, reason)
    database = target / DATABASE
    try:
        progress(0, 1, "Copying the archive from the server")
        with Archive.open(location_for_path(database), create=True) as snapshot:
            copy_records(archive, snapshot)
        files = back_up_attachments(archive.location.attachments_dir, target, folder, progress)
        manifest: dict[str, Any] = {
            "created_at": created.astimezone(UTC).isoformat(),
            "reason": reason,
            "archive": archive.location.display,
            "database": DATABASE,
            "database_sha256": file_sha256(database),
            "database_size": database.stat().st_size,
            "raw": False,
            "schema": probe_sqlite_file(database),
            "archive_uid": read_archive_uid(database) or "",
            "records": record_count(database),
            "sound": quick_check_passes(database),
            "source_state": list(state),
            **files,
        }
        write_manifest(target, manifest)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return read_backup(target)


def restore_server(
    location: ArchiveLocation,
    backup: BackupInfo | Path,
    *,
    clock: Clock,
    progress: Progress = no_progress,
) -> RestoreResult:
    """Replace the server archive's records with the backup's (after backing them up)."""
    info = backup if isinstance(backup, BackupInfo) else read_backup(backup.expanduser())
    with Archive.open(location) as archive:
        with archive.engine.connect() as connection:
            live_uid = connection.execute(
                text("SELECT value FROM archive_setting WHERE key = 'archive_uid'")
            ).scalar()
        problem = backup_problem(info, Path("/") / "server" / DATABASE, live_uid)
        if problem is not None:
            raise ArchiveError(f"The backup {info.name} {problem}; nothing was restored")
        with exclusive_server_use(archive):
            progress(0, 2, "Backing up the archive as it is now")
            safety = backup_server(
                archive, "before-restore", to=None, clock=clock, progress=no_progress
            )
            progress(1, 2, f"Restoring the backup of {info.created_at:%d %b %Y %H:%M} UTC")
            if not info.database.is_file():
                raise NotFoundError(f"The backup {info.name} has lost its archive file")
            with tempfile.TemporaryDirectory() as folder:
                # A copy is opened (and upgraded, if older), never the backup itself.
                copied = Path(folder) / DATABASE
                shutil.copyfile(info.database, copied)
                with Archive.open(location_for_path(copied)) as saved:
                    copy_records(saved, archive, replace=True)
            restored = restore_attachments(info, archive.location.attachments_dir, progress)
    return RestoreResult(info, safety, restored)
