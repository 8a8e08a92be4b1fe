"""An archive file that is there but holds nothing: emptied, never silently made anew.

A failed sync or a full disk can leave the archive as a 0-byte file, a run of zero bytes
or the first bytes of an SQLite file; SQLite would happily turn any of them into a new,
empty database. Opening refuses them instead and names the backups to restore; only
``powmia init`` (Archive.open's ``over_empty``) makes a new archive in such a file, and
only where that overwrites no bytes (a 0-byte file, an SQLite file without tables).
"""

from pathlib import Path

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.backup_file import has_sqlite_header, set_folders
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.db.migrate import probe_sqlite_file

#: SQLite's smallest page: a file shorter than this cannot hold a database.
_MIN_PAGE = 512
_CHUNK = 1024 * 1024
#: The first read: an archive's first page is never all zero, so opening one reads only this.
_PEEK = 4096


def emptied_reason(path: Path) -> str | None:
    """How the file at ``path`` holds no archive although it is there; None otherwise.

    A file that is merely damaged (a wrecked page, an archive of another program) is not
    "emptied": opening it says what is wrong with it as before.
    """
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if not path.is_file():
        return None
    if size == 0:
        return "is empty (0 bytes)"
    if _all_zero(path):
        return f"holds nothing but zero bytes ({size:,} of them)"
    if size < _MIN_PAGE and has_sqlite_header(path):
        return f"holds only the first {size:,} bytes of an archive"
    try:
        if has_sqlite_header(path) and probe_sqlite_file(path) is None:
            return "holds an SQLite file with nothing in it"
    except ArchiveError:
        return None
    return None


def _all_zero(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            chunk = handle.read(_PEEK)
            while chunk:
                if chunk.count(0) != len(chunk):
                    return False
                chunk = handle.read(_CHUNK)
    except OSError:
        return False
    return True


def backups_hint(location: ArchiveLocation) -> str:
    """Where the archive's backups are and which one is newest, for a refusal message."""
    folder = location.backups_dir
    found = set_folders(folder) if folder is not None else []
    if found:
        return (
            f"restore a backup from {folder} (the newest is {found[0].name}: "
            f"'powmia restore {found[0].name}', or File > Backups…)"
        )
    return "restore a backup of it with 'powmia restore BACKUP', or create a new archive"


def refuse_emptied(location: ArchiveLocation, *, create: bool = False) -> None:
    """Raise ArchiveError when the archive file is there but emptied (see the module text).

    With ``create`` (``powmia demo``), a file with no backups beside it is let through: it
    is what a creation cut short (a full disk) leaves, and never held anything to lose.
    """
    path = location.path
    if path is None or not path.exists():
        return
    reason = emptied_reason(path)
    backed_up = location.backups_dir is not None and bool(set_folders(location.backups_dir))
    if reason is not None and (backed_up or not create):
        raise ArchiveError(
            f"{path} {reason}, so it holds no archive any more; nothing was created in its "
            f"place: {backups_hint(location)}"
        )
