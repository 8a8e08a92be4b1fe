"""``powmia import`` and ``powmia export`` as a person types them."""

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.cli import demo_archive, run

REAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "real"


@pytest.fixture
def db(tmp_path: Path, new_db: Callable[..., str]) -> str:
    return demo_archive(tmp_path, new_db())


def test_import_a_list_with_a_mapping_dry_run_first(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "list.csv"
    listing.write_text("Family,Given,Status\nSmith,John,MIA\n,Nobody,POW\nJones,Bob,Banana\n")
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"columns": {"Family": "surname", "Given": "given_names"}}))
    code, out = run("--db", db, "import", "cases", str(listing), "--mapping", str(mapping),
                    "--dry-run")  # fmt: skip
    assert code == 0
    assert out.splitlines()[0] == "Would import list.csv: 3 rows, 1 new, 2 rejected"
    assert "Rejected: Row 3: there is no surname (or name) in this row" in out
    assert "Rejected: Row 4: 'Banana' is not a status word" in out
    assert "Smith" not in run("--db", db, "list", "cases")[1]
    code, out = run("--db", db, "import", "cases", str(listing), "--mapping", str(mapping))
    assert code == 0 and out.startswith("Imported list.csv")
    assert "Smith, John" in run("--db", db, "list", "cases")[1]


def test_export_refuses_to_overwrite_without_force(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "cases.csv"
    assert run("--db", db, "export", "cases", str(target))[0] == 0
    code, _ = run("--db", db, "export", "cases", str(target))
    assert code == 1
    assert "use --force" in capsys.readouterr().err
    assert run("--db", db, "export", "cases", str(target), "--force")[0] == 0


def test_private_needs_include_private(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run("--db", db, "export", "archive", str(tmp_path / "a.zip"), "--ceiling", "private")
    assert code == 1 and "--include-private" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("cases", "c.csv"),
        ("contacts", "c.vcf"),
        ("contacts", "c.csv"),
        ("meetings", "m.ics"),
        ("meetings", "m.csv"),
        ("events", "t.csv"),
        ("archive", "a.zip"),
    ],
)
def test_every_export_then_import_into_a_new_archive(
    db: str, tmp_path: Path, kind: str, name: str
) -> None:
    target = tmp_path / name
    code, out = run("--db", db, "export", kind, str(target), "--include-private")
    assert code == 0 and out.startswith("Exported")
    if name in ("c.csv", "m.csv") and kind != "cases":
        return  # list views of contacts and meetings are for reading, not re-importing
    fresh = str(tmp_path / "fresh.db")
    assert run("--db", fresh, "init")[0] == 0
    code, out = run("--db", fresh, "import", kind, str(target))
    assert code == 0 and out.startswith(f"Imported {name}")
    assert "Rejected" not in out


def test_the_whole_archive_moves_with_attachments(db: str, tmp_path: Path) -> None:
    target = tmp_path / "a.zip"
    run("--db", db, "export", "archive", str(target), "--include-private")
    with zipfile.ZipFile(target) as zipped:
        manifest = json.loads(zipped.read("manifest.json"))
    assert manifest["format"] == "powmia-archive" and manifest["privacy"]["include_private"]
    fresh = str(tmp_path / "fresh.db")
    run("--db", fresh, "init")
    run("--db", fresh, "import", "archive", str(target))
    assert (
        run("--db", fresh, "list", "cases", "--json")[1]
        == run("--db", db, "list", "cases", "--json")[1]
    )


def test_a_hostile_zip_is_one_line_and_exit_1(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "evil.zip"
    with zipfile.ZipFile(target, "w") as zipped:
        zipped.writestr("manifest.json", json.dumps({"format": "powmia-archive", "version": 1}))
        zipped.writestr("../../outside.txt", "x")
    code, _ = run("--db", db, "import", "archive", str(target))
    err = capsys.readouterr().err
    assert code == 1 and "unsafe path" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path.parent / "outside.txt").exists()


def test_members_of_congress_from_the_real_files(tmp_path: Path) -> None:
    folder = REAL / "contacts" / "congress"
    if not folder.is_dir():
        pytest.skip("the real data folder is not here")
    db = str(tmp_path / "c.db")
    run("--db", db, "init")
    code, out = run("--db", db, "import", "contacts", str(folder / "legislators-current.csv"),
                    "--offices", str(folder / "legislators-district-offices.csv"))  # fmt: skip
    assert code == 0 and "537 contacts" in out and "1,312 offices joined" in out


def test_meetings_must_come_from_a_calendar(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.csv"
    path.write_text("a,b\n")
    assert run("--db", db, "import", "meetings", str(path))[0] == 1
    assert ".ics" in capsys.readouterr().err


def test_an_import_is_backed_up_first_and_a_refused_one_leaves_no_backup(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    on_server = "://" in db  # a server archive keeps its backups in its shared folder
    backups = tmp_path / ("archive-shared/backups" if on_server else "archive-backups")
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    assert run("--db", db, "import", "archive", str(damaged))[0] == 1
    assert "damaged.zip" in capsys.readouterr().err
    assert not backups.exists() or not any(backups.iterdir())  # nothing written, nothing kept

    listing = tmp_path / "list.csv"
    listing.write_text("Last Name,First Name\nSmith,John\n")
    code, out = run("--db", db, "import", "cases", str(listing))
    assert code == 0
    (kept,) = [p for p in backups.iterdir() if p.name.endswith("-before-import")]
    assert f"The archive as it was before the import is kept in {kept}" in out
