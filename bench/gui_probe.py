"""The Cases list at scale, timed in its own process (offscreen Qt): open, then filter.

Prints one JSON object:

* ``list_ready``: seconds from asking the Cases page to reload until its model holds every
  case and the first screen is painted (``reload`` + ``processEvents``), per try;
* ``raw_fetch``: seconds for the same list query run through plain ``sqlite3`` and fetched
  into tuples, per try (the floor: no model, no view);
* ``filter_ready``: seconds after the list was shown until the filter's text index was
  built (it is built in idle time);
* ``keystrokes``: seconds per keystroke typed into the filter field (filter + repaint);
* ``list_cpu``, ``keystrokes_cpu``: the same in CPU seconds of this thread (steadier when
  other work shares the machine);
* ``scan``: seconds per keystroke for a bare ``[i for i, h in enumerate(hay) if w in h]``
  over the same texts (the floor for filtering in Python);
* ``rows`` and ``rss_kb`` (peak resident memory of this process).

Usage: QT_QPA_PLATFORM=offscreen python bench/gui_probe.py ARCHIVE [--tries 3]
"""

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from cold_start import peak_rss_kb
from PySide6.QtWidgets import QApplication
from sqlalchemy.dialects import sqlite

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.sections import make_sections
from powmia_desktop.services.cases import case_list_query

#: What a person types into the filter, one keystroke at a time (the field is cleared between).
TYPED = ["johnson", "cpl", "7th cav", "nov 1950", "camp 5", "pow", "ra1100052", "tx",
         "sgt 24th", "kowalski"]  # fmt: skip


def keystrokes(limit: int = 50) -> list[str]:
    """The successive texts of the filter field as the words above are typed."""
    texts: list[str] = []
    while sum(1 for t in texts if t) < limit:
        for word in TYPED:
            texts += [word[: n + 1] for n in range(len(word))] + [""]
    typed = 0
    for n, text in enumerate(texts):
        typed += bool(text)
        if typed == limit:
            return texts[: n + 1]
    return texts


def raw_fetch(path: Path) -> float:
    sql = str(
        case_list_query().compile(
            dialect=sqlite.dialect(),
            compile_kwargs={"literal_binds": True, "render_postcompile": True},
        )
    )
    connection = sqlite3.connect(path)
    try:
        start = time.perf_counter()
        connection.execute(sql).fetchall()
        return time.perf_counter() - start
    finally:
        connection.close()


def settle(app: QApplication, page: ListPage, timeout: float = 60.0) -> float:
    """Process events until the page's filter index is built; the seconds it took."""
    start = time.perf_counter()
    model = page.model
    while not getattr(model, "filter_ready", True) and time.perf_counter() - start < timeout:
        app.processEvents()
    app.processEvents()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--tries", type=int, default=3)
    args = parser.parse_args()
    app = QApplication([sys.argv[0]])
    archive = Archive.open(location_for_path(args.archive))
    page = make_sections()[0].page
    page.resize(1100, 760)
    page.show()
    app.processEvents()
    result: dict[str, Any] = {"list_ready": [], "list_cpu": [], "raw_fetch": []}
    for _ in range(args.tries):
        start, cpu = time.perf_counter(), time.thread_time()
        with archive.reader() as session:
            page.reload(session)
        app.processEvents()
        result["list_ready"].append(time.perf_counter() - start)
        result["list_cpu"].append(time.thread_time() - cpu)
        result["raw_fetch"].append(raw_fetch(args.archive))
        result["filter_ready"] = settle(app, page)
    result["rows"] = page.model.total_count

    timings, cpu_times, shown = [], [], []
    for text in keystrokes():
        start, cpu = time.perf_counter(), time.thread_time()
        page.filter_edit.setText(text)
        app.processEvents()
        if text:
            timings.append(time.perf_counter() - start)
            cpu_times.append(time.thread_time() - cpu)
            shown.append(page.model.rowCount())
    result["keystrokes"], result["keystrokes_cpu"], result["shown"] = timings, cpu_times, shown

    page.filter_edit.clear()
    app.processEvents()
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    hay = [page._haystack(r).casefold() for r in rows]  # the texts the filter searches
    scans = []
    for text in keystrokes():
        if text:
            start = time.perf_counter()
            word = text.split()[0]
            _ = [i for i, h in enumerate(hay) if word in h]
            scans.append(time.perf_counter() - start)
    result["scan"] = scans
    archive.close()
    result["rss_kb"] = peak_rss_kb()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
