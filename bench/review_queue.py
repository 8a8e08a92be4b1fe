"""The review queue on a large archive: how long reading it takes, and how long it holds the
window's GUI thread now that it is read on a thread of its own (gui/lists/review.py).

Imports an N-row roster (default 100,000), then a list of H of its men (default 2,000) with
each surname misspelt by one letter and no service number, so every row is held for review
beside the case it may be. Then, with no row held (before that list) and with H held:

* ``read``: ``held_rows`` of every list, as the queue's thread runs it;
* ``gui_call``: how long asking the Review queue to read again holds the GUI thread;
* ``on_screen``: from that call until the queue's rows are in its table;
* ``longest_gap``: the longest the GUI thread's event loop went without a turn meanwhile
  (what a person would feel as a stall).

Medians of ``--repeat`` tries, offscreen Qt. Usage:
QT_QPA_PLATFORM=offscreen python bench/review_queue.py [--rows N] [--held H] [--repeat N]

Measured with the defaults (2 CPUs shared with other work, load average 2.2): with no row
held, read 22 ms, GUI call 1.1 ms, on screen 51 ms, longest gap 12 ms; with 2,000 held, read
391 ms — the time the window stood still when the queue was read on its thread —, GUI call
4.0 ms, on screen 401 ms, longest gap 32 ms.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_bench import make_list  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from powmia_desktop.db.archive import Archive  # noqa: E402
from powmia_desktop.db.location import location_for_path  # noqa: E402
from powmia_desktop.gui.lists.review import ReviewPanel  # noqa: E402
from powmia_desktop.gui.ops import ArchiveOps  # noqa: E402
from powmia_desktop.services.importing.lists import import_list  # noqa: E402
from powmia_desktop.services.lists import review  # noqa: E402


def misspelt(roster: Path, target: Path, held: int) -> None:
    """``held`` of the roster's men, each surname's last letter doubled (it sounds the
    same) and no service number: each may be the man on the roster, or may not."""
    with roster.open(newline="", encoding="utf-8") as handle:
        header, *body = list(csv.reader(handle))
    step = max(1, len(body) // held)
    rows = [[r[0] + r[0][-1], *r[1:8], ""] for r in body[::step][:held]]
    with target.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])


def measure(app: QApplication, archive: Archive, repeat: int) -> dict[str, float]:
    panel = ReviewPanel(ArchiveOps(archive))
    reads, calls, screens, gaps = [], [], [], []
    for _ in range(repeat):
        with archive.reader() as session:
            start = time.perf_counter()
            count = len(review.held_rows(session))
            reads.append(time.perf_counter() - start)
        ticks: list[float] = []
        beat = QTimer()
        beat.setInterval(0)
        beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        with archive.reader() as session:
            start = time.perf_counter()
            panel.show_list(session, None)
            called = time.perf_counter()
        beat.start()
        while panel.loading:
            app.processEvents()
        beat.stop()
        done = time.perf_counter()
        assert panel.held.rowCount() == count
        calls.append(called - start)
        screens.append(done - start)
        marks = [called, *ticks, done]
        gaps.append(max(b - a for a, b in zip(marks, marks[1:], strict=False)))
    panel.deleteLater()
    return {
        "held": count,
        "read": statistics.median(reads),
        "gui_call": statistics.median(calls),
        "on_screen": statistics.median(screens),
        "longest_gap": statistics.median(gaps),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--held", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        roster, near = tmp / "roster.csv", tmp / "near.csv"
        make_list(roster, args.rows)
        misspelt(roster, near, args.held)
        archive = Archive.open(location_for_path(tmp / "war.sqlite"), create=True)
        print(f"{'':<28} {'held':>6} {'read':>9} {'gui_call':>9} {'on_screen':>10} {'gap':>8}")
        for path, title in ((roster, "DPAA roster"), (near, "Misspelt")):
            with archive.session() as session:
                import_list(session, path, list_title=title)
            m = measure(app, archive, args.repeat)
            print(
                f"{'after ' + title:<28} {m['held']:>6,.0f} {m['read'] * 1000:>7.1f}ms"
                f" {m['gui_call'] * 1000:>7.2f}ms {m['on_screen'] * 1000:>8.1f}ms"
                f" {m['longest_gap'] * 1000:>6.1f}ms"
            )
        archive.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
