"""A restore checks the backup first: its record's size and SHA-256, its file, its archive uid.

Every case is a backup damaged or swapped the way a failing disk, a sync tool or a person
could; each is refused with one line that says what is wrong and names the next good
backup, and the archive is left byte for byte as it was, with no copy made of it.
"""

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.helpers.backups import flip_byte_in_text, reseal, rewrite_manifest

from powmia_desktop.cli import main
from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import MANIFEST, BackupInfo, integrity_problems, read_backup
from powmia_desktop.db.identity import read_archive_uid
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services.backup import backup_now, list_backups, restore
from powmia_desktop.services.backup_check import BackupRefused
from powmia_desktop.services.demo import load_demo

#: Backups of a file archive; a server archive's are tested in test_server_archives.py.
pytestmark = pytest.mark.sqlite_only

MARKER = "Seen at Camp 5 by Sgt. Moreau in the spring of 1951"
Tamper = Callable[[BackupInfo, Path], None]


def _other_archive(folder: Path) -> Path:
    """Another family's archive: valid, same schema, its own uid."""
    folder.mkdir(exist_ok=True)
    with Archive.open(location_for_path(folder / "other.sqlite"), create=True) as other:
        with other.session() as session:
            load_demo(session)
        return backup_now(other).database


def _sqlite_file(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def _replace_database(content: Callable[[BackupInfo, Path], bytes], *, seal: bool) -> Tamper:
    def tamper(backup: BackupInfo, tmp: Path) -> None:
        backup.database.write_bytes(content(backup, tmp))
        if seal:
            reseal(backup)

    return tamper


def _swap(backup: BackupInfo, tmp: Path) -> None:
    shutil.copyfile(_other_archive(tmp / "elsewhere"), backup.database)


def _swap_sealed(*, with_uid: bool) -> Tamper:
    def tamper(backup: BackupInfo, tmp: Path) -> None:
        _swap(backup, tmp)
        reseal(backup)
        if with_uid:
            rewrite_manifest(backup, archive_uid=read_archive_uid(backup.database))

    return tamper


def _flip(backup: BackupInfo, tmp: Path) -> None:
    flip_byte_in_text(backup.database, MARKER)


def _sql(*statements: str) -> Tamper:
    def tamper(backup: BackupInfo, tmp: Path) -> None:
        _sqlite_file(backup.database, *statements)
        reseal(backup)

    return tamper


def _uid_forgotten(backup: BackupInfo, tmp: Path) -> None:
    _sql("DELETE FROM archive_setting")(backup, tmp)
    rewrite_manifest(backup, archive_uid="")


def _other_program(backup: BackupInfo, tmp: Path) -> None:
    backup.database.unlink()
    _sqlite_file(backup.database, "CREATE TABLE recipes (name TEXT)")
    reseal(backup)


def _no_tables(backup: BackupInfo, tmp: Path) -> None:
    backup.database.unlink()
    _sqlite_file(backup.database, "PRAGMA user_version = 1")
    reseal(backup)


def _half(backup: BackupInfo, tmp: Path) -> bytes:
    return backup.database.read_bytes()[: backup.database.stat().st_size // 2]


def _manifest(**changes: object) -> Tamper:
    return lambda backup, tmp: rewrite_manifest(backup, **changes)


def _manifest_text(text: str) -> Tamper:
    return lambda backup, tmp: (backup.path / MANIFEST).write_text(text, "utf-8")


CASES: dict[str, tuple[Tamper, str]] = {
    "missing manifest": (lambda b, t: (b.path / MANIFEST).unlink(), "has no backup.json"),
    "manifest not json": (_manifest_text("{ not json"), "backup.json is damaged"),
    "manifest of another program": (_manifest(format="photo-album"), "backup.json is damaged"),
    "manifest points outside": (_manifest(database="../../archive.sqlite"), "is damaged"),
    "manifest without size": (_manifest(database_size=None), "backup.json is damaged"),
    "manifest without hash": (_manifest(database_sha256=""), "no SHA-256"),
    "wrong hash": (_manifest(database_sha256="0" * 64), "no longer matches the SHA-256"),
    "wrong size": (_manifest(database_size=12), "where its record says 12"),
    "file missing": (lambda b, t: b.database.unlink(), "lost its archive file"),
    "empty file": (_replace_database(lambda b, t: b"", seal=False), "empty (0-byte)"),
    "empty file sealed": (_replace_database(lambda b, t: b"", seal=True), "empty (0-byte)"),
    "truncated": (_replace_database(_half, seal=False), "cut short or changed"),
    "truncated sealed": (_replace_database(_half, seal=True), "damaged"),
    "all zero sealed": (
        _replace_database(lambda b, t: bytes(b.database.stat().st_size), seal=True),
        "not an SQLite database",
    ),
    "header only sealed": (
        _replace_database(lambda b, t: b.database.read_bytes()[:100], seal=True),
        "damaged",
    ),
    "text file sealed": (
        _replace_database(lambda b, t: b"Dear family,\n" * 100, seal=True),
        "not an SQLite database",
    ),
    "flipped byte in a text cell": (_flip, "no longer matches the SHA-256"),
    "swapped for another archive": (_swap, "changed"),
    "swapped and sealed": (_swap_sealed(with_uid=False), "another archive than the one"),
    "swapped, sealed with its uid": (_swap_sealed(with_uid=True), "another archive, not of"),
    "newer schema": (_sql("UPDATE alembic_version SET version_num = '9999'"), "newer version"),
    "uid removed": (_sql("DELETE FROM archive_setting"), "another archive than the one"),
    "uid and record removed": (_uid_forgotten, "without the uid"),
    "another program's database": (_other_program, "another program"),
    "no tables": (_no_tables, "nothing in it"),
    "raw copy": (_manifest(raw=True), "raw copy"),
}


@pytest.fixture
def archive_with_good_backup(demo_archive: Archive) -> tuple[Path, BackupInfo, BackupInfo]:
    """The archive (closed), its good backup, and a later backup to tamper with."""
    with demo_archive.session() as session:
        case = session.scalars(select(Serviceman)).one()
        case.notes = MARKER
    good = backup_now(demo_archive, "on-open")
    later = backup_now(demo_archive)
    path = demo_archive.location.path
    assert path is not None
    demo_archive.close()
    return path, good, later


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_backup_is_refused_and_the_archive_untouched(
    case: str, archive_with_good_backup: tuple[Path, BackupInfo, BackupInfo], tmp_path: Path
) -> None:
    path, good, later = archive_with_good_backup
    tamper, expected = CASES[case]
    tamper(later, tmp_path)
    before = path.read_bytes()
    count = len(list_backups(location_for_path(path)))

    with pytest.raises(ArchiveError) as refused:
        restore(location_for_path(path), later.path)

    message = str(refused.value)
    assert expected in message and "\n" not in message
    assert isinstance(refused.value, BackupRefused)
    assert refused.value.alternative is not None and refused.value.alternative.path == good.path
    assert f"The next good backup is {good.name}" in message
    assert path.read_bytes() == before
    assert len(list_backups(location_for_path(path))) == count  # no copy made before refusing


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("tamper", [_swap, _flip], ids=["swapped", "flipped byte"])
def test_powmia_restore_refuses_in_one_line(
    tamper: Tamper,
    archive_with_good_backup: tuple[Path, BackupInfo, BackupInfo],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, good, later = archive_with_good_backup
    if tamper is _flip:
        assert integrity_problems(later.database) == []
        tamper(later, tmp_path)
        assert integrity_problems(later.database) == []  # SQLite's structure is still sound
    else:
        tamper(later, tmp_path)
    before = path.read_bytes()

    assert main(["--db", str(path), "restore", later.name]) == 1
    err = capsys.readouterr().err
    assert err.startswith("powmia: The backup ") and err.count("\n") == 1
    assert good.name in err
    assert path.read_bytes() == before
    assert main(["--db", str(path), "restore", good.name]) == 0


def test_a_backup_from_before_archive_uids_keeps_the_archive_uid(tmp_path: Path) -> None:
    """The copy made before the upgrade to uids restores, and the archive keeps its uid."""
    path = tmp_path / "old.sqlite"
    engine_url = location_for_path(path)
    from tests.db.test_migrations import _archive_at_revision

    _archive_at_revision(path, "0002")
    with Archive.open(engine_url) as opened:
        copy = opened.upgrade_result.backup
    uid = read_archive_uid(path)
    assert copy is not None and uid and read_archive_uid(copy) is None

    result = restore(engine_url, copy)

    assert result.restored.path == copy
    assert read_archive_uid(path) == uid
    with Archive.open(engine_url) as reopened, reopened.reader() as session:
        assert session.scalars(select(Serviceman.surname)).all() == ["Dumas"]
    assert read_archive_uid(path) == uid
    assert read_backup(result.safety_backup.path).archive_uid == uid  # type: ignore[union-attr]


def test_a_loose_copy_of_another_archive_is_refused(
    archive_with_good_backup: tuple[Path, BackupInfo, BackupInfo], tmp_path: Path
) -> None:
    path, _, _ = archive_with_good_backup
    loose = (
        path.parent / "archive-backups" / "archive-before-upgrade-from-0002-20260101T000000Z.sqlite"
    )
    shutil.copyfile(_other_archive(tmp_path / "elsewhere"), loose)
    before = path.read_bytes()
    with pytest.raises(BackupRefused, match="another archive, not of this one"):
        restore(location_for_path(path), loose)
    assert path.read_bytes() == before


def test_restoring_into_a_new_file_needs_no_uid_to_compare(
    archive_with_good_backup: tuple[Path, BackupInfo, BackupInfo], tmp_path: Path
) -> None:
    _, good, _ = archive_with_good_backup
    target = location_for_path(tmp_path / "fresh.sqlite")
    restore(target, good)
    assert read_archive_uid(tmp_path / "fresh.sqlite") == good.archive_uid != ""
