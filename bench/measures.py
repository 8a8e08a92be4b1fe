"""The benchmark's measurements that need no window: import, search, summaries, packet.

Each returns rows for bench/run.py's table; a measurement whose helper is missing (another
engineer's bench script not there yet) comes back as a row with a note instead of a figure.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import select, text
from table import Row

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services.search import fts_query, search

HERE = Path(__file__).resolve().parent
#: Cases in the timed briefing packet (fewer when the archive has fewer).
PACKET_CASES = 50

#: Fifty things a person searches for: names, places, camps, units, words every record has.
QUERIES = [
    "smith", "kowalski", "dumas", "roger dumas", "johnson william", "nakamura", "okafor",
    "chosin", "unsan", "kunu-ri", "pork chop", "heartbreak ridge", "outpost harry", "yalu",
    "camp 5", "pyoktong", "death valley", "tiger death march", "bean camp", "the caves",
    "7th cavalry", "19th infantry", "1st marine division", "19th bomb group", "uss leyte",
    "missing", "army", "letter", "family", "presumptive finding", "public law 490",
    "returned pow", "remains", "dna sample", "mitochondrial", "nephew", "casualty office",
    "ra11000523", "us11000042", "kow", "yal", "chip", "hoeng", "naktong river",
    "overrun", "bail out", "winter of 1950", "national archives", "big switch", "k208",
]  # fmt: skip


def _load(name: str) -> ModuleType | None:
    """Another bench script as a module, or None when it is not there (yet)."""
    path = HERE / f"{name}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_rows(cases: int, folder: Path) -> list[Row]:
    what = f"list import of {cases:,} rows (new archive)"
    try:
        bench = _load("import_bench")
        if bench is None:
            return [Row("import", what, None, "s", note="skipped: bench/import_bench.py absent")]
        csv_path = folder / "import-list.csv"
        raw_db, target = folder / "import-raw.sqlite", folder / "import-archive.sqlite"
        floor_db = folder / "import-floor.sqlite"
        for leftover in (raw_db, target, floor_db):
            leftover.unlink(missing_ok=True)
        bench.make_list(csv_path, cases)
        raw = bench.raw_sqlite(csv_path, raw_db)
        with Archive.open(location_for_path(target), create=True) as archive:
            seconds, _summary = bench.list_import(csv_path, archive)
        written = bench.archive_rows(target)
        floor = bench.raw_sqlite_archive(written, floor_db, fts_at_once=True)
        for leftover in [csv_path, *folder.glob("import-*.sqlite*")]:
            leftover.unlink(missing_ok=True)
    except Exception as error:  # another engineer's script, changing as we run
        return [Row("import", what, None, "s", note=f"skipped: import_bench failed: {error!r}")]
    return [
        Row(
            "import",
            what,
            seconds,
            "s",
            floor,
            "raw sqlite3 into the archive's tables",
            f"{seconds / floor:.1f}x that; {seconds / raw:.0f}x raw sqlite3 into a plain "
            f"table ({raw:.2f} s)",
        )
    ]


def search_rows(path: Path) -> list[Row]:
    with Archive.open(location_for_path(path)) as archive, archive.reader() as session:
        for query in QUERIES:  # a warm-up pass: first-use costs are not what we measure
            search(session, query)
        timings, cpu, floor, hits = [], [], [], []
        for query in QUERIES:
            start, used = time.perf_counter(), time.process_time()
            results = search(session, query)
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - used)
            hits.append(results.total)
            start = time.perf_counter()
            session.execute(
                text("SELECT rowid FROM search_index WHERE search_index MATCH :m LIMIT 1200"),
                {"m": fts_query(query)},
            ).all()
            floor.append(time.perf_counter() - start)
    slowest = max(range(len(QUERIES)), key=timings.__getitem__)
    return [
        Row(
            "search",
            f"full-text search (median of {len(QUERIES)} queries)",
            statistics.median(timings),
            "s",
            statistics.median(floor),
            "unranked FTS5 match",
            f"slowest '{QUERIES[slowest]}' {timings[slowest] * 1000:.0f} ms; "
            f"{statistics.median(hits):.0f} hits shown (median)",
            statistics.median(cpu),
        )
    ]


def _bare_text(view: Any) -> list[str]:
    """The words a summary prints, as plain paragraphs (as bench/reports_bench.py does)."""
    lines = [view.name, view.unit, view.loss_date, view.loss_place, view.circumstances]
    lines += [f"{c.date} {c.status} {c.authority}" for c in view.status_history]
    lines += [f"{c.fact}: {c.value} ({c.status})" for c in view.claims]
    lines += [view.summary]
    return [line for line in lines if line]


def _bare_pdf(view: Any) -> int:
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    doc = SimpleDocTemplate(BytesIO())
    doc.build([Paragraph(escape(line), style) for line in _bare_text(view)])
    return int(doc.page)


def _timed(fn: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def report_rows(path: Path, count: int) -> list[Row]:
    from powmia_desktop.reports.packet import render_packet
    from powmia_desktop.reports.summary import render_case_summary
    from powmia_desktop.services import packets
    from powmia_desktop.services.audience import RedactionLog, case_views

    with Archive.open(location_for_path(path)) as archive, archive.reader() as session:
        ids = list(session.scalars(select(Serviceman.id).order_by(Serviceman.id).limit(count)))
        officials = packets.find_audience(session, "officials")
        views: list[Any] = []

        def summaries() -> int:
            views[:] = case_views(session, ids, officials, RedactionLog())
            return sum(render_case_summary(v, officials).pages for v in views)

        pages, seconds = _timed(summaries)
        bare_pages, bare_seconds = _timed(lambda: sum(_bare_pdf(v) for v in views))
        request = packets.PacketRequest(
            packets.default_template(), officials, case_ids=tuple(ids[:PACKET_CASES])
        )
        packet_pages, packet_seconds = _timed(
            lambda: render_packet(packets.gather_packet(session, request)).pages
        )
    return [
        Row(
            "summaries",
            f"case summaries, {len(ids):,} cases, one PDF each (read + lay out)",
            pages / seconds,
            "pages/s",
            bare_pages / bare_seconds,
            "bare ReportLab, same text",
            f"{pages:,} pages in {seconds:.1f} s; bare: {bare_pages:,} pages in "
            f"{bare_seconds:.1f} s",
        ),
        Row(
            "packet",
            f"{len(ids[:PACKET_CASES])}-case briefing packet ({packet_pages} pages)",
            packet_seconds,
            "s",
        ),
    ]
