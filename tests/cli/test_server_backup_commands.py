"""`powmia backup` and `powmia restore` of an archive on the server, as a person runs them:
a pg_dump set restored by its name, and the same set put into an empty database."""

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from tests.helpers.cli import demo_archive, run
from tests.helpers.pg_server import DatabasePool

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.server_dump import find_tool

pytestmark = [
    pytest.mark.server_only,
    pytest.mark.skipif(
        find_tool("pg_dump") is None or find_tool("pg_restore") is None,
        reason="pg_dump or pg_restore not installed",
    ),
]


def _surnames(db: str) -> str:
    code, out = run("--db", db, "list", "cases")
    assert code == 0
    return out


def test_a_server_archive_is_dumped_and_restored_by_name_or_into_an_empty_database(
    tmp_path: Path,
    new_db: Callable[..., str],
    pg_pool: DatabasePool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = demo_archive(tmp_path, new_db())
    listed = _surnames(db)
    code, out = run("--db", db, "backup")
    assert code == 0 and "Backed up postgresql+psycopg://" in out
    code, out = run("--db", db, "backup", "--list")
    made = Path(out.splitlines()[0])
    assert (made / "archive.dump").is_file()
    with Archive.open(ArchiveLocation(make_url(db), None)) as desk, desk.session() as session:
        session.execute(text("DELETE FROM serviceman"))
    assert "Dumas" not in _surnames(db)

    code, out = run("--db", db, "restore", made.name)
    assert code == 0, capsys.readouterr().err
    assert f"Restored the backup {made.name}" in out and "as it was is kept in" in out
    assert _surnames(db) == listed

    empty = pg_pool.server.create_database("cli_restored_here")
    try:
        code, out = run("--db", empty, "restore", str(made))
        assert code == 0, capsys.readouterr().err
        assert "kept in" not in out  # there was nothing to keep
        assert _surnames(empty) == listed
        code, _ = run("--db", empty, "restore", str(made))  # now it holds that archive
        assert code == 0
        other = demo_archive(tmp_path, new_db("other"))
        assert run("--db", other, "restore", str(made))[0] == 1
        said = capsys.readouterr().err
        assert "is a backup of another archive" in said and said.count("\n") == 1
    finally:
        pg_pool.server.drop_database("cli_restored_here")
