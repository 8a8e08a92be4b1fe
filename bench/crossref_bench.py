"""How fast the Lists section and the cross-reference answer on a list of 100,000 men.

Imports two editions of an N-row roster (default 100,000; the second drops 2% of the men,
adds 2% new ones and changes the status of 3%) and a Last Seen Alive list of 2,058 men drawn
from the first, then times what the window and ``powmia crossref`` do:

* the list of lists with each one's rows counted by match (Lists section);
* one list's rows as printed with their match (its "Rows as printed" tab);
* the review queue of every list;
* the roster's latest edition against the one before (added, left, changed);
* the roster against the LSA list;
* the LSA list against a status (who is carried as presumed dead);
* where one case appears (a case's "Appears on" tab).

Usage: python bench/crossref_bench.py [--rows N] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_bench import make_list  # noqa: E402

from powmia_desktop.db.archive import Archive  # noqa: E402
from powmia_desktop.db.location import location_for_path  # noqa: E402
from powmia_desktop.services.importing.lists import import_list  # noqa: E402
from powmia_desktop.services.lists import crossref, overview, review  # noqa: E402

FLIP = {"MIA": "POW", "POW": "KIA", "KIA": "MIA", "Missing, presumed dead": "MIA"}


def editions(folder: Path, rows: int) -> tuple[Path, Path, Path]:
    """The roster's two editions and the LSA list, as CSV files."""
    first = folder / "roster-2024.csv"
    make_list(first, rows)
    with first.open(newline="", encoding="utf-8") as handle:
        header, *body = list(csv.reader(handle))
    rng = random.Random(2025)
    kept = [r for r in body if rng.random() >= 0.02]
    for row in kept:
        if rng.random() < 0.03:
            row[7] = FLIP[row[7]]
    extra = folder / "extra.csv"
    make_list(extra, rows // 50, seed=2025)
    with extra.open(newline="", encoding="utf-8") as handle:
        added = list(csv.reader(handle))[1:]
    for i, row in enumerate(added):
        row[8] = f"RA{21000000 + i}"
    second = folder / "roster-2025.csv"
    lsa = folder / "lsa.csv"
    for path, content in ((second, kept + added), (lsa, rng.sample(body, min(2058, len(body))))):
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([header, *content])
    return first, second, lsa


def timed(repeat: int, job: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        first, second, lsa = editions(tmp, args.rows)
        archive = Archive.open(location_for_path(tmp / "war.sqlite"), create=True)
        start = time.perf_counter()
        for path, title in ((first, "DPAA roster"), (second, "DPAA roster"), (lsa, "LSA")):
            with archive.session() as session:
                import_list(session, path, list_title=title)
        print(f"imported 2 x {args.rows:,} + 2,058 rows in {time.perf_counter() - start:.1f} s")
        with archive.reader() as session:
            roster = crossref.find_list(session, "DPAA roster")
            lsa_list = crossref.find_list(session, "LSA")
            jobs: list[tuple[str, Callable[[], Any], Callable[[Any], str]]] = [
                ("list of lists", lambda: overview.list_lists(session), lambda r: f"{len(r)}"),
                (
                    "rows as printed (roster)",
                    lambda: overview.list_rows(session, roster.source_id),
                    lambda r: f"{len(r):,} rows",
                ),
                ("review queue", lambda: review.held_rows(session), lambda r: f"{len(r):,} held"),
                (
                    "roster: latest edition vs previous",
                    lambda: crossref.between_editions(session, roster),
                    lambda r: ", ".join(f"{g.key} {len(g.rows):,}" for g in r.groups),
                ),
                (
                    "roster against LSA",
                    lambda: crossref.against(session, roster, lsa_list),
                    lambda r: ", ".join(f"{g.key} {len(g.rows):,}" for g in r.groups),
                ),
                (
                    "LSA carried as presumed dead",
                    lambda: crossref.with_status(session, lsa_list, "presumed dead"),
                    lambda r: f"{len(r.groups[0].rows):,} men",
                ),
                (
                    "a case's Appears on",
                    lambda: overview.appears_on(session, 1),
                    lambda r: f"{len(r)} lists",
                ),
            ]
            print(f"{'what':<40} {'median':>9}  result")
            for name, job, words in jobs:
                seconds, result = timed(args.repeat, job)
                print(f"{name:<40} {seconds * 1000:>7.0f} ms  {words(result)}")
        archive.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
