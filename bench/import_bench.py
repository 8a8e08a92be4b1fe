"""How fast a list of servicemen imports, against the floor of raw sqlite3.

Generates an N-row list CSV (default 100,000) shaped like a casualty list, then times:

* raw sqlite3: read the CSV with the csv module and ``executemany`` the rows into a plain
  table of text columns (the floor: no checks, no matching, no indexes);
* the list import (services/importing/lists.py) into a new archive: every row checked,
  matched, written as a case and a list membership with the row as printed, in one batch;
* the same list imported again (every row matched to its case: the next edition);
* optionally (``--orm N``) a row-by-row ORM loop over the first N rows, scaled to N rows.

Usage: python bench/import_bench.py [--rows N] [--orm N]
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
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


def make_list(path: Path, rows: int, seed: int = 1950) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            writer.writerow(
                [
                    "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize(),
                    rng.choice(GIVEN),
                    rng.choice(["PVT", "PFC", "CPL", "SGT", "2LT"]),
                    rng.choice(["Army", "USMC", "Navy", "Air Force"]),
                    rng.choice(UNITS),
                    f"{rng.randint(1, 28)} Nov 1950",
                    rng.choice(STATES),
                    rng.choice(["MIA", "POW", "KIA", "Missing, presumed dead"]),
                    f"RA{11000000 + i}",
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--orm", type=int, default=0, help="also time an ORM loop over N rows")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="powmia-bench-") as folder:
        tmp = Path(folder)
        csv_path = tmp / "list.csv"
        make_list(csv_path, args.rows)
        raw = raw_sqlite(csv_path, tmp / "raw.sqlite")
        with Archive.open(location_for_path(tmp / "archive.sqlite"), create=True) as archive:
            first, summary = list_import(csv_path, archive)
            again, summary_again = list_import(csv_path, archive)
        figures = [
            ("raw sqlite3 executemany (plain table)", raw),
            ("list import, new archive", first),
            ("list import again (every row matched)", again),
        ]
        if args.orm:
            with Archive.open(location_for_path(tmp / "orm.sqlite"), create=True) as archive:
                orm = orm_loop(csv_path, archive, args.orm) * args.rows / args.orm
            figures.append((f"ORM row by row (first {args.orm:,}, scaled)", orm))
    print(f"{args.rows:,} rows")
    print(f"{'what':<44}{'seconds':>9}{'rows/s':>11}{'x raw':>8}")
    for name, seconds in figures:
        rate = args.rows / seconds if seconds else 0
        print(f"{name:<44}{seconds:>9.2f}{rate:>11,.0f}{seconds / raw:>8.1f}")
    print(summary)
    print(summary_again)
    return 0


if __name__ == "__main__":
    sys.exit(main())
