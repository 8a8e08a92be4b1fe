"""``powmia crossref``: lines, JSON, and CSV (formula-guarded), JSON and PDF files read back."""

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.helpers.cli import run
from tests.helpers.sql import sql
from tests.services.lists.listfiles import HEADER, NAMESAKE, NEAR_DUPLICATES, ROSTER

from powmia_desktop.core.sensitivity import Sensitivity

FAMILY = (
    HEADER
    + "Dumas,Roger A.,CPL,Army,,4 Nov 1950,CT,POW,RA11178451\n"
    + "=HYPERLINK(1),Walter,PVT,Navy,,1952,,MIA,\n"
)


def _archive(tmp_path: Path, path: str, second: str, title: str) -> tuple[str, str]:
    """The new archive ``path`` with the roster and ``second`` imported through the CLI as
    ``title``; also what the second import printed."""
    assert run("--db", path, "init")[0] == 0
    out = ""
    for name, text, list_title in (("r.csv", ROSTER, "DPAA roster"), ("s.csv", second, title)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, out = run("--db", path, "import", "cases", str(tmp_path / name), "--list", list_title)
        assert code == 0
    return path, out


@pytest.fixture
def db(tmp_path: Path, new_db: Callable[..., str]) -> str:
    """An archive holding two lists imported through the CLI."""
    return _archive(tmp_path, new_db(), FAMILY, "Family list")[0]


def test_lines_name_each_group_and_its_men(db: str) -> None:
    code, out = run("--db", db, "crossref", "family list", "--against", "DPAA roster")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Family list against DPAA roster"
    assert "On Family list, not on DPAA roster: 1" in lines
    assert "On DPAA roster, not on Family list: 3" in lines
    assert any(
        line.startswith("  Dumas, Roger A. (case 1, row 2): Unaccounted for / POW → ")
        for line in lines
    )


def test_json_csv_and_pdf_hold_the_same_men(db: str, tmp_path: Path) -> None:
    code, out = run("--db", db, "crossref", "Family list", "--against", "DPAA roster", "--json")
    assert code == 0
    groups = {g["key"]: g for g in json.loads(out)["groups"]}
    assert [r["name"] for r in groups["only_first"]["rows"]] == ["=HYPERLINK(1), Walter"]
    assert [r["case_id"] for r in groups["changed"]["rows"]] == [1]

    target = tmp_path / "x.csv"
    assert run("--db", db, "crossref", "2", "--against", "1", "--out", str(target))[0] == 0
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Section", "Name", "Case", "Row on list", "On Family list", "On DPAA roster"]
    names = [r[1] for r in rows[1:]]
    assert "'=HYPERLINK(1), Walter" in names  # guarded: a spreadsheet shows it as text
    assert len(rows) == 1 + 1 + 3 + 1

    again = json.loads(_written(db, tmp_path / "x.json"))
    assert again["title"] == "Family list against DPAA roster"

    pdf = tmp_path / "x.pdf"
    assert run("--db", db, "crossref", "2", "--against", "1", "--out", str(pdf))[0] == 0
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Status printed differently (1)" in text and "Green, Tom" in text
    # An existing file is kept unless --force.
    code, _ = run("--db", db, "crossref", "2", "--against", "1", "--out", str(pdf))
    assert code == 1


def _written(db: str, path: Path) -> str:
    assert run("--db", db, "crossref", "2", "--against", "1", "--out", str(path))[0] == 0
    return path.read_text(encoding="utf-8")


def test_bad_requests_get_one_line(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args, message in (
        (("Korea",), "There is no list 'Korea'"),
        (("1",), "has 1 imported edition"),
        (("1", "--status", "sunburnt"), "'sunburnt' is not a status"),
        (("1", "--against", "2", "--status", "KIA"), "not both"),
        (("1", "--out", str(tmp_path / "x.txt")), "write a .csv, .json or .pdf file"),
    ):
        code, _ = run("--db", db, "crossref", *args)
        err = capsys.readouterr().err
        assert code == 1 and message in err and len(err.strip().splitlines()) == 1, err


def test_review_lists_the_held_rows_and_decides_one_at_a_time(
    tmp_path: Path, new_db: Callable[..., str]
) -> None:
    path, out = _archive(tmp_path, new_db(), NEAR_DUPLICATES, "LSA")
    assert "'powmia review'" in out  # the import says where held rows are decided
    code, out = run("--db", path, "review", "LSA", "--json")
    held = json.loads(out)
    assert [(h["name_as_printed"], h["candidate_name"]) for h in held] == [
        ("John Smyth", "Smith, John"),
        ("Albert Browne", "Brown, Albert"),
    ]
    code, out = run("--db", path, "review")
    assert out.splitlines()[1] == "    Surname: list Smyth / case Smith"
    smyth, browne = held[0]["id"], held[1]["id"]
    code, out = run("--db", path, "review", "--confirm", str(smyth))
    assert (code, out.strip()) == (0, f"#{smyth} John Smyth: confirmed as Smith, John")
    code, out = run("--db", path, "review", "--new-case", str(browne))
    assert code == 0 and "made a new case instead of Brown, Albert" in out
    assert run("--db", path, "review")[1].strip() == "No rows are waiting for review"
    assert "Browne, Albert" in run("--db", path, "list", "cases")[1]
    assert run("--db", path, "review", "--reject", str(smyth))[0] == 1  # decided already


def test_review_shows_every_case_a_row_may_be_and_confirms_the_one_named(
    tmp_path: Path, new_db: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = _archive(tmp_path, new_db(), NAMESAKE, "Army roster")
    (tmp_path / "lsa.csv").write_text(NEAR_DUPLICATES, encoding="utf-8")
    code, out = run("--db", path, "import", "cases", str(tmp_path / "lsa.csv"), "--list", "LSA")
    assert code == 0 and "may be Smythe, John (case " in out and "(or 1 other case)" in out
    held = json.loads(run("--db", path, "review", "LSA", "--json")[1])
    smyth = held[0]
    assert [c["name"] for c in smyth["candidates"]] == ["Smythe, John", "Smith, John"]
    smythe, smith = (c["case_id"] for c in smyth["candidates"])
    code, out = run("--db", path, "review", "LSA")
    lines = out.splitlines()
    assert lines[0].endswith("John Smyth may be one of:")
    assert lines[1] == f"  case {smythe}, Smythe, John (similar name (95%))"
    assert f"  case {smith}, Smith, John (similar name (90%))" in lines
    assert lines[-1] == "Decide with --confirm ID [--case CASE], --new-case ID or --reject ID"
    capsys.readouterr()
    stranger = str(max(smythe, smith) + 1000)
    code, _ = run("--db", path, "review", "--confirm", str(smyth["id"]), "--case", stranger)
    err = capsys.readouterr().err
    assert (
        code == 1
        and f"Case {stranger} is not one the row may be (it may be: {smythe}, {smith})" in err
    )
    assert run("--db", path, "review", "--reject", str(smyth["id"]), "--case", str(smith))[0] == 1
    code, out = run("--db", path, "review", "--confirm", str(smyth["id"]), "--case", str(smith))
    assert (code, out.strip()) == (0, f"#{smyth['id']} John Smyth: confirmed as Smith, John")
    assert [h["name_as_printed"] for h in json.loads(run("--db", path, "review", "--json")[1])] == [
        "Albert Browne"
    ]


def test_a_private_case_is_left_out_unless_asked_for(db: str, tmp_path: Path) -> None:
    sql(db, "UPDATE serviceman SET sensitivity = :private WHERE surname = 'Smith'",
        private=int(Sensitivity.PRIVATE))  # fmt: skip
    target = tmp_path / "x.csv"
    code, out = run("--db", db, "crossref", "1", "--against", "2", "--out", str(target))
    assert code == 0 and "1 left out" in out
    assert "Smith" not in target.read_text(encoding="utf-8-sig")
    code, out = run(
        "--db", db, "crossref", "1", "--against", "2", "--audience", "private",
        "--include-private", "--out", str(target), "--force",
    )  # fmt: skip
    assert code == 0 and "Smith, John" in target.read_text(encoding="utf-8-sig")


def test_a_phone_number_typed_into_a_name_is_not_printed_for_the_press(db: str) -> None:
    sql(db, "UPDATE serviceman SET given_names = given_names || ' (937) 555-0142'"
        " WHERE given_names = 'Walter'")  # fmt: skip
    sql(db, "UPDATE serviceman SET sensitivity = 0")
    sql(db, "UPDATE list_membership SET sensitivity = 0")
    args = ("--db", db, "crossref", "Family list", "--against", "DPAA roster")
    code, family = run(*args, "--audience", "Extended family")
    assert code == 0 and "(937) 555-0142" in family
    code, press = run(*args, "--audience", "Press")
    assert code == 0 and "555-0142" not in press
    assert "Walter [phone number withheld]" in press
