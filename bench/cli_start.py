"""How fast ``powmia`` answers at the terminal, beside a bare ``python -c pass`` of the same run.

Four commands, each run as a person runs them (the installed console script, a new process
each time) on an archive holding the demo case: ``--version``, ``--help``, ``list cases
--json`` and ``summary`` of the demo case to a PDF. Each row gives the median wall time, its
ratio to the bare interpreter start, the process's CPU time, and the target of issue 14
(0.15 s, 0.15 s, 0.4 s, 0.8 s).

An installed program starts from compiled bytecode (pip compiles it on install), while an
editable install under ``PYTHONDONTWRITEBYTECODE`` would compile every module of the project
on every start. So the commands run with a bytecode cache of their own (PYTHONPYCACHEPREFIX
in the bench's folder), each command once untimed to fill it.

Run by bench/run.py (``--only cli``) or alone: python bench/cli_start.py [--tries N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from table import Row, print_table

#: The powmia console script beside this interpreter (else the module, which starts alike).
_SCRIPT = shutil.which("powmia", path=str(Path(sys.executable).parent))
POWMIA = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "powmia_desktop.cli"]


@dataclass
class Timing:
    wall: list[float]
    cpu: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def _env(home: Path) -> dict[str, str]:
    """Data, log and config folders of its own (never the user's), and a bytecode cache."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "bytecode")
    return env


def _time(command: list[str], env: dict[str, str], tries: int) -> Timing:
    """Median-ready wall and CPU times of ``command``, a new process each try."""
    timing = Timing([], [])
    for _ in range(tries):
        start = time.perf_counter()
        child = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, status, usage = os.wait4(child.pid, 0)
        timing.wall.append(time.perf_counter() - start)
        child.returncode = os.waitstatus_to_exitcode(status)
        assert child.stderr is not None
        error = child.stderr.read().decode(errors="replace").strip()
        child.stderr.close()
        if child.returncode != 0:
            raise RuntimeError(f"{' '.join(command[-3:])}: exit {child.returncode}: {error}")
        timing.cpu.append(usage.ru_utime + usage.ru_stime)
    return timing


def _demo_case_id(archive: Path, env: dict[str, str]) -> int:
    listed = subprocess.run(
        [*POWMIA, "--db", str(archive), "list", "cases", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    ids = [row["id"] for row in json.loads(listed.stdout) if row["name"].startswith("Dumas")]
    return int(ids[0])


def cli_rows(folder: Path, tries: int) -> list[Row]:
    """The four ``powmia`` start figures of issue 14, each beside a bare Python start."""
    tries = max(tries, 5)  # short runs: a few more tries cost little and steady the median
    home = folder / "cli-home"
    home.mkdir(exist_ok=True)
    env = _env(home)
    archive = folder / "cli-demo.sqlite"
    if not archive.exists():
        subprocess.run(
            [*POWMIA, "--db", str(archive), "demo"], env=env, check=True, capture_output=True
        )
    case_id = _demo_case_id(archive, env)
    pdf = folder / "cli-summary.pdf"
    bare = _time([sys.executable, "-c", "pass"], env, tries)
    db = ["--db", str(archive)]
    commands = [
        ("cli_version", "powmia --version", [*POWMIA, "--version"]),
        ("cli_help", "powmia --help", [*POWMIA, "--help"]),
        ("cli_list", "powmia list cases --json (demo)", [*POWMIA, *db, "list", "cases", "--json"]),
        (
            "cli_summary",
            "powmia summary of the demo case (PDF)",
            [*POWMIA, *db, "summary", str(case_id), "--out", str(pdf), "--force"],
        ),
    ]
    rows = []
    for key, what, command in commands:
        try:
            _time(command, env, 1)  # fills the bytecode cache
            timing = _time(command, env, tries)
        except RuntimeError as error:
            rows.append(Row(key, what, None, "s", note=f"failed: {error}"))
            continue
        rows.append(
            Row(
                key,
                what,
                timing.median,
                "s",
                bare.median,
                "python -c pass",
                f"median of {tries}, new process each, bytecode cached",
                timing.median_cpu,
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="powmia-cli-bench-") as folder:
        rows = cli_rows(Path(folder), args.tries)
    print_table(rows, f"powmia start times; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
