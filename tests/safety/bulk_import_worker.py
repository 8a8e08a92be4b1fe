"""The shape of work a list import does, run as its own process so a test can kill it.

One ``archive.session()`` transaction: an ImportBatch row, Core bulk inserts of servicemen
in chunks of row tuples (the full-text triggers index each one), then the batch marked
finished. It stands in for ``powmia import cases`` in test_crash_safety.py.

Usage: python bulk_import_worker.py ARCHIVE ROWS LABEL
Prints "started" once the batch row exists and "committed" when the transaction is done.
"""

import sys
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.dialects import sqlite

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import ImportBatch, Serviceman, fuzzy_date_values
from powmia_desktop.db.types import utcnow

CHUNK = 5000


def main(path: str, rows: int, label: str) -> None:
    now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
    # Values rendered once as SQLite stores them, so the run time is SQLite's, not Python's.
    same = {
        **fuzzy_date_values("loss_date", FuzzyDate.parse("Nov 1950")),
        **{c: "" for c in ("suffix", "rank", "home_city", "home_county", "home_state")},
        **{c: "" for c in ("loss_place_text", "circumstances", "summary")},
        "given_names": "Test",
        "unit": "Co. F, 19th Infantry Regiment",
        "notes": f"batch {label}",
        "row_version": 1,
        "sensitivity": 1,
        "created_at": now,
        "updated_at": now,
        "accounting_status": "unaccounted_for",
        "rosette_placed": 0,
        "last_seen_alive": 0,
    }
    compiled = insert(Serviceman.__table__).compile(dialect=sqlite.dialect())
    keys = list(compiled.positiontup or [])
    with Archive.open(location_for_path(Path(path))) as archive, archive.session() as session:
        batch = ImportBatch(file_name=f"{label}.csv", kind="cases", counts={"rows": rows})
        session.add(batch)
        session.flush()
        print("started", flush=True)
        connection = session.connection()
        for start in range(0, rows, CHUNK):
            chunk = []
            for n in range(start, min(start + CHUNK, rows)):
                row = {
                    **same,
                    "uid": f"{label}-{n:07d}",
                    "surname": f"{label.upper()}{n}",
                    "service_number": f"RA{11000000 + n}",
                }
                chunk.append(tuple(row.get(k) for k in keys))  # id and the rest: NULL
            connection.exec_driver_sql(str(compiled), chunk)
        batch.status = "finished"
        batch.finished_at = utcnow()
    print("committed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
