"""Reading spreadsheets as people save them: encodings, delimiters, row numbers, mappings."""

import codecs
from pathlib import Path

import pytest

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.services.importing.list_rows import LIST_FIELDS
from powmia_desktop.services.importing.tabular import (
    guess_mapping,
    load_mapping_file,
    mapping_document,
    parse_table,
    resolve_mapping,
    sniff_delimiter,
)
from powmia_desktop.services.importing.text_encoding import decode_bytes

TEXT = "Last Name,First Name,Home State\nDumas,Roger,CT\nCôté,André,ME\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    ],
)
def test_every_encoding_people_save_reads_the_same(data: bytes, encoding: str) -> None:
    table = parse_table(data)
    assert table.encoding == encoding
    assert table.headers == ["Last Name", "First Name", "Home State"]
    assert table.rows[1] == ["Côté", "André", "ME"]


def test_bytes_undefined_in_windows_1252_fall_back_to_latin_1() -> None:
    decoded = decode_bytes(b"Name\n\x81\x8d\n", "odd.csv")
    assert (decoded.text, decoded.encoding) == ("Name\n\x81\x8d\n", "latin-1")
    assert "odd.csv is not UTF-8" in decoded.warning


@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
def test_the_delimiter_is_found(delimiter: str) -> None:
    text = TEXT.replace(",", delimiter)
    assert sniff_delimiter(text) == delimiter
    assert parse_table(text.encode()).rows[0] == ["Dumas", "Roger", "CT"]


def test_commas_inside_quoted_cells_do_not_fool_the_sniffer() -> None:
    text = 'Name;Unit\n"Dumas, Roger";"Co. F, 19th Infantry"\n"Smith, J";"1st, 2nd"\n'
    assert sniff_delimiter(text) == ";"


def test_row_numbers_are_those_a_spreadsheet_shows() -> None:
    data = b'Name,Notes\nA,"two\nlines"\n\nB,x\n'
    table = parse_table(data)
    assert [r[0] for r in table.rows] == ["A", "B"]
    assert table.row_numbers == [2, 4]
    assert table.record(0) == {"Name": "A", "Notes": "two\nlines"}


def test_short_rows_are_padded_and_extra_cells_kept_under_their_own_header() -> None:
    table = parse_table(b"A,B\n1\n2,3,4\n")
    assert table.headers == ["A", "B", "(extra column 3)"]
    assert table.rows == [["1", "", ""], ["2", "3", "4"]]


def test_blank_headers_get_names_and_a_repeated_one_is_refused_by_name() -> None:
    assert parse_table(b"Name,,Unit\nx,y,z\n").headers == ["Name", "Column 2", "Unit"]
    with pytest.raises(
        ValidationError, match=r"list.csv has the column 'Name' 2 times \(columns 1, 3\)"
    ):
        parse_table(b"Name,,Name\nx,y,z\n", "list.csv")
    with pytest.raises(ValidationError, match="'Last Name' 2 times"):
        parse_table(b"Last Name,Unit,last  name\nx,y,z\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "no header"),
        (b"a,b\n\x00x,y\n", "NUL"),
        (codecs.BOM_UTF16_LE + b"A\x00\x00\xd8", "UTF-16"),
    ],
)
def test_what_is_not_a_table_is_said_plainly(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_table(data)


def test_recognized_headers_map_themselves() -> None:
    headers = ["SURNAME", "First Name", "Rank", "Service", "Unit", "Date of Loss",
               "Incident Date", "Home State", "Status", "Something else"]  # fmt: skip
    mapping = guess_mapping(headers, LIST_FIELDS)
    assert mapping == {
        "SURNAME": "surname",
        "First Name": "given_names",
        "Rank": "rank",
        "Service": "branch",
        "Unit": "unit",
        "Date of Loss": "loss_date",
        "Home State": "home_state",
        "Status": "status",
    }


def test_a_mapping_file_overrides_the_guess(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(mapping_document({"Family": "surname", "Rank": None}, {"list": "KWP"}))
    loaded = load_mapping_file(path)
    assert loaded.options == {"list": "KWP"}
    mapping = resolve_mapping(["Family", "Rank", "Unit"], LIST_FIELDS, loaded.columns)
    assert mapping == {"Family": "surname", "Unit": "unit"}
    plain = tmp_path / "plain.json"
    plain.write_text('{"Family": "surname"}')
    assert load_mapping_file(plain).columns == {"Family": "surname"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"columns": {"A": 3}}', "field names or null"),
    ],
)
def test_bad_mapping_files_are_explained(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(text)
    with pytest.raises(ValidationError, match=message):
        load_mapping_file(path)


def test_a_mapping_naming_an_unknown_column_or_field_is_refused() -> None:
    with pytest.raises(ValidationError, match="does not have"):
        resolve_mapping(["A"], LIST_FIELDS, {"B": "surname"})
    with pytest.raises(ValidationError, match="not a field"):
        resolve_mapping(["A"], LIST_FIELDS, {"A": "shoe_size"})
