"""How fast powmia-desktop is at the scale of the whole war, beside baselines and targets.

Generates an archive of N cases (bench/generate.py: 5 events each, contacts, meetings,
citations), then measures, each next to a baseline taken in the same run on the same data:

* a list import of N rows vs raw sqlite3 ``executemany`` (bench/import_bench.py, if present);
* opening the Cases list, first screen in the model and painted (offscreen Qt, own
  process), and every row loaded with the filter ready, vs fetching the whole list with
  plain sqlite3; the same for the Timeline list (5 events a case);
* filter-as-you-type on the list, median of 50 keystrokes, vs a bare Python substring scan;
* full-text search, median of 50 queries, vs unranked FTS5 matching;
* case summaries for 2,000 cases (pages/s) vs bare ReportLab of the same text; a 50-case
  packet;
* cold start of ``powmia-desktop`` to a painted window on the archive, and peak RSS;
* ``powmia --version``, ``--help``, ``list cases --json`` and ``summary`` on the demo case,
  each vs a bare ``python -c pass`` (bench/cli_start.py);
* the archive on a PostgreSQL server started for the run (bench/server_bench.py): copied
  up and back with its time, the list, search, import and packet beside the file's, and
  two desks saving at once (saves/s, lost updates).

Usage: python bench/run.py [--cases 100000] [--json] [--keep DIR] [--only STEPS] [--tries N]
                           [--desk-seconds 60]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

from cli_start import cli_rows  # noqa: E402
from generate import generate  # noqa: E402
from measures import import_rows, report_rows, search_rows  # noqa: E402
from server_bench import server_rows  # noqa: E402
from table import Row, print_table  # noqa: E402


def _child_env(home: Path) -> dict[str, str]:
    """Offscreen Qt, and settings/data folders of its own (never the user's)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    return env


def _probe(archive: Path, home: Path, tries: int, section: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(HERE / "gui_probe.py"),
            str(archive),
            "--tries",
            str(tries),
            "--section",
            section,
        ],
        env=_child_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )


def gui_rows(archive: Path, home: Path, tries: int) -> list[Row]:
    """The Cases list: first paint, every case loaded, a filter keystroke; the Timeline's."""
    return [
        *_list_rows(archive, home, tries, "cases", ("list", "list_all", "filter")),
        *_list_rows(
            archive, home, tries, "timeline", ("timeline", "timeline_all", "timeline_filter")
        ),
    ]


def _list_rows(
    archive: Path, home: Path, tries: int, section: str, keys: tuple[str, str, str]
) -> list[Row]:
    """One section's list (probed in its own process): three rows, plus the probe's RSS."""
    title = section.capitalize()
    filter_title = "filter keystroke" if section == "cases" else f"{title} filter keystroke"
    done = _probe(archive, home, tries, section)
    if done.returncode != 0:
        note = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [
            Row(keys[0], f"open the {title} list", None, "s", note=f"probe failed: {note}"),
            Row(keys[1], "all rows loaded", None, "s", note="probe failed"),
            Row(keys[2], f"{filter_title} (median of 50)", None, "s", note="probe failed"),
        ]
    data = json.loads(done.stdout.strip().splitlines()[-1])
    rows, strokes = data["rows"], data["keystrokes"]
    tries_note = f"median of {len(data['list_ready'])}"
    first_note = f"{tries_note}; first screen of {data['first_rows']:,} rows"
    if section == "cases":
        first_note += (
            f" (its sqlite3 fetch {statistics.median(data['raw_first']) * 1000:.0f} ms), "
            "the rest read on a thread"
        )
    whole = statistics.median(data["raw_fetch"]), "sqlite3 fetch of the whole list"
    listed = [
        Row(
            keys[0],
            f"open the {title} list of {rows:,} (model + first paint)",
            statistics.median(data["list_ready"]),
            "s",
            *whole,
            first_note,
            statistics.median(data["list_cpu"]),
        ),
        Row(
            keys[1],
            f"{title} list: all {rows:,} rows loaded (filter ready)",
            statistics.median(data["all_loaded"]),
            "s",
            *whole,
            f"{tries_note}, from the same start; cpu of both threads",
            statistics.median(data["all_loaded_cpu"]),
        ),
        Row(
            keys[2],
            f"{filter_title} (median of {len(strokes)})",
            statistics.median(strokes),
            "s",
            statistics.median(data["scan"]),
            "Python substring scan",
            f"slowest {max(strokes) * 1000:.0f} ms",
            statistics.median(data["keystrokes_cpu"]),
        ),
    ]
    if section == "cases":
        listed.append(Row("probe_rss", "peak RSS, list probe process", data["rss_kb"] / 1024, "MB"))
    return listed


def cold_start_rows(archive: Path, home: Path, tries: int) -> list[Row]:
    times: list[float] = []
    cpu: list[float] = []
    peak = 0
    failure = ""
    for _ in range(tries):
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(HERE / "cold_start.py"), str(archive)],
            env=_child_env(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        shown = time.perf_counter() - start
        rest = child.stdout.read().split()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if line.strip() != "shown" or child.returncode != 0:
            failure = f"exit {child.returncode}"
            break
        times.append(shown)
        cpu.append(usage.ru_utime + usage.ru_stime)
        peak = max(peak, int(rest[1]) if rest[:1] == ["rss_kb"] else 0)
    if not times:
        return [
            Row("cold_start", "cold start", None, "s", note=f"failed: {failure}"),
            Row("rss", "peak RSS", None, "MB", note="failed"),
        ]
    return [
        Row(
            "cold_start",
            "cold start of powmia-desktop to a painted window",
            statistics.median(times),
            "s",
            note=f"median of {len(times)}, new process each",
            cpu=statistics.median(cpu),
        ),
        Row("rss", "peak RSS of powmia-desktop on the archive", peak / 1024, "MB"),
    ]


def run(
    cases: int,
    folder: Path,
    *,
    tries: int,
    say: Callable[[str], None],
    only: frozenset[str] = frozenset(),
    desk_seconds: float = 60.0,
) -> dict[str, Any]:
    archive = folder / f"bench-{cases}.sqlite"
    rows: list[Row] = []
    if archive.exists():
        say(f"reusing {archive}")
    else:
        say(f"generating {cases:,} cases into {archive}")
        made = generate(archive, cases, progress=lambda m: say(f"  {m}"))
        rows.append(
            Row(
                "generate",
                f"generate the archive ({made.total_rows:,} rows, FTS triggers on)",
                made.seconds,
                "s",
            )
        )
    home = folder / "home"
    home.mkdir(exist_ok=True)
    steps: list[tuple[str, Callable[[], list[Row]]]] = [
        ("import", lambda: import_rows(cases, folder)),
        ("list", lambda: gui_rows(archive, home, tries)),
        ("search", lambda: search_rows(archive)),
        ("reports", lambda: report_rows(archive, min(cases, 2000))),
        ("cold_start", lambda: cold_start_rows(archive, home, tries)),
        ("cli", lambda: cli_rows(folder, tries)),
        ("server", lambda: server_rows(archive, folder, cases, desk_seconds)),
    ]
    load = os.getloadavg()
    for name, step in steps:
        if only and name not in only:
            continue
        say(name)
        rows += step()
    return {
        "load_average": {"start": load[0], "end": os.getloadavg()[0]},
        "cases": cases,
        "events": cases * 5,
        "archive": str(archive),
        "machine": {
            "python": platform.python_version(),
            "system": platform.platform(),
            "cores": os.cpu_count(),
        },
        "rows": [r.as_json() for r in rows],
        "table": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep (and reuse) files here")
    parser.add_argument("--tries", type=int, default=3, help="tries of list open/cold start")
    parser.add_argument(
        "--only",
        default="",
        metavar="STEPS",
        help="comma-separated steps to run: import,list,search,reports,cold_start,cli,server (all)",
    )
    parser.add_argument(
        "--desk-seconds",
        type=float,
        default=60.0,
        help="how long two desks save at once on the server (default 60)",
    )
    args = parser.parse_args(argv)

    only = frozenset(filter(None, args.only.split(",")))

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        result = run(
            args.cases, args.keep, tries=args.tries, say=say, only=only,
            desk_seconds=args.desk_seconds,
        )  # fmt: skip
    else:
        with tempfile.TemporaryDirectory(prefix="powmia-bench-") as folder:
            result = run(
                args.cases, Path(folder), tries=args.tries, say=say, only=only,
                desk_seconds=args.desk_seconds,
            )  # fmt: skip
    table: list[Row] = result.pop("table")
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        load = result["load_average"]
        print_table(table, f"powmia-desktop benchmark: {args.cases:,} cases, "
                    f"{args.cases * 5:,} events; Python {platform.python_version()}, "
                    f"{os.cpu_count()} cores, load average {load['start']:.1f} at the "
                    f"start, {load['end']:.1f} at the end")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
