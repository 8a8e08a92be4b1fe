"""The same archive on a PostgreSQL server beside the SQLite file, in the same run.

Starts a throw-away server (tests/helpers/pg_server.py: initdb/pg_ctl on a free port),
copies the bench archive up with ``copy_records`` and back into a new file (each hop
verified table by table: count and SHA-256 in uid order), then measures on both engines:
the Cases list read, full-text search, a list import and a briefing packet; and two desks
saving different cases at once on the server for ``desk_seconds``: saves per second and
lost updates (every save must be there, and logged, at the end).
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from table import Row

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.pg_server import start_server, stop_server, why_no_server  # noqa: E402

from powmia_desktop.db.archive import Archive  # noqa: E402
from powmia_desktop.db.location import ArchiveLocation, location_for_path  # noqa: E402
from powmia_desktop.db.models import ChangeLogEntry, Serviceman  # noqa: E402
from powmia_desktop.services import cases as case_service  # noqa: E402
from powmia_desktop.services.copying import copy_records, table_digests  # noqa: E402
from powmia_desktop.services.search import search  # noqa: E402

KEYS = (
    "server_copy_up",
    "server_copy_down",
    "server_list",
    "server_search",
    "server_import",
    "server_packet",
    "server_desks",
)


def _skipped(note: str) -> list[Row]:
    return [Row(key, key.replace("_", " "), None, "s", note=note) for key in KEYS]


def server_rows(archive_path: Path, folder: Path, cases: int, desk_seconds: float) -> list[Row]:
    reason = why_no_server()
    if reason:
        return _skipped(f"skipped: {reason}")
    server = start_server()
    try:
        return _measure(server, archive_path, folder, cases, desk_seconds)
    finally:
        stop_server(server)


def _open_new(server: Any, name: str) -> Archive:
    url = server.create_database(name)
    return Archive.open(ArchiveLocation(make_url(url), None), create=True)


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def copy_round_trip(
    file_archive: Archive, server_archive: Archive, back_path: Path
) -> tuple[Row, Row, bool]:
    """The file copied up into the empty server archive and down into a new file at
    ``back_path``, each leg timed (``copy_records`` verifies each before it commits); then
    the file and the copy brought back compared table by table. The two rows, and whether
    every table came back the same."""
    for leftover in back_path.parent.glob(f"{back_path.name}*"):
        leftover.unlink()
    up, up_s, up_cpu = _timed_cpu(lambda: copy_records(file_archive, server_archive))
    with Archive.open(location_for_path(back_path), create=True) as back:
        down, down_s, down_cpu = _timed_cpu(lambda: copy_records(server_archive, back))
        with file_archive.engine.connect() as a, back.engine.connect() as b:
            theirs, ours = table_digests(a), table_digests(b)
    for leftover in back_path.parent.glob(f"{back_path.name}*"):
        leftover.unlink()
    same = theirs == ours
    differ = ", ".join(x.table for x, y in zip(theirs, ours, strict=True) if x != y)
    rows = (
        Row(
            "server_copy_up",
            f"powmia copy SQLite -> PostgreSQL, {up.rows:,} rows",
            up_s,
            "s",
            note=f"{up.rows / up_s:,.0f} rows/s; verified: count and SHA-256 of every table",
            cpu=up_cpu,
        ),
        Row(
            "server_copy_down",
            f"powmia copy PostgreSQL -> SQLite, {down.rows:,} rows",
            down_s,
            "s",
            note=f"{down.rows / down_s:,.0f} rows/s; back in a new file, count and SHA-256: "
            + ("every table the same" if same else f"tables DIFFERENT: {differ}"),
            cpu=down_cpu,
        ),
    )
    return rows[0], rows[1], same


def _timed_cpu(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    cpu = time.process_time()
    result, seconds = _timed(fn)
    return result, seconds, time.process_time() - cpu


def _measure(
    server: Any, archive_path: Path, folder: Path, cases: int, desk_seconds: float
) -> list[Row]:
    with (
        Archive.open(location_for_path(archive_path)) as file_archive,
        _open_new(server, "bench") as server_archive,
    ):
        back_path = folder / "server-roundtrip.sqlite"
        up, down, _ = copy_round_trip(file_archive, server_archive, back_path)
        rows: list[Row] = [up, down]
        both = (server_archive, file_archive)
        listed = [_median(lambda a=a: _list(a)) for a in both]  # type: ignore[misc]
        rows.append(_pair("server_list", f"read the Cases list of {cases:,}", listed))
        searched = [_search(a) for a in both]
        rows.append(_pair("server_search", "full-text search (median of 12 queries)", searched))
        packets = [_packet(a) for a in both]
        rows.append(_pair("server_packet", "50-case briefing packet", packets))
        rows.append(_import_row(server, folder, min(cases, 20_000)))
        rows.append(_desks(server_archive, desk_seconds))
    return rows


def _pair(key: str, what: str, values: list[float]) -> Row:
    server, file = values
    return Row(
        key,
        f"{what}, on the server",
        server,
        "s",
        file,
        "the same on the SQLite file",
        f"{server / file:.1f}x the file" if file else "",
    )


def _median(fn: Callable[[], Any], tries: int = 3) -> float:
    return statistics.median(_timed(fn)[1] for _ in range(tries))


def _list(archive: Archive) -> int:
    with archive.reader() as session:
        return len(case_service.list_cases(session))


QUERIES = [
    "yalu",
    "camp 5",
    "pyoktong",
    "smith",
    "chosin reservoir",
    "kunu-ri",
    "pow",
    "mia",
    "24th infantry",
    "hill",
    "ohio",
    "sgt",
]


def _search(archive: Archive) -> float:
    with archive.reader() as session:
        for query in QUERIES:
            search(session, query)  # warm-up
        return statistics.median(_timed(lambda q=q: search(session, q))[1] for q in QUERIES)  # type: ignore[misc]


def _packet(archive: Archive) -> float:
    from powmia_desktop.reports.packet import render_packet
    from powmia_desktop.services import packets

    with archive.reader() as session:
        ids = list(session.scalars(select(Serviceman.id).order_by(Serviceman.id).limit(50)))
        officials = packets.find_audience(session, "officials")
        request = packets.PacketRequest(packets.default_template(), officials, case_ids=tuple(ids))
        return _timed(lambda: render_packet(packets.gather_packet(session, request)))[1]


def _import_row(server: Any, folder: Path, count: int) -> Row:
    import import_bench

    csv_path = folder / "server-import.csv"
    import_bench.make_list(csv_path, count)
    with _open_new(server, "import_target") as target:
        seconds, _ = import_bench.list_import(csv_path, target)
    file_path = folder / "server-import.sqlite"
    file_path.unlink(missing_ok=True)
    with Archive.open(location_for_path(file_path), create=True) as target:
        file_seconds, _ = import_bench.list_import(csv_path, target)
    for leftover in [csv_path, *folder.glob("server-import.sqlite*")]:
        leftover.unlink(missing_ok=True)
    return _pair("server_import", f"list import of {count:,} rows", [seconds, file_seconds])


def _desks(archive: Archive, seconds: float) -> Row:
    """Two desks (own Archive each) saving different cases as fast as they can."""
    with archive.reader() as session:
        ids = list(session.scalars(select(Serviceman.id).order_by(Serviceman.id).limit(2)))
    saves = [0, 0]
    errors: list[BaseException] = []
    stop = time.perf_counter() + seconds

    def desk(n: int) -> None:
        try:
            with Archive.open(archive.location) as mine:
                while time.perf_counter() < stop:
                    with mine.session() as session:
                        case = session.get(Serviceman, ids[n])
                        assert case is not None
                        case_service.update_case(
                            session,
                            ids[n],
                            expected_version=case.row_version,
                            notes=f"desk {n} save {saves[n] + 1}",
                        )
                    saves[n] += 1
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=desk, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lost = 0
    with archive.reader() as session:
        for n, case_id in enumerate(ids):
            case = session.get(Serviceman, case_id)
            if case is None or case.notes != f"desk {n} save {saves[n]}":
                lost += 1
            logged = session.scalar(
                select(func.count()).where(
                    ChangeLogEntry.table_name == "serviceman",
                    ChangeLogEntry.record_id == case_id,
                    ChangeLogEntry.field == "notes",
                )
            )
            lost += max(0, saves[n] - int(logged or 0))
    total = sum(saves)
    return Row(
        "server_desks",
        f"two desks saving different cases for {seconds:.0f} s",
        total / seconds,
        "saves/s",
        note=f"{total:,} saves, {lost} lost updates"
        + (f"; errors: {errors[0]!r}" if errors else ""),
    )
