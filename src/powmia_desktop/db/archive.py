"""An open archive: the engine, short sessions and the folders beside the file.

``Archive.open`` is the one way in. It refuses what is not an archive before writing
anything, creates a new file only when asked to, backs up and upgrades an older schema,
and turns every database failure into an ``ArchiveError`` a person can read. While a file
archive is open it holds a shared ``ArchiveLock`` (db/lock.py): any number of windows may
open it, but a restore, which replaces the file, waits until every one has closed it.
"""

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from powmia_desktop.core.errors import ArchiveError, ConflictError, PowmiaError
from powmia_desktop.db import changelog
from powmia_desktop.db.emptied import refuse_emptied
from powmia_desktop.db.engine import make_engine, make_sessionmaker
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.db.lock import ArchiveLock
from powmia_desktop.db.migrate import UpgradeResult, check_revision, probe_sqlite_file, upgrade
from powmia_desktop.db.server import (
    SHARED_FOLDER,
    ServerLock,
    connection_trouble,
    with_shared_folder,
    write_setting,
)


class Archive:
    def __init__(
        self,
        location: ArchiveLocation,
        engine: Engine,
        upgrade: UpgradeResult,
        lock: ArchiveLock | None = None,
    ) -> None:
        self.location = location
        self.engine = engine
        self.upgrade_result = upgrade
        #: This holder's shared lock on the file; None for a server or in-memory database.
        self.lock = lock
        #: This desk's shared advisory lock on a server archive (db/server.py).
        self.server_lock: ServerLock | None = None
        self.closed = False
        self._sessions: sessionmaker[Session] = make_sessionmaker(engine, write=True)
        self._readers: sessionmaker[Session] = make_sessionmaker(engine)
        changelog.install(self._sessions, desk_user(location))

    @classmethod
    def open(
        cls, location: ArchiveLocation, *, create: bool = False, over_empty: bool = False
    ) -> "Archive":
        """Open (and upgrade) the archive at ``location``; with ``create``, make it if missing.

        A file that is there but holds no archive — emptied by a failed sync or a full disk
        — is refused with a pointer to its backups; only ``over_empty`` (``powmia init``)
        makes a new archive in it.
        """
        path = location.path
        lock = None
        if path is not None:
            _check_file(location, create=create)
            if not over_empty:
                refuse_emptied(location, create=create)
            check_revision(probe_sqlite_file(path) if path.exists() else None, str(path))
            lock = ArchiveLock(path)
            lock.acquire_shared()  # refused only while a restore is replacing the file
        try:
            location, engine, result = _engine_and_upgrade(location)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        opened = cls(location, engine, result, lock)
        if location.is_server:
            opened.server_lock = _server_hold(location, engine)
        return opened

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        try:
            with self._sessions.begin() as session:
                yield session
        except StaleDataError:
            raise ConflictError("A record", desk=self.location.is_server) from None
        except SQLAlchemyError as error:
            reason = _reason(error)
            trouble = connection_trouble(reason, self.location.display)
            if trouble:
                raise ArchiveError(f"{trouble} Nothing was saved.") from error
            raise ArchiveError(f"The archive could not be changed: {reason}") from error

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        session = self._readers()
        try:
            yield session
        finally:
            session.close()

    def close(self) -> None:
        """Let go of the file: its connections, then the lock (a restore may go ahead)."""
        if self.server_lock is not None:
            self.server_lock.release()
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
        self.closed = True

    def __enter__(self) -> "Archive":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _engine_and_upgrade(
    location: ArchiveLocation,
) -> tuple[ArchiveLocation, Engine, UpgradeResult]:
    """The engine on an upgraded schema; every failure an ArchiveError, nothing left open."""
    try:
        engine = make_engine(location.url)
    except (SQLAlchemyError, ImportError) as error:
        raise ArchiveError(f"Cannot use the database {location.display}: {error}") from None
    try:
        result = upgrade(engine, path=location.path, backup_dir=location.backups_dir)
        if location.is_server:
            location = with_shared_folder(location, engine)
    except PowmiaError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        reason = _reason(error)
        trouble = connection_trouble(reason, location.display)
        raise ArchiveError(trouble or f"Cannot open {location.display}: {reason}") from None
    return location, engine, result


def _server_hold(location: ArchiveLocation, engine: Engine) -> ServerLock:
    hold = ServerLock(engine)
    try:
        taken = hold.acquire()
    except SQLAlchemyError as error:
        engine.dispose()
        reason = _reason(error)
        trouble = connection_trouble(reason, location.display)
        raise ArchiveError(trouble or f"Cannot open {location.display}: {reason}") from None
    if not taken:
        engine.dispose()
        raise ArchiveError(
            f"A backup is being restored into {location.display}; open it again in a minute"
        )
    return hold


def _check_file(location: ArchiveLocation, *, create: bool) -> None:
    path = location.path
    assert path is not None
    if path.exists():
        if path.is_dir():
            raise ArchiveError(f"{path} is a folder, not an archive file")
        if not os.access(path, os.R_OK):
            raise ArchiveError(f"No permission to read {path}")
        return
    if not create:
        raise ArchiveError(f"There is no archive at {path} (create one with 'powmia init')")
    folder = path.parent
    if not folder.exists():
        if not location.is_default:
            raise ArchiveError(f"The folder {folder} does not exist")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ArchiveError(f"Cannot create the folder {folder}: {error.strerror}") from None
    if not folder.is_dir():
        raise ArchiveError(f"{folder} is not a folder")
    if not os.access(folder, os.W_OK):
        raise ArchiveError(f"No permission to create an archive in {folder}")


def _reason(error: SQLAlchemyError) -> str:
    original = getattr(error, "orig", None)
    lines = (str(original) if original is not None else str(error)).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def use_shared_folder(archive: Archive, folder: Path) -> None:
    """Keep a server archive's attachments and backups in ``folder`` (every desk's)."""
    if not archive.location.is_server:
        raise ArchiveError(
            "A shared folder is for a server archive; a file keeps its own beside it"
        )
    folder = folder.expanduser().absolute()
    try:
        (folder / "attachments").mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ArchiveError(f"Cannot use the folder {folder}: {error.strerror}") from None
    with archive.engine.begin() as connection:
        write_setting(connection, SHARED_FOLDER, str(folder))
    archive.location = replace(archive.location, shared_folder=folder)


def desk_user(location: ArchiveLocation) -> str:
    """Who this desk's changes are logged as: the database user on a server (the server
    checked who they are), else the login name on this computer."""
    if location.path is None and location.url.username:
        return location.url.username
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a service without a user entry)
        return ""


def default_location_exists(path: Path | None) -> bool:
    return path is not None and path.exists() and path.stat().st_size > 0
