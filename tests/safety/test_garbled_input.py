"""Text that is not garbled, columns that are not dropped, limits said before reading.

Files mixing UTF-8 with Windows-1252 lines, vCards that declare their charset, stray
byte-order marks; a column named twice or two columns sent to one field; files too large
for what they claim to be, refused at once with the limit named.
"""

import contextlib
import io
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.sql import sql

from powmia_desktop.cli import main
from powmia_desktop.services.importing.vcard import MAX_VCARD_BYTES


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(args), out=out)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(new_db: Callable[..., str]) -> str:
    path = new_db("family")
    assert _cli("--db", path, "init")[0] == 0
    return path


def _rows(db: str, statement: str) -> list[tuple[str, ...]]:
    return sql(db, statement)


def _import(db: str, kind: str, path: Path, *extra: str) -> tuple[int, str, str]:
    return _cli("--db", db, "import", kind, str(path), *extra)


def test_a_list_mixing_utf8_and_windows_1252_lines_reads_each_right(
    db: str, tmp_path: Path
) -> None:
    path = tmp_path / "joined.csv"
    path.write_bytes(
        "Last Name,First Name\nMüller,Jürgen\n".encode()
        + "Bérubé,Noël\n".encode("cp1252")
        + "Côté,André\n".encode()
    )
    code, out, err = _import(db, "cases", path)
    assert code == 0, err
    names = _rows(db, "SELECT surname, given_names FROM serviceman ORDER BY surname")
    assert names == [("Bérubé", "Noël"), ("Côté", "André"), ("Müller", "Jürgen")]
    assert "Line 3 of joined.csv is not UTF-8 and was read as Windows-1252, a guess" in out


def test_a_windows_1251_list_is_read_as_cyrillic_with_a_warning(db: str, tmp_path: Path) -> None:
    path = tmp_path / "ru.csv"
    path.write_bytes("Фамилия,Last Name,Имя\nx,Иванов,Пётр\ny,Смирнов,Иван\n".encode("cp1251"))
    code, out, err = _import(db, "cases", path)
    assert code == 0, err
    assert {r[0] for r in _rows(db, "SELECT surname FROM serviceman")} == {"Иванов", "Смирнов"}
    assert "ru.csv is not UTF-8 and was read as Windows-1251 (Cyrillic), a guess" in out


def test_a_utf8_list_says_nothing_about_guessing(db: str, tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("Last Name,First Name\nMüller,Jürgen\n", encoding="utf-8")
    code, out, _ = _import(db, "cases", path)
    assert code == 0 and "guess" not in out


def test_stray_byte_order_marks_leave_no_trace(db: str, tmp_path: Path) -> None:
    path = tmp_path / "boms.csv"
    path.write_bytes("\ufeffLast Name,First Name\nKim,\ufeffLee\n\ufeffPark,Min\n".encode())
    assert _import(db, "cases", path)[0] == 0
    cards = tmp_path / "boms.vcf"
    cards.write_bytes(
        "\ufeffBEGIN:VCARD\r\nVERSION:3.0\r\nFN:\ufeffAnna Berg\r\nEND:VCARD\r\n".encode()
        + "\ufeffBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ola Nordmann\r\nEND:VCARD\r\n".encode()
    )
    assert _import(db, "contacts", cards)[0] == 0
    stored = _rows(db, "SELECT surname || given_names FROM serviceman")
    stored += _rows(db, "SELECT display_name FROM contact")
    assert sorted(s for (s,) in stored) == ["Anna Berg", "KimLee", "Ola Nordmann", "ParkMin"]


@pytest.mark.parametrize(
    ("charset", "name"),
    [
        ("SHIFT_JIS", "山田 太郎"),
        ("ISO-8859-1", "Zoë Bérubé"),
        ("WINDOWS-1251", "Пётр Иванов"),
        ("EUC-KR", "김 철수"),
    ],
)
def test_a_vcard_declaring_its_charset_is_read_in_it(
    db: str, tmp_path: Path, charset: str, name: str
) -> None:
    path = tmp_path / "card.vcf"
    given, surname = name.split(" ")
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        + f"N;CHARSET={charset}:{surname};{given}\r\n".encode(charset)
        + f"FN;CHARSET={charset}:{name}\r\n".encode(charset)
        + f"NOTE;CHARSET={charset}:{name}\r\n".encode(charset)
        + b"END:VCARD\r\n"
    )
    code, out, err = _import(db, "contacts", path)
    assert code == 0, err
    assert _rows(db, "SELECT display_name, surname FROM contact") == [(name, surname)]
    assert "guess" not in out


def test_a_vcard_with_an_undeclared_latin_1_line_warns(db: str, tmp_path: Path) -> None:
    path = tmp_path / "card.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\n"
        + "FN:Zoë Bérubé\r\n".encode("latin-1")
        + "NOTE:Schöne Grüße\r\n".encode()
        + b"END:VCARD\r\n"
    )
    code, out, _ = _import(db, "contacts", path)
    assert code == 0
    assert _rows(db, "SELECT display_name FROM contact") == [("Zoë Bérubé",)]
    assert "Line 3 of card.vcf is not UTF-8" in out


@pytest.mark.parametrize(
    ("header", "named"),
    [
        ("Last Name,First Name,Last Name", "'Last Name' 2 times (columns 1, 3)"),
        ("Last Name,Unit,UNIT,unit", "'Unit' 3 times (columns 2, 3, 4)"),
    ],
)
def test_a_column_named_twice_is_refused_by_name(
    db: str, tmp_path: Path, header: str, named: str
) -> None:
    path = tmp_path / "twice.csv"
    width = header.count(",") + 1
    path.write_text(f"{header}\n" + ",".join(["Kim", "Lee", "x", "y"][:width]) + "\n")
    for kind in ("cases", "events", "contacts"):
        code, _, err = _import(db, kind, path)
        assert code == 1 and named in err, (kind, err)
    assert _rows(db, "SELECT count(*) FROM serviceman") == [(0,)]


def test_a_mapping_sending_two_columns_to_one_field_is_refused(db: str, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Family,Maiden,Given\nKim,Park,Lee\n")
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"Family": "surname", "Maiden": "surname", "Given": None}))
    code, _, err = _import(db, "cases", path, "--mapping", str(mapping))
    assert code == 1
    assert "'Family' and 'Maiden' would all go to 'surname'" in err
    assert _rows(db, "SELECT count(*) FROM serviceman") == [(0,)]


def test_two_columns_known_by_one_field_are_refused_unless_the_mapping_says(
    db: str, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Last Name,Date of Loss,Incident Date\nKim,1950,12 Feb 1951\n")
    code, _, err = _import(db, "cases", path)
    assert code == 1 and "'Date of Loss' and 'Incident Date'" in err
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"Incident Date": "loss_date"}))
    assert _import(db, "cases", path, "--mapping", str(mapping))[0] == 0


def _photo_card(megabytes: int) -> bytes:
    line = b"A" * 74
    body = b"\r\n ".join([line] * (megabytes * 2**20 // 74 + 1))
    return (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Roger Dumas\r\nTEL:+1 860 555 0100\r\n"
        b"PHOTO;ENCODING=b;TYPE=JPEG:" + body + b"\r\nEND:VCARD\r\n"
    )


def test_a_20_mb_photo_is_left_out_at_once_and_the_contact_kept(db: str, tmp_path: Path) -> None:
    path = tmp_path / "big.vcf"
    path.write_bytes(_photo_card(20))
    started = time.process_time()  # CPU time: other programs on the machine do not count
    code, out, err = _import(db, "contacts", path)
    took = time.process_time() - started
    assert code == 0, err
    assert "its PHOTO is 20 MB, over the 10 MB a card's value may take" in out
    assert _rows(db, "SELECT display_name FROM contact") == [("Roger Dumas",)]
    assert took < 10, f"{took:.1f} s"  # it took minutes before


def test_files_beyond_their_limit_are_refused_unread_with_the_limit_named(
    db: str, tmp_path: Path
) -> None:
    for name, kind, limit in (
        ("huge.vcf", "contacts", f"at most {MAX_VCARD_BYTES // 2**20} MB"),
        ("huge.ics", "meetings", "at most 64 MB"),
        ("huge.csv", "cases", "at most 256 MB"),
    ):
        path = tmp_path / name
        with path.open("wb") as handle:  # sparse: nothing to read if it were read
            handle.truncate(300 * 2**20)
        code, _, err = _import(db, kind, path)
        assert code == 1 and limit in err, (name, err)
        assert err.count("\n") == 1
