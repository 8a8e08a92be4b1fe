"""The files of a backup: SQLite copies out of a live archive and back in, backup folders.

A live WAL archive is never copied byte for byte: committed transactions may still sit in
the ``-wal`` file, and a copy taken mid-write is torn. SQLite's online backup API reads one
consistent snapshot instead. Copies are written under a temporary name, switched to the
rollback journal (a backup is one self-contained file) and renamed into place, so a crash
leaves either the whole copy or none. Restoring goes the other way through the same API,
as one transaction of the live archive, so a crash mid-restore leaves the old archive.

A backup folder holds the copy and a ``backup.json`` written last (see services/backup.py
for what goes in and when); this module reads and names them.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from powmia_desktop.core.errors import ArchiveError, NotFoundError
from powmia_desktop.db.migrate import SQLITE_HEADER

#: SQLite's result names for a file whose pages are damaged or that is no database at all.
_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_SIDE_FILES = ("-wal", "-shm", "-journal")
_CHUNK = 1024 * 1024
MANIFEST = "backup.json"
FORMAT = "powmia-backup"
REASON_LABELS = {
    "manual": "Backed up by hand",
    "on-open": "When the archive was opened",
    "on-exit": "When the program closed",
    "interval": "While working",
    "before-restore": "Before a restore",
    "before-repair": "Before a repair",
    "before-import": "Before an import",
}
_LOOSE = re.compile(r"^(?P<reason>.+)-(?P<stamp>\d{8}T\d{6,12}Z)\.sqlite$")


def is_damage(error: sqlite3.Error) -> bool:
    """True when SQLite refused because the file is damaged (not because it is busy)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith(_DAMAGED)


def has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def copy_live_sqlite(source: Path, target: Path) -> None:
    """Write a consistent copy of ``source`` (live or not) to ``target``, atomically.

    Raises sqlite3.DatabaseError when the source is damaged (callers decide whether a raw
    copy is better than none) and ArchiveError for anything else.
    """
    temp = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.unlink(missing_ok=True)
        reader = _read_only(source)
        try:
            writer = sqlite3.connect(temp)
            try:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode = DELETE")
            finally:
                writer.close()
        finally:
            reader.close()
        _fsync(temp)
        os.replace(temp, target)
    except sqlite3.DatabaseError as error:
        _remove_with_side_files(temp)
        if is_damage(error):
            raise
        raise ArchiveError(f"Could not copy {source}: {error}") from None
    except (OSError, sqlite3.Error) as error:
        _remove_with_side_files(temp)
        raise ArchiveError(f"Could not write {target}: {_why(error)}") from None


def raw_copy(source: Path, target: Path) -> None:
    """Keep the bytes of a damaged archive (and its ``-wal``) as they are, for a rescue later.

    Only for a file SQLite can no longer read: there is no snapshot to take any more.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            if Path(f"{source}{suffix}").exists():
                shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    except OSError as error:
        raise ArchiveError(f"Could not write {target}: {_why(error)}") from None


def integrity_problems(path: Path, *, limit: int = 20) -> list[str]:
    """What ``PRAGMA integrity_check`` says of a file, read-only; [] when it is sound."""
    try:
        connection = _read_only(path)
        try:
            rows = connection.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return [str(error)]
    lines = [str(row[0]) for row in rows]
    return [] if lines == ["ok"] else lines


#: The tables whose rows are what a person keeps; a copy with none of them holds nothing.
RECORD_TABLES = ("serviceman", "contact", "source", "timeline_event", "meeting")


def quick_check_passes(path: Path) -> bool:
    """True when ``PRAGMA quick_check`` finds the SQLite file at ``path`` sound."""
    try:
        connection = _read_only(path)
        try:
            return connection.execute("PRAGMA quick_check(1)").fetchall() == [("ok",)]
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def record_count(path: Path) -> int:
    """How many rows of RECORD_TABLES the SQLite file at ``path`` holds (read-only)."""
    try:
        connection = _read_only(path)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            return sum(
                connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for name in RECORD_TABLES
                if name in tables
            )
        finally:
            connection.close()
    except sqlite3.Error:
        return -1


def replace_contents(source: Path, target: Path) -> None:
    """Make the archive at ``target`` hold exactly what ``source`` holds.

    Through the backup API, as one write transaction of ``target``: other connections see
    the old or the new archive, never a mix. Only when ``target`` is too damaged for SQLite
    to open is it replaced as a file (its stale ``-wal`` removed first, so it cannot be
    replayed onto the restored pages).
    """
    try:
        reader = _read_only(source)
        try:
            writer = sqlite3.connect(target, timeout=5)
            try:
                reader.backup(writer)
                problems = writer.execute("PRAGMA quick_check").fetchall()
            finally:
                writer.close()
        finally:
            reader.close()
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise ArchiveError(f"Could not restore into {target}: {error}") from None
        _replace_file(source, target)
        return
    except (OSError, sqlite3.Error) as error:
        raise ArchiveError(f"Could not restore into {target}: {_why(error)}") from None
    if [tuple(row) for row in problems] != [("ok",)]:
        _replace_file(source, target)


def _replace_file(source: Path, target: Path) -> None:
    temp = target.with_name(f".{target.name}.restoring")
    try:
        copy_live_sqlite(source, temp)
        for suffix in _SIDE_FILES:
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(temp, target)
    except OSError as error:
        raise ArchiveError(f"Could not restore into {target}: {_why(error)}") from None
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"The backup {source} cannot be read: {error}") from None
    finally:
        temp.unlink(missing_ok=True)


def copy_verified(source: Path, target: Path, sha256: str) -> bool:
    """Copy a content-addressed file, checking its hash on the way; False if it does not match.

    The copy is written under a temporary name and renamed, so ``target`` is either whole
    and right or absent. A file whose bytes no longer match its name is not copied.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        temp = Path(temp_name)
        try:
            digest = hashlib.sha256()
            with os.fdopen(fd, "wb") as writer, source.open("rb") as reader:
                while chunk := reader.read(_CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            if digest.hexdigest() != sha256:
                return False
            os.replace(temp, target)
            return True
        finally:
            temp.unlink(missing_ok=True)
    except OSError as error:
        raise ArchiveError(
            f"Could not copy {source.name} to {target.parent}: {_why(error)}"
        ) from None


def link_or_copy(source: Path, target: Path, sha256: str) -> bool:
    """Hard-link an immutable file already checked into a backup; copy it where links fail."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)
        return True
    except FileExistsError:
        return True
    except OSError:
        return copy_verified(source, target, sha256)


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _why(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


# -- backup folders ---------------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    """One backup as listed: where it is, when and why it was made, how big it is."""

    path: Path
    database: Path
    created_at: datetime
    reason: str
    size: int
    attachment_count: int = 0
    database_sha256: str = ""
    #: True for the byte-for-byte copy of an archive SQLite could no longer read.
    raw: bool = False
    #: The archive file the backup was made of.
    archive: str = ""
    #: Sizes and modification times of that file and its WAL just before the copy: the same
    #: numbers later mean nothing was written since, so there is nothing new to back up.
    source_state: tuple[int, ...] = ()
    #: The uid of the archive the copy was made of (db/identity.py); "" before revision 0003.
    archive_uid: str = ""
    #: The size of the archive copy as written; -1 for a loose copy with no ``backup.json``.
    database_size: int = -1
    #: How many cases, contacts, sources, events and meetings the copy holds; -1 unknown.
    records: int = -1
    #: False when the copy failed SQLite's quick check (the archive was damaged already).
    sound: bool = True
    #: "sqlite" for an archive file; "postgresql" for a server's pg_dump (server_dump.py).
    engine: str = "sqlite"

    @property
    def weak(self) -> bool:
        """A copy of a damaged archive (raw, or failing the quick check) or of one holding
        no records: never a reason to remove a good backup (services/backup_rotation.py)."""
        return self.raw or not self.sound or self.records == 0

    @property
    def has_manifest(self) -> bool:
        return self.path.is_dir()

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def reason_label(self) -> str:
        if self.reason.startswith("before-upgrade"):
            return "Before an upgrade"
        return REASON_LABELS.get(self.reason, self.reason)


def is_backup_copy(path: Path) -> bool:
    """True for an archive file that is itself inside a backup (never backed up by itself)."""
    return (path.parent / MANIFEST).exists() or path.parent.name.endswith("-backups")


def new_set_folder(folder: Path, created: datetime, reason: str) -> Path:
    stem = f"{created.astimezone(UTC):%Y%m%dT%H%M%SZ}-{reason}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            target = folder / (stem if n == 1 else f"{stem}-{n}")
            try:
                target.mkdir()
            except FileExistsError:
                continue
            return target
    except OSError as error:
        raise ArchiveError(f"Cannot write backups to {folder}: {error.strerror or error}") from None
    raise ArchiveError(f"Too many backups named {stem} in {folder}")


def set_folders(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if (p / MANIFEST).is_file()), reverse=True)


def read_backup(path: Path) -> BackupInfo:
    """The backup at ``path``: a backup folder, its ``backup.json`` or a loose SQLite copy."""
    path = path.expanduser().absolute()
    if path.name == MANIFEST:
        path = path.parent
    if path.is_dir():
        try:
            data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("not a backup")
            database = str(data["database"])
            if not database or Path(database).name != database or database in (".", ".."):
                raise ValueError("the archive file must be inside the backup folder")
            return BackupInfo(
                path=path,
                database=path / database,
                created_at=_aware(datetime.fromisoformat(str(data["created_at"]))),
                reason=str(data["reason"]),
                size=int(data["database_size"]) + int(data.get("attachments_size", 0)),
                attachment_count=int(data.get("attachments", 0)),
                database_sha256=str(data.get("database_sha256", "")),
                raw=bool(data.get("raw", False)),
                archive=str(data.get("archive", "")),
                source_state=tuple(int(n) for n in data.get("source_state", ())),
                archive_uid=str(data.get("archive_uid") or ""),
                database_size=int(data["database_size"]),
                records=int(data.get("records", -1)),
                sound=bool(data.get("sound", True)),
                engine=str(data.get("engine") or "sqlite"),
            )
        except FileNotFoundError:
            raise ArchiveError(f"{path} is not a backup (it has no {MANIFEST})") from None
        except (OSError, ValueError, KeyError, TypeError):
            raise ArchiveError(f"{path} is not a readable backup ({MANIFEST} is damaged)") from None
    if path.is_file() and path.suffix == ".sqlite":
        stat = path.stat()
        match = _LOOSE.match(path.name)
        created = datetime.fromtimestamp(stat.st_mtime, UTC)
        reason = "manual"
        if match:
            stamp = match["stamp"]
            created = datetime.strptime(stamp[:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
            reason = re.sub(r"^.*?-(before-)", r"\1", match["reason"])
        return BackupInfo(path, path, created, reason, stat.st_size)
    raise NotFoundError(f"There is no backup at {path}")


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """Write ``backup.json`` last and atomically: its presence marks a complete backup."""
    temp = folder / f".{MANIFEST}.partial"
    temp.write_text(json.dumps({"format": FORMAT, "version": 1, **manifest}, indent=2), "utf-8")
    os.replace(temp, folder / MANIFEST)
