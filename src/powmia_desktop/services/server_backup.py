"""Backups of an archive on a PostgreSQL server, and restoring one — the same sets as a file's.

Where this desk has ``pg_dump`` (on PATH or in /usr/lib/postgresql/*/bin) a server archive
is backed up as the server's own custom-format dump, ``archive.dump``, with what it holds
recorded beside it (services/server_dump.py); otherwise — no pg_dump, or one older than the
server — as a consistent snapshot (one REPEATABLE READ transaction) copied into an SQLite
archive file, ``archive.sqlite``, that any desk can check and restore with this program
alone. Either goes into a backup set folder just like a file archive's: the same
``backup.json`` (size, SHA-256, schema, archive uid, record count), the same
``attachments/`` from the shared folder, the same rotation. The sets go to the shared
folder's ``backups/`` (or ``--to``; with no shared folder, to a folder of this desk's own).

A restore needs the archive to itself: every desk that has it open holds a shared advisory
lock on the server (db/server.py), and a restore takes the exclusive one or is refused,
saying so. It backs up the archive as it is now, then replaces every record with the
backup's in one transaction: a snapshot's verified table by table before it commits, a
dump's by ``pg_restore --single-transaction`` and its tables' rows counted after.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from powmia_desktop import APP_NAME
from powmia_desktop.core.errors import ArchiveError, NotFoundError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import (
    MANIFEST,
    BackupInfo,
    copy_live_sqlite,
    new_set_folder,
    quick_check_passes,
    read_backup,
    record_count,
    write_manifest,
)
from powmia_desktop.db.engine import make_engine
from powmia_desktop.db.identity import read_archive_uid
from powmia_desktop.db.location import ArchiveLocation, location_for_path
from powmia_desktop.db.migrate import probe_sqlite_file
from powmia_desktop.db.server import (
    SHARED_FOLDER,
    ServerLock,
    connection_trouble,
    exclusive_server_use,
    read_setting,
    write_setting,
)
from powmia_desktop.services.attachments import file_sha256
from powmia_desktop.services.backup_check import backup_problem, nothing_entered
from powmia_desktop.services.backup_sets import (
    RestoreResult,
    back_up_attachments,
    restore_attachments,
)
from powmia_desktop.services.copying import copied_tables, copy_records
from powmia_desktop.services.server_dump import (
    DUMP,
    ENGINE,
    ToolTooOld,
    contents,
    dump_database,
    dump_problem,
    find_tool,
    restore_dump,
)

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
    """A backup set of the server archive: a pg_dump (or a verified SQLite snapshot where
    this desk has no pg_dump fit for the server) and its attachments."""
    folder = server_backup_folder(archive.location, to)
    created = clock()
    target = new_set_folder(folder, created, reason)
    try:
        progress(0, 1, "Copying the archive from the server")
        tool = find_tool("pg_dump")
        made = _dump(archive, target, tool) if tool is not None else None
        if made is None:
            made = _snapshot(archive, target)
        files = back_up_attachments(archive.location.attachments_dir, target, folder, progress)
        manifest: dict[str, Any] = {
            "created_at": created.astimezone(UTC).isoformat(),
            "reason": reason,
            "archive": archive.location.display,
            "raw": False,
            **made,
            **files,
        }
        write_manifest(target, manifest)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return read_backup(target)


def _dump(archive: Archive, target: Path, tool: Path) -> dict[str, Any] | None:
    """The archive dumped by ``pg_dump`` in one snapshot; None when the tool is too old."""
    reader = archive.engine.execution_options(isolation_level="REPEATABLE READ")
    with reader.connect() as connection, connection.begin():
        state = server_state(connection)
        try:
            made = dump_database(connection, archive.location.url, target / DUMP, tool)
        except ToolTooOld:
            (target / DUMP).unlink(missing_ok=True)
            return None
    return {**made, "source_state": list(state)}


def _snapshot(archive: Archive, target: Path) -> dict[str, Any]:
    """The archive copied into an SQLite file, verified table by table."""
    with archive.engine.connect() as connection:
        state = server_state(connection)  # before the copy: a save during it shows later
    database = target / DATABASE
    with tempfile.TemporaryDirectory() as staging:
        made = Path(staging) / DATABASE
        with Archive.open(location_for_path(made), create=True) as snapshot:
            copy_records(archive, snapshot)
        copy_live_sqlite(made, database)  # one self-contained file, as a file's backup is
    return {
        "database": DATABASE,
        "database_sha256": file_sha256(database),
        "database_size": database.stat().st_size,
        "schema": probe_sqlite_file(database),
        "archive_uid": read_archive_uid(database) or "",
        "records": record_count(database),
        "sound": quick_check_passes(database),
        "source_state": list(state),
    }


def restore_server(
    location: ArchiveLocation,
    backup: BackupInfo | Path,
    *,
    clock: Clock,
    progress: Progress = no_progress,
) -> RestoreResult:
    """Replace the server archive's records with the backup's (after backing them up)."""
    info = backup if isinstance(backup, BackupInfo) else read_backup(backup.expanduser())
    if info.engine == ENGINE:
        return _restore_dump(location, info, clock=clock, progress=progress)
    with Archive.open(location) as archive:
        with archive.engine.connect() as connection:
            live = contents(connection)
        live_uid = None if nothing_entered(live["tables"]) else live["archive_uid"]
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


def _restore_dump(
    location: ArchiveLocation, info: BackupInfo, *, clock: Clock, progress: Progress
) -> RestoreResult:
    """pg_restore the set's dump into the archive (backed up first) or an empty database."""
    tool = find_tool("pg_restore")
    if tool is None:
        raise ArchiveError(
            f"The backup {info.name} is a pg_dump and this computer has no pg_restore to put "
            "it back (install the PostgreSQL client tools); nothing was restored"
        )
    manifest = json.loads((info.path / MANIFEST).read_text(encoding="utf-8"))
    live = _live_contents(location)
    problem = dump_problem(manifest, info.database, live)
    if problem is not None:
        raise ArchiveError(f"The backup {info.name} {problem}; nothing was restored")
    when = f"{info.created_at:%d %b %Y %H:%M} UTC"
    safety = None
    added = 0
    if live is None:  # an empty database: nothing to keep, nobody else can have it open
        progress(0, 1, f"Restoring the backup of {when}")
        engine = make_engine(location.url)
        alone = ServerLock(engine)
        try:
            if not alone.acquire(exclusive=True):
                raise ArchiveError(
                    f"Another desk is using {location.display}; nothing was restored"
                )
            restore_dump(info.database, location.url, tool, into_empty=True)
        finally:
            alone.release()
            engine.dispose()
    else:
        with Archive.open(location) as archive, exclusive_server_use(archive):
            progress(0, 2, "Backing up the archive as it is now")
            safety = backup_server(
                archive, "before-restore", to=None, clock=clock, progress=no_progress
            )
            progress(1, 2, f"Restoring the backup of {when}")
            with archive.engine.connect() as connection:
                shared = read_setting(connection, SHARED_FOLDER)
            archive.engine.dispose()  # no pooled connection outlives the tables it knew
            restore_dump(info.database, location.url, tool, into_empty=False)
            with archive.engine.begin() as connection:  # where this archive's files are stays
                dumped = read_setting(connection, SHARED_FOLDER)
                if shared is not None and dumped != shared:
                    write_setting(connection, SHARED_FOLDER, shared)
                    added = int(dumped is None)  # a row the dump did not hold
    with Archive.open(location) as restored:  # (an older dump's schema is upgraded here)
        with restored.engine.connect() as connection:
            now = contents(connection)["tables"]
        recorded: dict[str, int] = dict(manifest.get("tables") or {})
        if added and "archive_setting" in recorded:
            recorded["archive_setting"] += added
        wrong = ", ".join(sorted(t for t, n in recorded.items() if now.get(t) != n))
        if wrong or not recorded:
            kept = f"; the archive as it was is kept in {safety.path}" if safety else ""
            raise ArchiveError(
                f"The restored archive does not hold the rows the backup recorded ({wrong}){kept}"
            )
        files = restore_attachments(info, restored.location.attachments_dir, progress)
    return RestoreResult(info, safety, files)


def _live_contents(location: ArchiveLocation) -> dict[str, Any] | None:
    """The archive's contents(); None for an empty database (one without any table)."""
    engine = make_engine(location.url)
    try:
        with engine.connect() as connection:
            if not inspect(connection).get_table_names():
                return None
            if not inspect(connection).has_table("alembic_version"):
                raise ArchiveError(
                    f"{location.display} holds tables of another program, not an archive; "
                    "nothing was restored"
                )
            return contents(connection)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        trouble = connection_trouble(reason, location.display)
        raise ArchiveError(trouble or f"Cannot open {location.display}: {reason}") from None
    finally:
        engine.dispose()
