"""`powmia backup`, `powmia restore` and `powmia check [--repair]` as a person runs them."""

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.cli.test_cli import run
from tests.helpers.damage import damage_schema_page
from tests.helpers.sql import count, sql

from powmia_desktop.db.location import resolve_location


@pytest.fixture
def demo_db(new_db: Callable[..., str]) -> str:
    db = new_db("family")
    assert run("--db", db, "demo")[0] == 0
    return db


def test_backup_list_and_restore_by_name(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("--db", demo_db, "backup")
    assert code == 0 and "Backed up" in out
    assert ("family-backups" if demo_db.endswith(".sqlite") else "family-shared") in out
    code, out = run("--db", demo_db, "backup", "--list")
    assert code == 0 and "Backed up by hand" in out
    name = Path(out.splitlines()[0]).name

    sql(demo_db, "DELETE FROM serviceman")
    assert count(demo_db, "serviceman") == 0

    code, out = run("--db", demo_db, "restore", name)
    assert code == 0, capsys.readouterr().err
    assert "The archive as it was is kept in" in out
    assert count(demo_db, "serviceman") == 1


def test_backup_to_another_folder_and_restore_from_its_path(
    demo_db: str, tmp_path: Path, engine: str
) -> None:
    usb = tmp_path / "usb stick"
    code, out = run("--db", demo_db, "backup", "--to", str(usb))
    assert code == 0
    (made,) = list(usb.iterdir())
    code, out = run("--db", demo_db, "backup", "--list", "--to", str(usb))
    assert str(made) in out
    if engine == "sqlite":  # into a new file: there is nothing to keep
        new = str(tmp_path / "new.sqlite")
        code, out = run("--db", new, "restore", str(made))
        assert code == 0 and "kept in" not in out
    else:  # a server archive takes back only its own backups; what it holds now is kept
        new = demo_db
        sql(new, "DELETE FROM serviceman")
        code, out = run("--db", new, "restore", str(made))
        assert code == 0 and "kept in" in out
    assert count(new, "serviceman") == 1


def test_backup_list_when_there_is_none(demo_db: str) -> None:
    assert run("--db", demo_db, "backup", "--list") == (
        0,
        f"There are no backups of {resolve_location(demo_db).display} yet\n",
    )


def test_check_and_repair_exit_codes(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--db", demo_db, "check")[0] == 0
    sql(
        demo_db,
        "UPDATE serviceman SET current_status = 'kia'",
        "DELETE FROM search_index WHERE kind = 'event'",
    )
    capsys.readouterr()

    code, out = run("--db", demo_db, "check")
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "run 'powmia check --repair'" in err
    assert out.count("problem ") == 2

    code, out = run("--db", demo_db, "check", "--repair")
    assert code == 0, capsys.readouterr().err
    assert out.count("repaired ") == 2 and "Backed up first to" in out
    assert "No problems found" in out


def test_check_notes_a_list_line_whose_case_was_deleted_and_leaves_it(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A matched list line whose case is gone (as deleting the case leaves it) is no fault:
    told once as a note, with or without --repair, and never rewritten."""
    sql(demo_db, "UPDATE list_membership SET serviceman_id = NULL, match_status = 'confirmed'")
    matched = "list_membership WHERE match_status = 'confirmed'"
    before = count(demo_db, matched)
    assert before >= 1
    for args in (["check"], ["check", "--repair"]):
        code, out = run("--db", demo_db, *args)
        assert code == 0, capsys.readouterr().err
        assert out.count("note      [list lines] ") == before, out
        assert "was matched to a case that has been deleted" in out
        assert "repaired" not in out and "Backed up" not in out and "problem  " not in out
        assert out.endswith("No problems found in " + resolve_location(demo_db).display + "\n")
    assert count(demo_db, matched) == before


def test_check_that_cannot_repair_says_restore(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sql(demo_db, "DROP TABLE tag" + ("" if demo_db.endswith(".sqlite") else " CASCADE"))
    code, out = run("--db", demo_db, "check", "--repair")
    err = capsys.readouterr().err
    assert code == 1
    assert "The table tag is missing" in out
    assert "need a restore from a backup" in err and err.count("\n") == 1


@pytest.mark.sqlite_only  # a file that is no archive; a server database has no such file
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


@pytest.mark.sqlite_only  # damaged pages of the archive file
def test_check_of_a_damaged_file_names_the_backup_to_restore(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--db", demo_db, "backup")[0] == 0
    damage_schema_page(Path(demo_db))
    capsys.readouterr()
    code, out = run("--db", demo_db, "check")
    err = capsys.readouterr().err
    assert code == 1 and "[file] The archive file is damaged" in out
    assert "is damaged; restore the newest backup with 'powmia restore " in err
    name = err.split("powmia restore ")[1].split("'")[0]
    assert run("--db", demo_db, "restore", name)[0] == 0
    assert run("--db", demo_db, "check")[0] == 0
