"""`powmia backup`, `powmia restore` and `powmia check [--repair]` as a person runs them."""

import sqlite3
from pathlib import Path

import pytest
from tests.cli.test_cli import run
from tests.helpers.damage import damage_schema_page


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "family.sqlite"
    assert run("--db", str(db), "demo")[0] == 0
    return db


def _cases(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT count(*) FROM serviceman").fetchone()[0])


def test_backup_list_and_restore_by_name(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("--db", str(demo_db), "backup")
    assert code == 0 and "Backed up" in out and "family-backups" in out
    code, out = run("--db", str(demo_db), "backup", "--list")
    assert code == 0 and "Backed up by hand" in out
    name = Path(out.splitlines()[0]).name

    with sqlite3.connect(demo_db) as connection:
        connection.execute("DELETE FROM serviceman")
    assert _cases(demo_db) == 0

    code, out = run("--db", str(demo_db), "restore", name)
    assert code == 0, capsys.readouterr().err
    assert "The archive as it was is kept in" in out
    assert _cases(demo_db) == 1


def test_backup_to_another_folder_and_restore_from_its_path(demo_db: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb stick"
    code, out = run("--db", str(demo_db), "backup", "--to", str(usb))
    assert code == 0
    (made,) = [p for p in usb.iterdir() if p.is_dir()]
    code, out = run("--db", str(demo_db), "backup", "--list", "--to", str(usb))
    assert str(made) in out
    code, out = run("--db", str(tmp_path / "new.sqlite"), "restore", str(made))
    assert code == 0 and "kept in" not in out  # there was nothing to keep
    assert _cases(tmp_path / "new.sqlite") == 1


def test_backup_list_when_there_is_none(demo_db: Path) -> None:
    assert run("--db", str(demo_db), "backup", "--list") == (
        0,
        f"There are no backups of {demo_db} yet\n",
    )


def test_check_and_repair_exit_codes(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--db", str(demo_db), "check")[0] == 0
    with sqlite3.connect(demo_db) as connection:
        connection.execute("UPDATE serviceman SET current_status = 'kia'")
        connection.execute("DELETE FROM search_index WHERE kind = 'event'")
    capsys.readouterr()

    code, out = run("--db", str(demo_db), "check")
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "run 'powmia check --repair'" in err
    assert out.count("problem ") == 2

    code, out = run("--db", str(demo_db), "check", "--repair")
    assert code == 0, capsys.readouterr().err
    assert out.count("repaired ") == 2 and "Backed up first to" in out
    assert "No problems found" in out


def test_check_that_cannot_repair_says_restore(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(demo_db) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DROP TABLE tag")
    code, out = run("--db", str(demo_db), "check", "--repair")
    err = capsys.readouterr().err
    assert code == 1
    assert "The table tag is missing" in out
    assert "need a restore from a backup" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ("backup",),
        ("check",),
        ("restore", "nothing-here"),
        ("backup", "--to", "/dev/null/x"),
    ],
)
def test_maintenance_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    not_archive = tmp_path / "notes.txt"
    not_archive.write_text("shopping list\n")
    code, _ = run("--db", str(not_archive), *args)
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("powmia: ") and err.count("\n") == 1
    assert "unexpected" not in err
    assert not_archive.read_text() == "shopping list\n"


def test_check_of_a_damaged_file_names_the_backup_to_restore(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--db", str(demo_db), "backup")[0] == 0
    damage_schema_page(demo_db)
    capsys.readouterr()
    code, out = run("--db", str(demo_db), "check")
    err = capsys.readouterr().err
    assert code == 1 and "[file] The archive file is damaged" in out
    assert "is damaged; restore the newest backup with 'powmia restore " in err
    name = err.split("powmia restore ")[1].split("'")[0]
    assert run("--db", str(demo_db), "restore", name)[0] == 0
    assert run("--db", str(demo_db), "check")[0] == 0
