"""An import killed with SIGKILL at random moments leaves all of the batch or none of it.

Each run starts from the same archive (the demo plus an earlier, finished import), runs
``powmia import cases`` on a 100,000-row list in a separate process, and is killed at a
random moment between 0.05 s and the time a whole run takes (every other one in its second
half, where the rows are written), 20 times. After each kill:
SQLite's integrity check passes; every table holds either exactly what it held before or
exactly what a finished run leaves (the batch is all or nothing, its ImportBatch row and
list lines included); every record committed before is byte-for-byte the same; and the
whole check of services/check.py (foreign keys, search index, links) finds nothing.

Two runs go at a time, to stay near a minute on two cores. The moments come from a fixed
seed; ``POWMIA_KILL_SEED`` tries another set of them.
"""

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.safety.support import make_demo_file, powmia_command

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.services.check import check_archive

AT_ONCE = 2

pytestmark = pytest.mark.slow


def _name(rng: random.Random, first: str = "") -> str:
    """A made-up name; "Q" starts only the earlier list's surnames, so no man is on both."""
    letters, vowels = "BCDFGHJKLMNPRSTVWZ", "AEIOU"
    syllables = "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
    return (first + syllables).capitalize()


@dataclass(frozen=True)
class Importer:
    name: str
    rows: int
    kills: int

    def start(self, archive: Path, rows: int | None = None) -> "subprocess.Popen[str]":
        """Begin importing ``rows`` (default: the full list) into ``archive``."""
        rows = self.rows if rows is None else rows
        series = "Q" if rows < self.rows else "B"  # the earlier import and the killed one
        listing = archive.with_name(f"list-{series}.csv")
        if not listing.exists():
            _write_list(listing, rows, series)
        command = [*powmia_command(), "--db", str(archive), "import", "cases", str(listing)]
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _write_list(listing: Path, rows: int, series: str) -> None:
    rng = random.Random(rows)
    lines = (
        f"{_name(rng, 'Q' if series == 'Q' else '')},{_name(rng)},RA{ord(series)}{n:06d},Nov 1950"
        for n in range(rows)
    )
    header = "Last Name,First Name,Service Number,Date of Loss\n"
    listing.write_text(header + "\n".join(lines) + "\n")


IMPORTER = Importer("powmia import cases", rows=100_000, kills=20)


def _finish(process: "subprocess.Popen[str]") -> None:
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err


@dataclass(frozen=True)
class Snapshot:
    """Per table: how many rows, the highest rowid, and a digest of the rows up to ``upto``."""

    tables: dict[str, tuple[int, int, str]]

    @classmethod
    def of(cls, path: Path, upto: "Snapshot | None" = None) -> "Snapshot":
        connection = sqlite3.connect(path)  # read-write, so a hot WAL is recovered as on open
        try:
            found = {}
            names = connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'"
            )
            for (table,) in names.fetchall():
                limit = upto.tables[table][1] if upto else 2**62
                digest = hashlib.sha256()
                for row in connection.execute(
                    f'SELECT rowid, * FROM "{table}" WHERE rowid <= ? ORDER BY rowid', (limit,)
                ):
                    digest.update(repr(row).encode())
                count, top = connection.execute(
                    f'SELECT count(*), coalesce(max(rowid), 0) FROM "{table}"'
                ).fetchone()
                found[table] = (int(count), int(top), digest.hexdigest())
            return cls(found)
        finally:
            connection.close()

    def counts(self) -> dict[str, int]:
        return {table: count for table, (count, _, _) in self.tables.items()}


def _verify(path: Path, before: Snapshot, finished: dict[str, int], what: str) -> bool:
    """Assert the archive is sound and the batch all or nothing; True if it was committed."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], what
    finally:
        connection.close()
    after = Snapshot.of(path, upto=before)
    counts = after.counts()
    assert counts in (before.counts(), finished), f"{what}: a partial batch: {counts}"
    for table, (_, _, digest) in before.tables.items():
        assert after.tables[table][2] == digest, f"{what}: earlier rows of {table} changed"
    with Archive.open(location_for_path(path)) as archive:
        assert check_archive(archive) == [], what
    return counts == finished


def _writing(path: Path) -> bool:
    """Whether the archive at ``path`` has pages in its WAL: a transaction is being written."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _wait_for_writing(path: Path, process: "subprocess.Popen[str]", ends: float) -> None:
    while not _writing(path) and process.poll() is None and time.monotonic() < ends:
        time.sleep(0.02)


def test_a_killed_import_leaves_all_of_it_or_none(tmp_path: Path) -> None:
    importer = IMPORTER
    base = make_demo_file(tmp_path / "base.sqlite")
    _finish(importer.start(base, rows=300))  # an earlier, finished import
    before = Snapshot.of(base)

    whole = tmp_path / "whole.sqlite"
    shutil.copyfile(base, whole)
    _write_list(tmp_path / "list-B.csv", importer.rows, "B")
    started = time.monotonic()
    _finish(importer.start(whole))
    typical = time.monotonic() - started
    finished = Snapshot.of(whole).counts()
    assert finished != before.counts()
    assert _verify(whole, before, finished, "the run left to finish")

    seed = int(os.environ.get("POWMIA_KILL_SEED", "20261204"))  # the same moments every run
    rng = random.Random(seed)
    # Every other moment falls in the second half, where an importer writes its rows.
    moments = [rng.uniform(0.05 if n % 2 else typical / 2, typical) for n in range(importer.kills)]
    inside = committed = 0
    for first in range(0, importer.kills, AT_ONCE):
        runs = []
        for n in range(first, min(first + AT_ONCE, importer.kills)):
            path = tmp_path / f"run{n}.sqlite"
            shutil.copyfile(base, path)
            runs.append((n, path, importer.start(path), time.monotonic() + moments[n]))
        try:
            for n, path, process, deadline in sorted(runs, key=lambda r: r[3]):
                time.sleep(max(0.0, deadline - time.monotonic()))
                if n == importer.kills - 1:  # the last waits for the transaction, however busy
                    _wait_for_writing(path, process, time.monotonic() + 10 * typical)
                process.send_signal(signal.SIGKILL)  # cannot be caught: it stops mid-write
        finally:
            for _n, _path, process, _deadline in runs:
                process.communicate(timeout=60)
        for n, path, _process, _ in runs:
            what = f"{importer.name}: kill {n} at {moments[n]:.2f} s (seed {seed})"
            writing = _writing(path)  # killed with a transaction open
            done = _verify(path, before, finished, what)
            committed += done
            inside += writing and not done
            for leftover in tmp_path.glob(f"run{n}.sqlite*"):
                leftover.unlink()
    assert inside >= 1, f"no kill landed inside the transaction (seed {seed})"
    print(f"{importer.name}, seed {seed}: {inside} kills mid-batch, {committed} after commit")
