"""Who else has the archive open: an advisory lock file beside it, never a stale-lock trap.

Opening the same archive in two windows (or a window and the ``powmia`` command) is safe:
SQLite's WAL lets readers work beside one writer, the busy timeout queues writers, and row
versions turn a conflicting save into a ``ConflictError`` the person resolves. What is
*not* safe is replacing the whole archive under someone's feet, so a restore takes the lock
exclusively and is refused while anyone else holds it shared.

The lock is ``flock`` on ``<name>.sqlite.lock``: the operating system drops it when the
process ends, however it ends, so a crash never leaves a lock that must be deleted by hand.
The file's text (pid, host, time) is only there to make the refusal message useful. Where
``flock`` does not exist (Windows) or the folder cannot be written, the lock does nothing.
"""

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from powmia_desktop.core.errors import ArchiveError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(archive_path: Path) -> Path:
    return archive_path.with_name(archive_path.name + ".lock")


class ArchiveLock:
    """One holder's lock on one archive file: shared while it is open, exclusive to replace it."""

    def __init__(self, archive_path: Path) -> None:
        self.archive_path = archive_path
        self.path = lock_path(archive_path)
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire_shared(self) -> None:
        """Register as one more user of the archive; refused only while it is being restored."""
        if self._lock(shared=True):
            return
        holder = self._holder()
        raise ArchiveError(
            f"{self.archive_path} is being restored or repaired{holder}; "
            "open it again when that has finished"
        )

    def acquire_exclusive(self) -> None:
        """Become the only user of the archive, or say that someone else has it open."""
        if self._lock(shared=False):
            self._write_holder()
            return
        raise ArchiveError(
            f"{self.archive_path} is open in another window or program; "
            "close it there first, then try again"
        )

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        with suppress(OSError):
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        handle.close()

    def _lock(self, *, shared: bool) -> bool:
        """True when locked (or when locking is impossible here); False when someone holds it."""
        self.release()
        if fcntl is None:
            return True
        try:
            handle = self.path.open("a+", encoding="utf-8")
        except OSError:
            return True  # a read-only folder: nothing here can be changed anyway
        mode = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
        try:
            fcntl.flock(handle.fileno(), mode)
        except BlockingIOError:
            handle.close()
            return False
        except OSError:
            handle.close()
            return True  # a file system without locks (some network shares)
        self._handle = handle
        return True

    def _write_holder(self) -> None:
        assert self._handle is not None
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with suppress(OSError):
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.write(f"pid {os.getpid()} on {socket.gethostname()} since {stamp}\n")
            self._handle.flush()

    def _holder(self) -> str:
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except OSError:
            return ""
        return f" (by {text.splitlines()[0]})" if text else ""

    def __del__(self) -> None:
        self.release()


@contextmanager
def exclusive_use(archive_path: Path) -> Iterator[ArchiveLock]:
    """Hold the archive alone for the block (a restore); ArchiveError if it is open elsewhere."""
    lock = ArchiveLock(archive_path)
    lock.acquire_exclusive()
    try:
        yield lock
    finally:
        lock.release()
