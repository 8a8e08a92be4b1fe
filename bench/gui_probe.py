"""The Cases list at scale, timed in its own process (offscreen Qt): open, then filter.

Each try empties the list page first, so it reads the list as when the window opens (the
first screen, then every row), reusing no rows read before. Prints one JSON object:

* ``list_ready``: seconds from asking the page to reload until the first screen is in its
  model and painted (``reload`` + ``processEvents``), per try; ``first_rows`` how many
  rows that first screen held;
* ``all_loaded``: seconds from the same start until the model holds every row, with the
  filter's texts and the sort prepared (the rows are read on a thread of their own while
  the event loop runs), per try; ``all_loaded_cpu`` the CPU seconds of the whole process
  meanwhile (both threads);
* ``raw_fetch``: seconds for the list's whole query (as ``powmia list`` orders it) run
  through plain ``sqlite3`` and fetched into tuples, per try (the floor for reading every
  row: no model, no view); ``raw_first``: the same for the first screen's query;
* ``filter_ready``: seconds after every row arrived until the filter's text index was
  built (0 when it came prepared with the rows);
* ``keystrokes``: seconds per keystroke typed into the filter field (filter + repaint);
* ``list_cpu``, ``keystrokes_cpu``: the same in CPU seconds of this thread (steadier when
  other work shares the machine);
* ``scan``: seconds per keystroke for a bare ``[i for i, h in enumerate(hay) if w in h]``
  over the same texts (the floor for filtering in Python);
* ``rows`` and ``rss_kb`` (peak resident memory of this process).

``--section timeline`` measures the Timeline list (every event) instead of the Cases list.

Usage: QT_QPA_PLATFORM=offscreen python bench/gui_probe.py ARCHIVE [--tries 3] [--section S]
"""

import argparse
import gc
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
from powmia_desktop.gui.list_page import FIRST_SCREEN, ListPage
from powmia_desktop.gui.sections import make_sections
from powmia_desktop.services.cases import case_list_query

#: The Timeline list's whole query as ``powmia list events`` orders it, and its first screen.
EVENTS_SQL = (
    "SELECT id, date, date_sort, title, category, place_text FROM timeline_event "
    "ORDER BY date_sort IS NULL, date_sort, id"
)
EVENTS_FIRST_SQL = (
    "SELECT id, date, date_sort, title, category, place_text FROM timeline_event "
    f"WHERE date_sort IS NOT NULL ORDER BY date_sort, id LIMIT {FIRST_SCREEN}"
)

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


def cases_sql(limit: int | None = None) -> str:
    query = case_list_query()
    if limit is not None:  # the first screen walks the surname index (list_cases(limit=...))
        sm = query.selected_columns
        query = query.order_by(None).order_by(sm[1], sm[2], sm[0]).limit(limit)
    return str(
        query.compile(
            dialect=sqlite.dialect(),
            compile_kwargs={"literal_binds": True, "render_postcompile": True},
        )
    )


def raw_fetch(path: Path, sql: str) -> float:
    connection = sqlite3.connect(path)
    try:
        start = time.perf_counter()
        connection.execute(sql).fetchall()
        return time.perf_counter() - start
    finally:
        connection.close()


def settle(app: QApplication, page: ListPage[Any], timeout: float = 60.0) -> float:
    """Process events until the page's filter index is built; the seconds it took."""
    start = time.perf_counter()
    model = page.model
    while not getattr(model, "filter_ready", True) and time.perf_counter() - start < timeout:
        app.processEvents()
    app.processEvents()
    return time.perf_counter() - start


def new_page(app: QApplication, section: str) -> ListPage[Any]:
    page = next(s.page for s in make_sections() if s.key == section)
    page.resize(1100, 760)
    page.show()
    app.processEvents()
    return page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--tries", type=int, default=3)
    parser.add_argument("--section", choices=("cases", "timeline"), default="cases")
    args = parser.parse_args()
    app = QApplication([sys.argv[0]])
    archive = Archive.open(location_for_path(args.archive))
    if args.section == "cases":
        whole_sql, first_sql = cases_sql(), cases_sql(FIRST_SCREEN)
    else:
        whole_sql, first_sql = EVENTS_SQL, EVENTS_FIRST_SQL
    result: dict[str, Any] = {
        "section": args.section,
        "list_ready": [],
        "list_cpu": [],
        "all_loaded": [],
        "all_loaded_cpu": [],
        "raw_fetch": [],
        "raw_first": [],
        "filter_ready": [],
    }
    page: ListPage[Any] | None = None
    for _ in range(args.tries):
        if page is None:
            page = new_page(app, args.section)
        else:  # emptied: the next reload reads it as a list never shown before
            page.model.set_rows([], lambda row: "")
            app.processEvents()
            gc.collect()
        start, cpu, process_cpu = time.perf_counter(), time.thread_time(), time.process_time()
        with archive.reader() as session:
            page.reload(session)
        app.processEvents()
        result["list_ready"].append(time.perf_counter() - start)
        result["list_cpu"].append(time.thread_time() - cpu)
        result["first_rows"] = page.model.total_count
        while page.loading and time.perf_counter() - start < 300:
            app.processEvents()
            time.sleep(0.001)  # the reading thread does the work; the GUI only waits
        app.processEvents()
        result["all_loaded"].append(time.perf_counter() - start)
        result["all_loaded_cpu"].append(time.process_time() - process_cpu)
        result["filter_ready"].append(settle(app, page))
        result["raw_fetch"].append(raw_fetch(args.archive, whole_sql))
        result["raw_first"].append(raw_fetch(args.archive, first_sql))
    assert page is not None
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
    page.wait_loaded()
    archive.close()
    result["rss_kb"] = peak_rss_kb()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
