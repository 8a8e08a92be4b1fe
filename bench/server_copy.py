"""The bench archive moved to a PostgreSQL server and back, proved record for record.

SQLite -> PostgreSQL -> SQLite with ``copy_records`` (what ``powmia copy --to`` does), on a
throw-away server started for the run (tests/helpers/pg_server.py): the time of each leg,
then every table of the file beside the copy brought back — its rows and a SHA-256 over
them in uid order (services/copying.py) — and whether all are the same. The same two
figures are in ``bench/run.py``'s server rows; this runs them alone, on any archive file.

Usage: python bench/server_copy.py ARCHIVE.sqlite [--json]
       (python bench/generate.py ARCHIVE.sqlite --cases 100000 makes the bench archive)
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

from server_bench import _open_new, copy_round_trip
from table import Row, print_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.pg_server import start_server, stop_server, why_no_server  # noqa: E402

from powmia_desktop.db.archive import Archive  # noqa: E402
from powmia_desktop.db.location import location_for_path  # noqa: E402
from powmia_desktop.services.copying import table_digests  # noqa: E402


def round_trip(
    archive_path: Path, folder: Path, server: Any = None
) -> tuple[list[Row], list[tuple[str, int]], bool]:
    """The two legs' rows, the file's rows per table, and whether every table came back.

    On ``server`` if given (left running), else on a server started for the run."""
    own = server is None
    server = server or start_server()
    try:
        with (
            Archive.open(location_for_path(archive_path)) as file_archive,
            _open_new(server, "copy_bench") as server_archive,
        ):
            up, down, same = copy_round_trip(
                file_archive, server_archive, folder / "copied-back.sqlite"
            )
            with file_archive.engine.connect() as connection:
                tables = [(d.table, d.rows) for d in table_digests(connection)]
        server.drop_database("copy_bench")
    finally:
        if own:
            stop_server(server)
    return [up, down], tables, same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path, help="an archive file (bench/generate.py)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    reason = why_no_server()
    if reason:
        print(f"skipped: {reason}", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="powmia-copy-bench-") as folder:
        rows, tables, same = round_trip(args.archive, Path(folder))
    if args.json:
        print(
            json.dumps(
                {
                    "rows": [r.as_json() for r in rows],
                    "tables": dict(tables),
                    "same": same,
                    "machine": platform.platform(),
                }
            )
        )
    else:
        print_table(rows, f"{args.archive}: SQLite -> PostgreSQL -> SQLite")
        print(
            f"{sum(n for _, n in tables):,} rows in {len(tables)} tables, "
            + ("every table the same after the round trip" if same else "TABLES DIFFER")
        )
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
