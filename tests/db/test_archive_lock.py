"""An open archive holds a shared lock: two windows may open it, a restore waits for both.

db/lock.py lets any number of holders share an archive file and gives a restore (which
replaces the file) exclusive use only when nobody else has it open. ``Archive.open`` takes
the shared lock, ``close`` gives it back, and a failed open leaves nothing held.
"""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path, resolve_location
from powmia_desktop.db.lock import exclusive_use
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services.backup import backup_now, restore


def _cases(archive: Archive) -> int:
    with archive.reader() as session:
        return session.scalar(select(func.count()).select_from(Serviceman)) or 0


def test_two_archives_on_one_file_are_both_open_and_see_each_others_saves(
    demo_archive: Archive,
) -> None:
    second = Archive.open(demo_archive.location)
    try:
        assert demo_archive.lock is not None and demo_archive.lock.held
        assert second.lock is not None and second.lock.held
        with second.session() as session:
            session.add(Serviceman(surname="Added in the second window"))
        assert _cases(demo_archive) == 2
    finally:
        second.close()
    assert not second.lock.held


def test_restore_is_refused_while_another_archive_has_the_file_open(
    demo_archive: Archive,
) -> None:
    made = backup_now(demo_archive)
    with demo_archive.session() as session:
        session.add(Serviceman(surname="Added after the backup"))
    location = demo_archive.location
    other_window = Archive.open(location)
    demo_archive.close()  # this window lets go; the other one still has it open
    try:
        with pytest.raises(ArchiveError, match="open in another window or program; close it"):
            restore(location, made)
        assert _cases(other_window) == 2  # untouched
    finally:
        other_window.close()
    restore(location, made)  # nobody has it open now
    with Archive.open(location) as reopened:
        assert _cases(reopened) == 1


def test_opening_is_refused_while_a_restore_has_the_file(archive: Archive) -> None:
    location = archive.location
    assert location.path is not None
    archive.close()
    with (
        exclusive_use(location.path),
        pytest.raises(ArchiveError, match=r"being restored or repaired \(by pid \d+"),
    ):
        Archive.open(location)
    with Archive.open(location) as again:  # and works once the restore is over
        assert again.lock is not None and again.lock.held


def test_closing_gives_the_lock_back(archive: Archive) -> None:
    path = archive.location.path
    assert path is not None
    with pytest.raises(ArchiveError, match="open in another window"), exclusive_use(path):
        pass
    archive.close()
    assert archive.closed
    with exclusive_use(path):
        pass


def test_a_failed_open_holds_no_lock(archive_path: Path) -> None:
    """An upgrade that fails (here: stamped one revision back) lets go of the file."""
    Archive.open(location_for_path(archive_path), create=True).close()
    with sqlite3.connect(archive_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()
    with pytest.raises(ArchiveError, match="Cannot open") as failure:
        Archive.open(location_for_path(archive_path))
    assert failure.value is not None  # the traceback (and its frames) are still alive here
    with exclusive_use(archive_path):
        pass


def test_an_in_memory_archive_has_no_lock() -> None:
    with Archive.open(resolve_location("sqlite://")) as archive:
        assert archive.lock is None
        assert _cases(archive) == 0
