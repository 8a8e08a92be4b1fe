"""``powmia campaign list|show|count``: the campaign and its progress from the terminal."""

import json
from collections.abc import Callable

import pytest
from tests.helpers.cli import run

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import resolve_location
from powmia_desktop.services.campaign_editing import save_campaign
from powmia_desktop.services.editing import RecordForm


@pytest.fixture
def db(new_db: Callable[..., str]) -> str:
    path = new_db()
    with Archive.open(resolve_location(path), create=True) as archive, archive.session() as s:
        save_campaign(
            s,
            None,
            RecordForm({"title": "Peace Treaty Initiative", "kind": "petition", "goal": 1500}),
        )
    return path


def test_a_count_added_from_the_terminal_shows_the_progress(db: str) -> None:
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
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--db", db, "campaign", "count", "treaty", "many")[0] == 1
    assert "is not a count" in capsys.readouterr().err
    assert run("--db", db, "campaign", "count", "treaty", "5", "--date", "June 1")[0] == 1
    assert "is not a date" in capsys.readouterr().err
    assert run("--db", db, "campaign", "show")[0] == 1
    assert "needs a campaign" in capsys.readouterr().err
    assert run("--db", db, "campaign", "show", "nothing like it")[0] == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no campaign called" in err
