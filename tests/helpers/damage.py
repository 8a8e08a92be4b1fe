"""Damaging an archive file on purpose, as a failing disk would."""

from pathlib import Path

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.backup import backup_now


def wreck_first_page(path: Path) -> None:
    """Zero the first 4 KiB (SQLite's header and schema page): the file no longer opens."""
    path.write_bytes(b"\0" * 4096 + path.read_bytes()[4096:])


def backed_up_then_wrecked(archive: Archive) -> ArchiveLocation:
    """Back ``archive`` up, close it and wreck its file; where it was, to open or restore."""
    backup_now(archive)
    location, path = archive.location, archive.location.path
    assert path is not None
    archive.close()
    wreck_first_page(path)
    return location


def damage_schema_page(path: Path, *, filler: bytes = b"\xde\xad") -> None:
    damage_page_of(path, "sqlite_schema", filler=filler)


def damage_page_of(path: Path, name: str, *, filler: bytes = b"\xde\xad") -> None:
    """Overwrite one page of the table (or index) ``name``, never the file's first page.

    For SQLite's schema table nothing opens the file whole any more; for a records table
    the file opens and copies, but SQLite's checks fail. Which page it is depends on the
    migrations that made the file, so it is looked up (the ``dbstat`` table) rather than
    guessed as "the middle of the file".
    """
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            row[0]
            for row in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pageno > 1", (name,)
            )
        ]
    finally:
        connection.close()
    assert pages, f"{path} has no page of {name} but the first"
    page = pages[len(pages) // 2]
    data = bytearray(path.read_bytes())
    data[(page - 1) * size : page * size] = (filler * size)[:size]
    path.write_bytes(bytes(data))
