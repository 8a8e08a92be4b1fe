"""An import into a server archive killed with SIGKILL leaves all of the batch or none of it.

The server's twin of test_crash_safety.py: each run starts from a copy of the same database
(the demo plus an earlier, finished import; ``CREATE DATABASE ... TEMPLATE``), runs
``powmia import cases`` in a separate process and kills it at a moment fixed by the seed,
in the second half of a whole run, where the rows are written. The last run waits until
the importer's transaction is open on the server, so at least one kill lands inside it.
After each kill: every table holds either exactly what it held before or exactly what a
finished run leaves; every row there before is unchanged; and services/check.py finds
nothing wrong. The server, not the file, is what keeps the batch whole here.
"""

import hashlib
import json
import random
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from tests.helpers.pg_server import DatabasePool
from tests.safety.support import make_demo, powmia_command
from tests.safety.test_crash_safety import _write_list

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import resolve_location
from powmia_desktop.db.tables import exchanged_tables, raw_table
from powmia_desktop.services.check import check_archive

ROWS, KILLS, SEED = 5_000, 3, 18
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Snapshot:
    """Per table: how many rows, the highest id, and a digest of the rows up to ``upto``'s."""

    tables: dict[str, tuple[int, int, str]]

    @classmethod
    def of(cls, url: str, upto: "Snapshot | None" = None) -> "Snapshot":
        engine = create_engine(resolve_location(url).url)
        found = {}
        try:
            with engine.connect() as connection:
                for table in exchanged_tables():
                    raw = raw_table(table)
                    key = raw.c.id if "id" in raw.c else None
                    count, top = connection.execute(
                        select(func.count(), func.coalesce(func.max(key), 0) if key is not None
                               else func.count()).select_from(raw)
                    ).one()  # fmt: skip
                    limit = upto.tables[table.name][1] if upto else 2**31 - 1
                    query = select(raw)
                    if key is not None:
                        query = query.where(key <= limit).order_by(key)
                    digest = hashlib.sha256()
                    for row in connection.execute(query):
                        digest.update(json.dumps(tuple(row), default=str).encode())
                    found[table.name] = (int(count), int(top), digest.hexdigest())
        finally:
            engine.dispose()
        return cls(found)

    def counts(self) -> dict[str, int]:
        return {table: count for table, (count, _, _) in self.tables.items()}


def _import(url: str, listing: Path) -> "subprocess.Popen[str]":
    command = [*powmia_command(), "--db", url, "import", "cases", str(listing)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(process: "subprocess.Popen[str]") -> None:
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err


def _writing(url: str) -> bool:
    """Whether a client of the database has a transaction open (the importer's)."""
    admin = create_engine(resolve_location(url.rsplit("/", 1)[0] + "/postgres").url)
    try:
        with admin.connect() as connection:
            return bool(
                connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = :name "
                        "AND xact_start IS NOT NULL AND pid <> pg_backend_pid()"
                    ),
                    {"name": url.rsplit("/", 1)[1]},
                ).scalar()
            )
    finally:
        admin.dispose()


def _verify(url: str, before: Snapshot, finished: dict[str, int], what: str) -> bool:
    after = Snapshot.of(url, upto=before)
    counts = after.counts()
    assert counts in (before.counts(), finished), f"{what}: a partial batch: {counts}"
    for table, (_, _, digest) in before.tables.items():
        assert after.tables[table][2] == digest, f"{what}: earlier rows of {table} changed"
    with Archive.open(resolve_location(url)) as archive:
        assert check_archive(archive) == [], what
    return counts == finished


def test_a_killed_import_on_a_server_leaves_all_of_it_or_none(
    pg_pool: DatabasePool, tmp_path: Path
) -> None:
    server = pg_pool.server
    base = pg_pool.take(tmp_path / "shared")
    make_demo(resolve_location(base))
    _write_list(tmp_path / "list-Q.csv", 300, "Q")
    _finish(_import(base, tmp_path / "list-Q.csv"))  # an earlier, finished import
    before = Snapshot.of(base)
    base_name = base.rsplit("/", 1)[1]
    listing = tmp_path / "list-B.csv"
    _write_list(listing, ROWS, "B")

    made: list[str] = []
    try:
        whole = server.create_database("whole", template=base_name)
        made.append("whole")
        started = time.monotonic()
        _finish(_import(whole, listing))
        typical = time.monotonic() - started
        finished = Snapshot.of(whole).counts()
        assert finished != before.counts()
        assert _verify(whole, before, finished, "the run left to finish")

        rng = random.Random(SEED)
        inside = committed = 0
        for n in range(KILLS):
            url = server.create_database(f"kill{n}", template=base_name)
            made.append(f"kill{n}")
            process = _import(url, listing)
            if n < KILLS - 1:
                time.sleep(rng.uniform(typical / 2, typical))
            else:  # the last one waits for the transaction, however busy the machine is
                ends = time.monotonic() + 10 * typical
                while not _writing(url) and process.poll() is None and time.monotonic() < ends:
                    time.sleep(0.02)
            writing = _writing(url)
            process.send_signal(signal.SIGKILL)  # cannot be caught: it stops mid-write
            process.communicate(timeout=60)
            done = _verify(url, before, finished, f"kill {n}")
            committed += done
            inside += writing and not done
        assert inside >= 1, "no kill landed inside the importer's transaction"
        print(f"{KILLS} kills of a {typical:.1f} s run: {inside} mid-batch, {committed} done")
    finally:
        for name in made:
            server.drop_database(name)
        pg_pool.give_back(base)
