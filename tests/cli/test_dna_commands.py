"""``powmia donors`` and ``powmia disputed`` on the demo archive."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.cli import demo_archive, run


@pytest.fixture
def db(tmp_path: Path, new_db: Callable[..., str]) -> str:
    return demo_archive(tmp_path, new_db())


def test_donors_names_who_could_give_and_what_to_record(db: str) -> None:
    code, text = run("--db", db, "donors", "1")
    assert code == 0
    assert "Y-STR (paternal): Could still give: Bob Dumas (brother)" in text
    assert "To tell: which side of the family Bill Dumas is on is not recorded." in text
    code, text = run("--db", db, "donors", "1", "--json")
    found = json.loads(text)
    assert found["usable_reference_on_file"] is False
    bill = next(r for r in found["relatives"] if r["name"] == "Bill Dumas")
    assert (bill["mtDNA"], bill["Autosomal"]) == ("Cannot tell", "Could give")


def test_donors_of_a_case_that_is_not_there_is_one_line(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run("--db", db, "donors", "99")
    assert code == 1
    assert capsys.readouterr().err.strip().splitlines() == ["powmia: There is no case with id 99"]


def test_disputed_lists_every_disputed_fact(db: str) -> None:
    code, text = run("--db", db, "disputed", "--json")
    assert code == 0
    facts = {d["fact"]: d for d in json.loads(text)}
    assert set(facts) == {"Capture place", "Date of the court order", "Last seen", "Rank"}
    assert sorted(facts["Rank"]["versions"]) == ["Corporal (Cpl.)", "Private"]
    code, text = run("--db", db, "disputed", "--case", "1")
    assert "Dumas, Roger A. (case 1) — Rank (2 disputed):" in text
    assert "  - Private" in text
