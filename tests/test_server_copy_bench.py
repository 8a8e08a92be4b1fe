"""bench/server_copy.py moves a small generated archive up to the server and back, every
table the same (no timings asserted: those are for the 100,000-case bench archive)."""

import sys
from pathlib import Path

from tests.helpers.pg_server import DatabasePool

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_the_copy_bench_takes_an_archive_up_and_back_record_for_record(
    tmp_path: Path, pg_pool: DatabasePool
) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from generate import generate
        from server_copy import round_trip
    finally:
        sys.path.remove(str(BENCH))
    archive = tmp_path / "bench.sqlite"
    generate(archive, 12)
    rows, tables, same = round_trip(archive, tmp_path, pg_pool.server)
    assert same and dict(tables)["serviceman"] == 12 and dict(tables)["timeline_event"] == 60
    up, down = rows
    assert up.key == "server_copy_up" and f"{sum(n for _, n in tables):,} rows" in up.what
    assert down.value is not None and "every table the same" in down.note
    assert not list(tmp_path.glob("copied-back*"))
