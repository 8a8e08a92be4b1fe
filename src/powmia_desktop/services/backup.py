"""Backups of a whole archive — the SQLite file and its attachments — and restoring one.

A backup is a folder in ``<name>-backups/`` (or wherever the person chooses), named by its
UTC time and reason: the archive copied with SQLite's online backup API, the attachment
files under ``attachments/`` (hard-linked to the same file in an earlier backup when there
is one, else copied and checked against their hash), and ``backup.json``, written last, so
a folder without it is an interrupted backup and is never offered for restore. The loose
``*.sqlite`` files the upgrade step writes in the same folder are listed too.

A backup is restored only after it passed the checks of services/backup_check.py (its
recorded size and SHA-256, a sound file, this archive's uid). Restoring first backs up the
archive as it is now (reason ``before-restore``; a damaged archive is kept byte for byte),
then writes the backup's contents into the archive in one
transaction and puts back attachment files that are missing or damaged.
"""

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from powmia_desktop.core.errors import ArchiveError, NotFoundError, PowmiaError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import (
    MANIFEST,
    BackupInfo,
    copy_live_sqlite,
    has_sqlite_header,
    is_backup_copy,
    new_set_folder,
    quick_check_passes,
    raw_copy,
    read_backup,
    record_count,
    replace_contents,
    write_manifest,
)
from powmia_desktop.db.emptied import emptied_reason, refuse_emptied
from powmia_desktop.db.identity import read_archive_uid, write_archive_uid
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.db.lock import exclusive_use
from powmia_desktop.db.migrate import probe_sqlite_file
from powmia_desktop.services.attachments import file_sha256
from powmia_desktop.services.backup_check import (
    BackupRefused,
    backup_problem,
    refusal,
    uid_to_compare,
)
from powmia_desktop.services.backup_rotation import Rotation, prune
from powmia_desktop.services.backup_sets import (
    RestoreResult,
    back_up_attachments,
    restore_attachments,
)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def size_text(size: int) -> str:
    """A file size as a person reads it: 930 bytes, 1.2 MB."""
    if size < 1024:
        return f"{size:,} bytes"
    amount = float(size)
    for unit in ("KB", "MB", "GB"):
        amount /= 1024
        if amount < 1024 or unit == "GB":
            break
    return f"{amount:,.1f} {unit}"


def archive_file(archive: Archive | ArchiveLocation) -> tuple[ArchiveLocation, Path]:
    location = archive.location if isinstance(archive, Archive) else archive
    if location.path is None:
        raise ArchiveError("Backups are made of archive files on this computer, not of servers")
    return location, location.path


def backup_now(
    archive: Archive | ArchiveLocation,
    reason: str = "manual",
    *,
    to: Path | None = None,
    clock: Clock = utc_now,
    progress: Progress = no_progress,
) -> BackupInfo:
    """Back up the archive and its attachments now; return the new backup."""
    location = archive.location if isinstance(archive, Archive) else archive
    if location.is_server:
        from powmia_desktop.services.server_backup import backup_server

        if isinstance(archive, Archive):
            return backup_server(archive, reason, to=to, clock=clock, progress=progress)
        with Archive.open(location) as opened:
            return backup_server(opened, reason, to=to, clock=clock, progress=progress)
    return _backup(archive, reason, to=to, clock=clock, progress=progress, keep_damaged=False)


def _backup(
    archive: Archive | ArchiveLocation,
    reason: str,
    *,
    to: Path | None,
    clock: Clock,
    progress: Progress,
    keep_damaged: bool,
) -> BackupInfo:
    location, path = archive_file(archive)
    if not path.is_file():
        raise NotFoundError(f"There is no archive at {path} to back up")
    if not keep_damaged:
        refuse_emptied(location)  # a copy of nothing would only crowd out the good ones
    folder = _backup_folder(location, to)
    created = clock()
    target = new_set_folder(folder, created, reason)
    state = _fingerprint(path)  # before the copy: a save during it shows as a change later
    try:
        progress(0, 1, "Copying the archive")
        raw = False
        try:
            copy_live_sqlite(path, target / path.name)
        except sqlite3.DatabaseError as error:  # the archive is damaged
            if not keep_damaged:
                raise ArchiveError(
                    f"{path} is damaged ({error}) and cannot be backed up; "
                    "restore a backup (File > Backups… or 'powmia restore')"
                ) from None
            raw_copy(path, target / path.name)
            raw = True
        files = back_up_attachments(location.attachments_dir, target, folder, progress)
        manifest = {
            "created_at": created.astimezone(UTC).isoformat(),
            "reason": reason,
            "archive": str(path),
            "database": path.name,
            "database_sha256": "" if raw else file_sha256(target / path.name),
            "database_size": (target / path.name).stat().st_size,
            "raw": raw,
            "schema": None if raw else probe_sqlite_file(target / path.name),
            "archive_uid": "" if raw else read_archive_uid(target / path.name) or "",
            "records": -1 if raw else record_count(target / path.name),
            "sound": not raw and quick_check_passes(target / path.name),
            "source_state": list(state),
            **files,
        }
        write_manifest(target, manifest)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return read_backup(target)


def _backup_folder(location: ArchiveLocation, to: Path | None) -> Path:
    assert location.path is not None and location.backups_dir is not None
    if to is None:
        if is_backup_copy(location.path):
            raise ArchiveError(
                f"{location.path} is itself a backup; restore it with 'powmia restore' "
                "or back it up to another folder with --to"
            )
        return location.backups_dir
    folder = to.expanduser().absolute()
    attachments = location.attachments_dir
    if attachments is not None and folder.is_relative_to(attachments):
        raise ArchiveError(f"Backups cannot go inside the attachments folder {attachments}")
    if folder.exists() and not folder.is_dir():
        raise ArchiveError(f"{folder} is a file, not a folder for backups")
    return folder


def list_backups(
    archive: Archive | ArchiveLocation, folder: Path | None = None
) -> list[BackupInfo]:
    """Every complete backup in the archive's backup folder (or ``folder``), newest first."""
    location = archive.location if isinstance(archive, Archive) else archive
    if location.is_server:
        from powmia_desktop.services.server_backup import server_backup_folder

        folder = folder or server_backup_folder(location)
    else:
        folder = folder or archive_file(archive)[0].backups_dir
    if folder is None or not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for entry in folder.iterdir():
        if (entry / MANIFEST).is_file() or (entry.is_file() and entry.suffix == ".sqlite"):
            try:
                found.append(read_backup(entry))
            except ArchiveError:
                continue
    return sorted(found, key=lambda b: b.created_at, reverse=True)


def restore(
    archive: Archive | ArchiveLocation,
    backup: BackupInfo | Path,
    *,
    clock: Clock = utc_now,
    progress: Progress = no_progress,
) -> RestoreResult:
    """Replace the archive's contents with a backup's, after backing up what is there now.

    The caller closes its own ``Archive`` first: a restore needs the archive to itself and
    is refused while another window or program has it open.
    """
    if (archive.location if isinstance(archive, Archive) else archive).is_server:
        from powmia_desktop.services.server_backup import restore_server

        where = archive.location if isinstance(archive, Archive) else archive
        return restore_server(where, backup, clock=clock, progress=progress)
    location, path = archive_file(archive)
    info = _restorable(location, path, backup)
    live_uid = read_archive_uid(path) if path.is_file() else None
    with exclusive_use(path):
        safety = None
        if path.is_file() and path.stat().st_size > 0:
            progress(0, 2, "Backing up the archive as it is now")
            safety = _backup(
                location,
                "before-restore",
                to=None,
                clock=clock,
                progress=no_progress,
                keep_damaged=True,
            )
        progress(1, 2, f"Restoring the backup of {info.created_at:%d %b %Y %H:%M} UTC")
        replace_contents(info.database, path)
        if live_uid is not None and read_archive_uid(path) is None:
            write_archive_uid(path, live_uid)  # a backup from before archives had a uid
        restored = restore_attachments(info, location.attachments_dir, progress)
    return RestoreResult(info, safety, restored)


def _restorable(location: ArchiveLocation, path: Path, backup: BackupInfo | Path) -> BackupInfo:
    """The backup, once it passed every check (services/backup_check.py); else BackupRefused."""
    refused = backup.path if isinstance(backup, BackupInfo) else backup.expanduser().absolute()

    def refuse(name: str, problem: str) -> BackupRefused:
        try:
            candidates = list_backups(location)
        except PowmiaError:
            candidates = []
        return refusal(name, problem, location, refused, candidates)

    if isinstance(backup, BackupInfo):
        info = backup
    else:
        try:
            info = read_backup(backup)
        except NotFoundError:
            raise
        except ArchiveError as error:
            raise refuse(refused.name, f"cannot be used: {error}") from None
    # A damaged archive may be restored over; someone's other file may not.
    foreign = path.is_file() and path.stat().st_size and not has_sqlite_header(path)
    if foreign and info.archive != str(path):
        raise ArchiveError(f"{path} is not an archive; restore into a new file name instead")
    problem = backup_problem(info, path, uid_to_compare(path))
    if problem is not None:
        raise refuse(info.name, problem)
    return info


@dataclass
class BackupPolicy:
    """When the desktop program backs up by itself: on open, on exit, every N minutes.

    The window calls ``on_open(archive)`` once the archive is open (in the background; an
    archive that needed an upgrade was copied by Archive.open before it), ``on_timer(archive)``
    from a timer every ``interval_ms`` and ``on_exit(archive)`` when it closes. Each returns
    the new backup, or None when there was nothing new to keep (no archive yet, unchanged
    since the last backup, a backup copy);
    each raises ArchiveError when a backup could not be written — show it, keep working.
    A server archive is backed up the same way, into its backup folder
    (services/server_backup.py), when its rows have changed since its newest backup.
    """

    every_minutes: int = 30
    rotation: Rotation = field(default_factory=Rotation)
    clock: Clock = utc_now

    def __post_init__(self) -> None:
        self._seen: dict[str, tuple[int, ...]] = {}
        self._last_at: dict[str, datetime] = {}

    @property
    def interval_ms(self) -> int:
        return max(1, self.every_minutes) * 60_000

    def on_open(self, archive: Archive | ArchiveLocation) -> BackupInfo | None:
        return self._automatic(archive, "on-open")

    def on_timer(self, archive: Archive) -> BackupInfo | None:
        last = self._last_at.get(archive.location.display)
        if last is not None and (self.clock() - last).total_seconds() < self.every_minutes * 60:
            return None
        return self._automatic(archive, "interval")

    def on_exit(self, archive: Archive) -> BackupInfo | None:
        return self._automatic(archive, "on-exit")

    def _automatic(self, archive: Archive | ArchiveLocation, reason: str) -> BackupInfo | None:
        location = archive.location if isinstance(archive, Archive) else archive
        if location.is_server:
            if not isinstance(archive, Archive):
                with Archive.open(location) as opened:
                    return self._automatic_server(opened, reason)
            return self._automatic_server(archive, reason)
        path = location.path
        if path is None or location.backups_dir is None or is_backup_copy(path):
            return None
        if not path.is_file() or emptied_reason(path) is not None:
            return None  # opening it says so and offers its backups
        fingerprint = _fingerprint(path)
        if self._seen.get(str(path)) == fingerprint:
            return None
        try:
            probe_sqlite_file(path)
        except ArchiveError:
            return None  # not an archive: opening it will say so
        earlier = list_backups(location)
        if earlier and not earlier[0].raw and earlier[0].source_state == fingerprint:
            # Untouched since the newest backup (an earlier session's, say): nothing new to
            # keep, and no need to copy a large archive only to find the copy the same.
            self._seen[str(path)] = fingerprint
            return None
        info: BackupInfo | None = backup_now(location, reason, clock=self.clock)
        assert info is not None
        if any(b.database_sha256 == info.database_sha256 for b in earlier[:1]):
            shutil.rmtree(info.path, ignore_errors=True)
            info = None
        self._seen[str(path)] = fingerprint
        self._last_at[str(path)] = self.clock()
        prune(location.backups_dir, self.rotation)
        return info

    def _automatic_server(self, archive: Archive, reason: str) -> BackupInfo | None:
        from powmia_desktop.services.server_backup import (
            backup_server,
            server_backup_folder,
            server_state,
        )

        key = archive.location.display
        with archive.engine.connect() as connection:
            state = server_state(connection)
        if self._seen.get(key) == state:
            return None
        earlier = list_backups(archive)
        info = None
        if not earlier or earlier[0].source_state != state:
            info = backup_server(archive, reason, to=None, clock=self.clock, progress=no_progress)
            self._last_at[key] = self.clock()
            prune(server_backup_folder(archive.location), self.rotation)
        self._seen[key] = state
        return info


def _fingerprint(path: Path) -> tuple[int, ...]:
    """Sizes and times of the file and its WAL: every commit changes one of them.

    An empty WAL holds nothing, and SQLite makes a new one each time the archive is opened,
    so only a WAL with something in it counts: otherwise merely opening an unchanged
    archive would look like a change.
    """
    numbers: list[int] = []
    for suffix in ("", "-wal"):
        try:
            stat = Path(f"{path}{suffix}").stat()
        except OSError:
            numbers += [-1, -1]
            continue
        if suffix and stat.st_size == 0:
            numbers += [-1, -1]
        else:
            numbers += [stat.st_size, stat.st_mtime_ns]
    return tuple(numbers)
