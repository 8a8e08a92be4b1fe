"""An archive file emptied by a failed sync or a full disk is never silently made anew.

Every command but ``init`` refuses it in one line that names the newest backup, and leaves
the file as it is; the window offers the backups; automatic backups skip it, and copies of
an archive that holds nothing never push good backups out of the rotation.
"""

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.helpers.damage import damage_page_of
from tests.helpers.dialogs import answer_questions, restore_the_newest, when_dialog_opens

from powmia_desktop.app import open_or_rescue
from powmia_desktop.cli import main
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import BackupInfo
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services.backup import BackupPolicy, backup_now, list_backups
from powmia_desktop.services.backup_rotation import Rotation

#: An emptied, zeroed or cut-off archive *file* and the backups beside it: nothing a
#: server database can become (a server archive's backups: tests/services/test_server_*).
pytestmark = pytest.mark.sqlite_only


def _zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def _all_zero(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


def _header_only(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _no_tables(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 7")
    connection.close()


EMPTIED = {"0 bytes": _zero_bytes, "all zero": _all_zero, "header only": _header_only}
EMPTIED["sqlite without tables"] = _no_tables


@pytest.fixture(params=sorted(EMPTIED))
def emptied(request: pytest.FixtureRequest, demo_archive: Archive) -> tuple[Path, BackupInfo]:
    """The archive file emptied one way or another, with one good backup beside it."""
    good = backup_now(demo_archive, "on-open")
    path = demo_archive.location.path
    assert path is not None
    demo_archive.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    EMPTIED[request.param](path)
    return path, good


COMMANDS = [
    ["list", "cases"],
    ["check"],
    ["check", "--repair"],
    ["backup"],
    ["show", "case", "1"],
    ["search", "Dumas"],
    ["export", "cases", "OUT/cases.csv"],
    ["summary", "1", "--out", "OUT/s.pdf"],
    ["demo"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_but_init_refuses_an_emptied_archive(
    emptied: tuple[Path, BackupInfo],
    command: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, good = emptied
    before = path.read_bytes()
    args = [a.replace("OUT", str(tmp_path)) for a in command]

    assert main(["--db", str(path), *args]) == 1

    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds no archive any more" in err
    assert f"powmia restore {good.name}" in err
    assert path.read_bytes() == before
    assert [b.path for b in list_backups(location_for_path(path))] == [good.path]


def test_restoring_the_backup_brings_the_archive_back(
    emptied: tuple[Path, BackupInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    path, good = emptied
    assert main(["--db", str(path), "restore", good.name]) == 0
    assert main(["--db", str(path), "list", "cases"]) == 0
    assert "Dumas" in capsys.readouterr().out


def test_init_makes_a_new_archive_where_no_byte_is_overwritten(
    emptied: tuple[Path, BackupInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    """In a 0-byte file or an SQLite file without tables; zeros or a torn header stay."""
    path, good = emptied
    before = path.read_bytes()
    code = main(["--db", str(path), "init"])
    sqlite_without_tables = before[:16] == b"SQLite format 3\x00" and len(before) >= 512
    if not before or sqlite_without_tables:
        assert code == 0
        out = capsys.readouterr().out
        assert "now holds a new, empty archive" in out and good.name in out
        with Archive.open(location_for_path(path)) as archive, archive.reader() as session:
            assert session.scalars(select(Serviceman)).all() == []
    else:
        assert code == 1 and path.read_bytes() == before


def test_a_creation_cut_short_with_no_backups_can_be_done_again(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    path.write_bytes(b"")
    assert main(["--db", str(path), "list", "cases"]) == 1
    assert main(["--db", str(path), "demo"]) == 0


def test_automatic_backups_leave_an_emptied_archive_alone(
    emptied: tuple[Path, BackupInfo],
) -> None:
    path, good = emptied
    assert BackupPolicy().on_open(location_for_path(path)) is None
    assert [b.path for b in list_backups(location_for_path(path))] == [good.path]


def test_the_window_offers_the_backups_of_an_emptied_archive(
    qtbot: QtBot, emptied: tuple[Path, BackupInfo], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = emptied
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)

    when_dialog_opens(restore_the_newest)
    archive = open_or_rescue(location_for_path(path), demo=False)

    assert archive is not None
    try:
        assert "holds no archive any more" in asked[0] and "one backup" in asked[0]
        with archive.reader() as session:
            assert session.scalars(select(Serviceman.surname)).all() == ["Dumas"]
    finally:
        archive.close()


def _info(moment: datetime, records: int, *, sound: bool = True) -> BackupInfo:
    name = f"{moment:%Y%m%dT%H%M%S}-{records}"
    return BackupInfo(Path(name), Path(name), moment, "on-open", 1, records=records, sound=sound)


@pytest.mark.parametrize("damaged", [False, True], ids=["empty", "damaged"])
def test_weak_copies_never_push_out_good_ones(damaged: bool) -> None:
    start = datetime(2026, 3, 1, 12, tzinfo=UTC)
    good = [_info(start - timedelta(days=d), 40) for d in range(3)]
    empty = [
        _info(start + timedelta(minutes=30 * n), 40 if damaged else 0, sound=not damaged)
        for n in range(1, 60)
    ]
    kept = Rotation(recent=5, daily=7, weekly=4, monthly=12).keep([*good, *empty])
    assert {g.path for g in good} <= kept
    assert len(kept & {e.path for e in empty}) <= 5 + 7 + 4 + 12


def test_a_backup_records_how_much_the_archive_holds(demo_archive: Archive, tmp_path: Path) -> None:
    assert backup_now(demo_archive).records > 0
    empty = tmp_path / "new" / "empty.sqlite"
    empty.parent.mkdir()
    with Archive.open(location_for_path(empty), create=True) as archive:
        made = backup_now(archive)
    assert made.records == 0 and made.weak
    shutil.rmtree(made.path)


def test_a_backup_of_a_damaged_archive_is_marked_weak(demo_archive: Archive) -> None:
    """The copy API copies damaged pages as they are; the quick check on the copy tells."""
    path = demo_archive.location.path
    assert path is not None
    good = backup_now(demo_archive)
    assert good.sound and not good.weak
    demo_archive.close()
    damage_page_of(path, "serviceman")
    made = backup_now(location_for_path(path))
    assert not made.sound and made.weak
