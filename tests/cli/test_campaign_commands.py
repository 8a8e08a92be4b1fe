"""``powmia campaign list|show|count``: the campaign and its progress from the terminal."""

import json
from pathlib import Path

import pytest
from tests.helpers.cli import run

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.services.campaign_editing import save_campaign
from powmia_desktop.services.editing import RecordForm


def _archive(tmp_path: Path) -> str:
    path = tmp_path / "a.db"
    with Archive.open(location_for_path(path), create=True) as archive, archive.session() as s:
        save_campaign(
            s,
            None,
            RecordForm({"title": "Peace Treaty Initiative", "kind": "petition", "goal": 1500}),
        )
    return str(path)


def test_a_count_added_from_the_terminal_shows_the_progress(tmp_path: Path) -> None:
    db = _archive(tmp_path)
    code, out = run("--db", db, "campaign", "count", "treaty", "1,160", "--date", "2021-06-01")
    assert code == 0
    assert out.strip() == "Peace Treaty Initiative: 1,160 of 1,500 signatures (77%)"
    code, out = run("--db", db, "campaign", "list", "--json")
    (row,) = json.loads(out)
    assert (row["percent"], row["counted_on"]) == (77, "2021-06-01")
    code, out = run("--db", db, "campaign", "show", "1")
    assert code == 0 and "1,160 of 1,500 signatures (77%)" in out
    assert "2021-06-01" in out and "entered by hand" in out


def test_bad_counts_and_dates_are_one_line_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _archive(tmp_path)
    assert run("--db", db, "campaign", "count", "treaty", "many")[0] == 1
    assert "is not a count" in capsys.readouterr().err
    assert run("--db", db, "campaign", "count", "treaty", "5", "--date", "June 1")[0] == 1
    assert "is not a date" in capsys.readouterr().err
    assert run("--db", db, "campaign", "show")[0] == 1
    assert "needs a campaign" in capsys.readouterr().err
    assert run("--db", db, "campaign", "show", "nothing like it")[0] == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no campaign called" in err
