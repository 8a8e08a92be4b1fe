"""bench/crossref_bench.py runs end to end on a small list (no timings asserted)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_crossref_bench_reports_every_measure() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "crossref_bench.py"),
            "--rows",
            "400",
            "--repeat",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for what in (
        "list of lists",
        "rows as printed (roster)",
        "review queue",
        "roster: latest edition vs previous",
        "roster against LSA",
        "LSA carried as presumed dead",
        "a case's Appears on",
    ):
        assert any(line.startswith(what) for line in lines), (what, done.stdout)
    edition = next(line for line in lines if line.startswith("roster: latest"))
    assert "added 8" in edition and "left" in edition
