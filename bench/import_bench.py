"""How fast a list of servicemen imports, against the floor of raw sqlite3.

Generates an N-row list CSV (default 100,000) shaped like a casualty list, then times:

* raw sqlite3: read the CSV with the csv module and ``executemany`` the rows into a plain
  table of text columns (the floor: no checks, no matching, no indexes);
* raw sqlite3 into the archive's own tables: the very serviceman and list_membership rows
  the import wrote (read back from it beforehand, not timed), ``executemany``'d with plain
  sqlite3 into a fresh archive made by ``Archive.open``, with its indexes and foreign keys,
  and its full-text index filled either in one INSERT ... SELECT ("FTS at once", the floor
  for the same work with no Python in it: the "x archive" column) or by its trigger, one
  case at a time ("FTS per row", what a naive executemany gets);
* the list import (services/importing/lists.py) into a new archive: every row checked,
  matched, written as a case and a list membership with the row as printed, in one batch;
* the same list imported again (every row matched to its case: the next edition);
* optionally (``--orm N``) a row-by-row ORM loop over the first N rows, scaled to N rows.

``--alike`` makes every surname sound alike (one Soundex code, D520: Dumas, Dennis,
Dimmock...), with the same few given names and days, and one row in ten without a service
number, so rows are matched by name among thousands of alike names. ``--repeat 3`` runs
each timing three times and prints the median.

Usage: python bench/import_bench.py [--rows N] [--orm N] [--alike] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import ListMembership, Serviceman, Source
from powmia_desktop.services.importing.lists import import_list

HEADER = [
    "Last Name", "First Name", "Rank", "Service", "Unit", "Date of Loss", "Home State",
    "Status", "Service Number",
]  # fmt: skip
#: Surnames are made of three syllables (50**3 = 125,000 of them), so most are unique and
#: a few are shared, as on a real list; the first syllable spreads them over Soundex codes.
SYLLABLES = ["ab", "bar", "ca", "dum", "el", "for", "gar", "hu", "ir", "jon", "kel", "lo",
             "mor", "nol", "ol", "pri", "qui", "rey", "sto", "tan", "ul", "van", "wil", "yor",
             "zim", "bre", "cha", "dre", "fin", "gol", "hal", "kra", "lem", "mac", "nev", "ost",
             "pel", "ros", "sch", "tho", "ver", "wei", "bau", "cor", "dav", "fer", "gib", "har",
             "jen", "kin"]  # fmt: skip
GIVEN = ["Roger A.", "John", "Robert L.", "William", "James E.", "Charles", "George", "Frank"]
UNITS = [
    "Co. F, 19th Infantry Regiment, 24th Infantry Division",
    "1st Marine Division",
    "7th Cavalry Regiment",
    "2nd Infantry Division",
    "31st Regimental Combat Team",
]
STATES = ["CT", "TX", "CA", "NY", "OH", "PA", "MA", "IL"]
#: Pieces of surnames that all have the Soundex code D520 (D, then m/n, then a c/s/k sound):
#: about 147,000 different spellings, so most are unique yet every one sounds like Dumas.
ALIKE_VOWELS = ["a", "e", "i", "o", "u", "y", "au", "ou", "ee", "ai", "oa", "ue", "ie", "ea"]
ALIKE_NASALS = ["m", "n", "mm", "nn", "mn"]
ALIKE_SIBILANTS = ["s", "z", "c", "k", "x", "g", "ss", "ck", "sk", "zz"]


def alike_surname(rng: random.Random) -> str:
    """A surname with the Soundex code D520 (Dumas, Dennis, Dimmock...)."""
    return (
        "D"
        + rng.choice(ALIKE_VOWELS)
        + rng.choice(ALIKE_NASALS)
        + rng.choice(ALIKE_VOWELS)
        + rng.choice(ALIKE_SIBILANTS)
        + rng.choice([*ALIKE_VOWELS, ""])
    )


def make_list(path: Path, rows: int, seed: int = 1950, *, alike: bool = False) -> None:
    """An N-row list; with ``alike`` every surname sounds the same and one row in ten has
    no service number (so it is matched by name, unit and date)."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            writer.writerow(
                [
                    alike_surname(rng)
                    if alike
                    else "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize(),
                    rng.choice(GIVEN),
                    rng.choice(["PVT", "PFC", "CPL", "SGT", "2LT"]),
                    rng.choice(["Army", "USMC", "Navy", "Air Force"]),
                    rng.choice(UNITS),
                    f"{rng.randint(1, 28)} Nov 1950",
                    rng.choice(STATES),
                    rng.choice(["MIA", "POW", "KIA", "Missing, presumed dead"]),
                    "" if alike and i % 10 == 0 else f"RA{11000000 + i}",
                ]
            )


def raw_sqlite(csv_path: Path, db: Path) -> float:
    start = time.perf_counter()
    connection = sqlite3.connect(db)
    with csv_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        columns = ", ".join(f"c{i} TEXT" for i in range(len(header)))
        connection.execute(f"CREATE TABLE list_row (id INTEGER PRIMARY KEY, {columns})")
        marks = ", ".join("?" for _ in header)
        names = ", ".join(f"c{i}" for i in range(len(header)))
        connection.executemany(f"INSERT INTO list_row ({names}) VALUES ({marks})", reader)
    connection.commit()
    connection.close()
    return time.perf_counter() - start


#: The archive tables the second baseline fills, in the order they are written.
ARCHIVE_TABLES = ("serviceman", "list_membership")


def archive_rows(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Table -> (columns, rows) as the list import stored them in the archive at ``path``,
    with the ImportBatch and Source rows they point to."""
    connection = sqlite3.connect(path)
    try:
        out = {}
        for table in ("import_batch", "source", *ARCHIVE_TABLES):
            cursor = connection.execute(f"SELECT * FROM {table} ORDER BY id")
            out[table] = ([d[0] for d in cursor.description], cursor.fetchall())
        return out
    finally:
        connection.close()


#: The full-text trigger of cases: ``INSERT INTO t(cols) VALUES (NEW.x ...)``.
FTS_TRIGGER = re.compile(
    r"^CREATE TRIGGER (?P<name>\w+) AFTER INSERT ON serviceman BEGIN "
    r"INSERT INTO (?P<target>\w+)\((?P<columns>[^)]*)\) VALUES \((?P<values>.*)\);\s*END$",
    re.S,
)


def raw_sqlite_archive(
    rows: dict[str, tuple[list[str], list[tuple[object, ...]]]], db: Path, *, fts_at_once: bool
) -> float:
    """Plain sqlite3 ``executemany`` of ``rows`` into a fresh archive's own tables (made by
    ``Archive.open``: its indexes, foreign keys, WAL), with its connection settings.

    The archive's trigger fills the full-text index one case at a time; ``fts_at_once`` drops
    it inside the transaction and fills the index with one INSERT ... SELECT (the same rows,
    as the import does), then puts the trigger back: the fastest way to the same file.
    """
    Archive.open(location_for_path(db), create=True).close()
    start = time.perf_counter()
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("BEGIN IMMEDIATE")
    trigger = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'fts_serviceman_ai'"
    ).fetchone()[0]
    shape = FTS_TRIGGER.match(trigger)
    if fts_at_once and shape is not None:
        connection.execute("DROP TRIGGER fts_serviceman_ai")
    for table, (columns, values) in rows.items():
        marks = ", ".join("?" for _ in columns)
        names = ", ".join(columns)
        connection.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
    if fts_at_once and shape is not None:
        select = shape["values"].replace("NEW.", "serviceman.")
        connection.execute(
            f"INSERT INTO {shape['target']}({shape['columns']}) SELECT {select} FROM serviceman"
        )
        connection.execute(trigger)
    connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - start


def list_import(csv_path: Path, archive: Archive) -> tuple[float, str]:
    start = time.perf_counter()
    with archive.session() as session:
        result = import_list(session, csv_path, list_title="Bench list")
    return time.perf_counter() - start, result.summary()


def orm_loop(csv_path: Path, archive: Archive, limit: int) -> float:
    """Row-by-row ORM: one Serviceman and one ListMembership object per row, one flush each."""
    start = time.perf_counter()
    with archive.session() as session, csv_path.open(newline="", encoding="utf-8") as handle:
        source = Source(title="ORM list")
        session.add(source)
        session.flush()
        for number, row in enumerate(csv.DictReader(handle), 2):
            if number - 1 > limit:
                break
            case = Serviceman(
                surname=row["Last Name"], given_names=row["First Name"], rank=row["Rank"]
            )
            session.add(case)
            session.flush()
            session.add(
                ListMembership(
                    source_id=source.id,
                    serviceman_id=case.id,
                    row_number=number,
                    row_as_printed=row,
                )
            )
    return time.perf_counter() - start


def _median(values: list[float]) -> float:
    return statistics.median(values)


def run_once(args: argparse.Namespace, tmp: Path, csv_path: Path) -> list[tuple[str, float]]:
    """One run of every timing, in a fresh archive, as (what, seconds)."""
    for leftover in tmp.glob("*.sqlite*"):
        leftover.unlink()
    raw = raw_sqlite(csv_path, tmp / "raw.sqlite")
    with Archive.open(location_for_path(tmp / "archive.sqlite"), create=True) as archive:
        first, summary = list_import(csv_path, archive)
        written = archive_rows(tmp / "archive.sqlite")
        again, summary_again = list_import(csv_path, archive)
    per_row = raw_sqlite_archive(written, tmp / "raw-archive.sqlite", fts_at_once=False)
    floor = raw_sqlite_archive(written, tmp / "raw-archive-fts.sqlite", fts_at_once=True)
    figures = [
        ("raw sqlite3 executemany (plain table)", raw),
        ("raw sqlite3, archive tables, FTS at once", floor),
        ("raw sqlite3, archive tables, FTS per row", per_row),
        ("list import, new archive", first),
        ("list import again (every row matched)", again),
    ]
    if args.orm:
        with Archive.open(location_for_path(tmp / "orm.sqlite"), create=True) as archive:
            orm = orm_loop(csv_path, archive, args.orm) * args.rows / args.orm
        figures.append((f"ORM row by row (first {args.orm:,}, scaled)", orm))
    run_once.summaries = [summary, summary_again]  # type: ignore[attr-defined]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--orm", type=int, default=0, help="also time an ORM loop over N rows")
    parser.add_argument(
        "--alike", action="store_true", help="every surname sounds alike (one Soundex code)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs; the median is printed")
    args = parser.parse_args(argv)
    runs: list[list[tuple[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="powmia-bench-") as folder:
        tmp = Path(folder)
        csv_path = tmp / "list.csv"
        make_list(csv_path, args.rows, alike=args.alike)
        for _ in range(max(1, args.repeat)):
            runs.append(run_once(args, tmp, csv_path))
    figures = [(name, _median([run[i][1] for run in runs])) for i, (name, _) in enumerate(runs[0])]
    raw, floor = figures[0][1], figures[1][1]
    shape = "alike surnames (one Soundex code)" if args.alike else "varied surnames"
    median = f", median of {len(runs)} runs" if len(runs) > 1 else ""
    print(f"{args.rows:,} rows, {shape}{median}")
    print(f"{'what':<44}{'seconds':>9}{'rows/s':>11}{'x plain':>9}{'x archive':>11}")
    for name, seconds in figures:
        rate = args.rows / seconds if seconds else 0
        print(
            f"{name:<44}{seconds:>9.2f}{rate:>11,.0f}{seconds / raw:>9.1f}{seconds / floor:>11.1f}"
        )
    for summary in run_once.summaries:  # type: ignore[attr-defined]
        print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
