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
