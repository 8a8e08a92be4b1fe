"""``powmia copy --to``: a family's file up to the organization's server and back down."""

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.cli import demo_archive, run

pytestmark = pytest.mark.server_only


def test_a_file_goes_up_to_the_server_and_back_down(
    tmp_path: Path, new_db: Callable[..., str]
) -> None:
    family = demo_archive(tmp_path)
    server = new_db("organization")
    code, said = run("--db", family, "copy", "--to", server, "--tables")
    assert code == 0, said
    assert "every table holds the same records" in said and "serviceman" in said
    back = str(tmp_path / "back.sqlite")
    assert run("--db", server, "copy", "--to", back)[0] == 0
    listed = [run("--db", db, "list", "cases", "--json")[1] for db in (family, server, back)]
    assert listed[0] == listed[1] == listed[2] and "Dumas" in listed[0]
    assert "Dumas" in run("--db", server, "search", "yalu")[1]


def test_a_copy_into_an_archive_with_records_is_refused_in_one_line(
    tmp_path: Path, new_db: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    family = demo_archive(tmp_path)
    server = new_db("organization")
    assert run("--db", family, "copy", "--to", server)[0] == 0
    capsys.readouterr()
    assert run("--db", family, "copy", "--to", server)[0] == 1
    error = capsys.readouterr().err.strip()
    assert "already holds records" in error and "\n" not in error
    assert run("--db", family, "copy", "--to", family)[0] == 1
    assert "into itself" in capsys.readouterr().err
