"""The import and export registries: one entry per kind the CLI offers, typed options."""

import io
import json
import sqlite3
from pathlib import Path

import pytest

from powmia_desktop.cli import main
from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.services.choices import EXPORT_KINDS, IMPORT_KINDS
from powmia_desktop.services.exporting.dispatch import EXPORTERS, export_file
from powmia_desktop.services.importing.dispatch import IMPORTERS, ImportOptions, import_file


def test_the_registries_hold_what_the_command_line_offers() -> None:
    assert tuple(IMPORTERS) == IMPORT_KINDS
    assert tuple(EXPORTERS) == EXPORT_KINDS


def test_an_unknown_kind_is_refused_by_name(archive: Archive, tmp_path: Path) -> None:
    file = tmp_path / "x.csv"
    file.write_text("Surname\nKowalski\n", encoding="utf-8")
    with archive.session() as session, pytest.raises(ValidationError, match="'nonsense' is not"):
        import_file(session, "nonsense", file, attachments_dir=None)
    with archive.reader() as session, pytest.raises(ValidationError, match="'nonsense' is not"):
        export_file(session, "nonsense", tmp_path / "out.csv", attachments_dir=None)
    assert not (tmp_path / "out.csv").exists()


def test_options_of_a_mapping_file_are_read_into_their_fields() -> None:
    options = ImportOptions.from_document(
        {"list": "DPAA list", "as_of": 1954, "offices": "o.csv", "source": " ", "other": 1}
    )
    assert options == ImportOptions(list_title="DPAA list", as_of="1954", offices=Path("o.csv"))
    given = options.given(list_title="From the flag", source=None, as_of="")
    assert given.list_title == "From the flag" and given.as_of == "1954"
    with pytest.raises(ValidationError, match="'offices_mapping' in the mapping file"):
        ImportOptions.from_document({"offices_mapping": [1]})


def _list_titles(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [r[0] for r in connection.execute("SELECT title FROM source ORDER BY id")]


def test_the_list_title_comes_from_the_mapping_file_unless_the_flag_names_one(
    tmp_path: Path,
) -> None:
    db = tmp_path / "a.sqlite"
    rows = tmp_path / "list.csv"
    rows.write_text("Surname,Given names\nKowalski,Jan\n", encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"columns": {}, "options": {"list": "From the file"}}))
    out = io.StringIO()
    assert main(["--db", str(db), "init"], out) == 0
    assert (
        main(["--db", str(db), "import", "cases", str(rows), "--mapping", str(mapping)], out) == 0
    )
    assert _list_titles(db) == ["From the file"]
    command = ["--db", str(db), "import", "cases", str(rows), "--mapping", str(mapping)]
    assert main([*command, "--list", "From the flag"], out) == 0
    assert _list_titles(db) == ["From the file", "From the flag"]
