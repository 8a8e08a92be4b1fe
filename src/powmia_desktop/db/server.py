"""What an archive on a PostgreSQL server needs beyond a file: its shared folder, what a
connection failure means to a person, and one lock every desk sees (an advisory lock).

The shared folder is kept in the archive (``archive_setting`` key ``shared_folder``), so
every desk finds it; a desk that mounts it elsewhere says where with ``$POWMIA_FILES``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.location import FILES_ENV_VAR, ArchiveLocation

SHARED_FOLDER = "shared_folder"
#: The advisory lock a restore or a copy into the archive holds (any 64-bit number of ours).
ARCHIVE_LOCK_KEY = 0x504F574D4941


def with_shared_folder(
    location: ArchiveLocation, engine: Engine, environ: Mapping[str, str] | None = None
) -> ArchiveLocation:
    """``location`` with the shared folder the archive names (or this desk's override)."""
    env = os.environ if environ is None else environ
    given = env.get(FILES_ENV_VAR, "").strip()
    if not given:
        with engine.connect() as connection:
            given = read_setting(connection, SHARED_FOLDER) or ""
    if not given:
        return location
    return replace(location, shared_folder=Path(given).expanduser().absolute())


def read_setting(connection: Connection, key: str) -> str | None:
    found = connection.execute(
        text("SELECT value FROM archive_setting WHERE key = :k"), {"k": key}
    ).scalar()
    return str(found) if found else None


def write_setting(connection: Connection, key: str, value: str) -> None:
    connection.execute(text("DELETE FROM archive_setting WHERE key = :k"), {"k": key})
    connection.execute(
        text("INSERT INTO archive_setting (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
    )


def connection_trouble(reason: str, display: str) -> str | None:
    """A one-line explanation of why the server could not be reached, or None if it is not
    a connection failure (``reason`` is the driver's message)."""
    low = reason.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return f"The server refused the user name or password for {display}"
    if "does not exist" in low and "database" in low:
        return f"There is no such database on the server: {display} (ask who runs it to create it)"
    if "role" in low and "does not exist" in low:
        return f"The server knows no such user: {display}"
    if any(
        words in low
        for words in (
            "connection refused",
            "could not connect",
            "connection failed",
            "server closed the connection",
            "connection timeout",
            "timeout expired",
            "could not translate host name",
            "failed to resolve host",
            "no route to host",
            "network is unreachable",
            "terminating connection",
            "not currently accepting connections",
            "consuming input failed",
            "the connection is closed",
            "connection is lost",
            "ssl syscall error",
        )
    ):
        return f"Cannot reach the archive's server ({display}): is it running and reachable?"
    return None


class ServerLock:
    """This desk's hold on a server archive: a shared advisory lock on a connection of its
    own, held while the archive is open; a restore takes it exclusively (``exclusive``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    def acquire(self, *, exclusive: bool = False) -> bool:
        """Take the lock without waiting; False if someone else's hold keeps it from us."""
        connection = self.engine.connect()
        how = "" if exclusive else "_shared"
        taken = connection.execute(
            text(f"SELECT pg_try_advisory_lock{how}(:k)"), {"k": ARCHIVE_LOCK_KEY}
        ).scalar()
        connection.commit()  # the lock belongs to the server session, not to a transaction
        if not taken:
            connection.invalidate()
            connection.close()
            return False
        self._connection = connection
        return True

    def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            # Closing the server session ends its advisory locks; never hand it to the pool.
            connection.invalidate()
            connection.close()


@contextmanager
def exclusive_server_use(archive: Any) -> Iterator[None]:
    """The archive to this one job (a restore): refused while another desk has it open."""
    own = archive.server_lock
    if own is not None:
        own.release()
    alone = ServerLock(archive.engine)
    try:
        if not alone.acquire(exclusive=True):
            raise ArchiveError(
                f"Another desk has {archive.location.display} open; a restore needs every "
                "other desk to close it first"
            )
        yield
    finally:
        alone.release()
        if own is not None:
            own.acquire()
