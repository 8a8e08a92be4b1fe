"""The speed benchmark (bench/run.py) runs end to end on a small archive.

A smoke test only: it checks that every measurement produces its row, that ``--json`` is
valid JSON and that the table prints every row; it asserts no timings (those are for
``./dev bench`` at the real scale).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"

#: Every row bench/run.py reports (import is skipped with a note when its helper is absent).
KEYS = {
    "generate",
    "import",
    "list",
    "list_all",
    "filter",
    "probe_rss",
    "timeline",
    "timeline_all",
    "timeline_filter",
    "search",
    "summaries",
    "packet",
    "cold_start",
    "rss",
    "cli_version",
    "cli_help",
    "cli_list",
    "cli_summary",
    # bench/server_bench.py: the archive on a PostgreSQL server started for the run
    "server_copy_up",
    "server_copy_down",
    "server_list",
    "server_search",
    "server_import",
    "server_packet",
    "server_desks",
}


@pytest.mark.slow
def test_benchmark_runs_and_reports_every_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--cases", "20", "--tries", "1", "--json",
         "--keep", str(tmp_path), "--desk-seconds", "2"],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["cases"] == 20 and (tmp_path / "bench-20.sqlite").exists()
    rows = {row["key"]: row for row in result["rows"]}
    assert set(rows) == KEYS
    for key, row in rows.items():
        if (key == "import" or key.startswith("server")) and row["value"] is None:
            assert row["note"].startswith("skipped"), row
            continue
        assert row["value"] is not None and row["value"] > 0, row
        assert row["met"] in (True, False, None)
        if key == "server_copy_down":
            assert row["note"].endswith("every table the same"), row
        if key == "server_desks":
            assert row["note"].endswith(" 0 lost updates"), row

    sys.path.insert(0, str(BENCH))
    try:
        from table import Row, print_table

        fields = [{k: v for k, v in r.items() if k not in ("target", "met")} for r in rows.values()]
        capsys.readouterr()
        print_table([Row(**f) for f in fields], "smoke")
        table = capsys.readouterr().out
    finally:
        sys.path.remove(str(BENCH))
    for row in rows.values():
        assert row["what"] in table
    assert "< 300 ms" in table and "<= 3x baseline" in table
