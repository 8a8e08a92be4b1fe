"""``powmia export ... --audience``: an export for the press or a congressional office obeys
the audience's rules, also for phone numbers and e-mail addresses typed into notes."""

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.cli import demo_archive, run
from tests.helpers.sql import sql

PHONE = "(937) 555-0187"
EMAIL = "bill.home@example.net"
NOTE = f"Call Bill at {PHONE} or write {EMAIL} after the update."
#: Bill Dumas's own phone and e-mail fields in the demo.
FIELDS = ("bill.dumas@example.org",)


@pytest.fixture
def db(tmp_path: Path, new_db: Callable[..., str]) -> str:
    path = demo_archive(tmp_path, new_db())
    # Bill and his own phone and e-mail made public, so only the rules can keep them out.
    sql(
        path,
        "UPDATE contact SET notes = :note, sensitivity = 0 WHERE display_name = 'Bill Dumas'",
        "UPDATE contact_phone SET sensitivity = 0",
        "UPDATE contact_email SET sensitivity = 0",
        note=NOTE,
    )
    return path


def _written(path: Path) -> str:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_bytes().decode("utf-8-sig")


@pytest.mark.parametrize("name", ["contacts.vcf", "contacts.csv", "archive.zip"])
def test_press_and_congress_exports_leave_out_numbers_typed_into_notes(
    db: str, tmp_path: Path, name: str
) -> None:
    kind = "archive" if name.endswith(".zip") else "contacts"
    mine = tmp_path / f"mine-{name}"
    assert run("--db", db, "export", kind, str(mine))[0] == 0
    everything = _written(mine)
    assert FIELDS[0] in everything  # without an audience the e-mail field goes out
    if name != "contacts.csv":  # the CSV list has no notes column
        assert PHONE in everything and EMAIL in everything
    for audience in ("Press", "Congressional office"):
        out = tmp_path / f"{audience[:5]}-{name}"
        code, said = run(
            "--db", db, "export", kind, str(out), "--audience", audience, "--list-withheld"
        )
        assert code == 0, said
        text = _written(out)
        assert "555-0187" not in text and "555-0142" not in text
        assert f"For: {audience}" in said and "the audience's rule: hide phone numbers" in said
        if name != "contacts.csv":
            assert "[phone number withheld]" in text
            assert "phone number in notes" in said
            assert "- phone number in notes: Bill Dumas – notes: 1 phone number" in said
        if audience == "Press":
            assert EMAIL not in text and FIELDS[0] not in text
        else:
            assert FIELDS[0] in text  # the congressional office may have e-mail addresses
        # The list names what and whose, never the number itself.
        assert "555" not in said and "@" not in said


def test_audience_and_ceiling_are_not_both_given(db: str, tmp_path: Path) -> None:
    code, _ = run(
        "--db", db, "export", "contacts", str(tmp_path / "c.csv"),
        "--audience", "Press", "--ceiling", "public",
    )  # fmt: skip
    assert code == 1


@pytest.mark.parametrize(("kind", "name"), [("events", "events.csv"), ("meetings", "m.ics")])
def test_descriptions_in_the_timeline_and_calendar_lose_numbers_too(
    db: str, tmp_path: Path, kind: str, name: str
) -> None:
    table = "timeline_event" if kind == "events" else "meeting"
    sql(db, f"UPDATE {table} SET description = description || :more, sensitivity = 0",
        more=f" Ask at {PHONE}.")  # fmt: skip
    mine, press = tmp_path / f"mine-{name}", tmp_path / f"press-{name}"
    assert run("--db", db, "export", kind, str(mine))[0] == 0
    assert "555-0187" in mine.read_bytes().decode("utf-8-sig").replace("\r\n ", "")
    code, said = run("--db", db, "export", kind, str(press), "--audience", "Press")
    assert code == 0, said
    text = press.read_bytes().decode("utf-8-sig").replace("\r\n ", "")
    assert "555-0187" not in text and "[phone number withheld]" in text
    assert "phone number in description" in said
