"""A briefing packet run killed with SIGKILL at random moments leaves nothing half done.

``powmia packet`` builds the demo's packet (for a DPAA analyst) in a separate process and
is killed at a random moment between 0.05 s and the time a whole run takes, until 10 runs
have been stopped mid-way (a run that finished first moves the next kills earlier: how fast
the machine is on the day decides how many tries it takes, never whether the test passes).
After each kill: SQLite's integrity check passes; the packet file is either absent or a
whole PDF (it is written under a temporary name and renamed); at most one more packet run
is logged, and a logged run names a file that exists with the recorded SHA-256. The
temporary ``.part`` file a kill can leave is never mistaken for the packet.
"""

import hashlib
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.safety.support import make_demo_file, powmia_command

pytestmark = pytest.mark.slow

KILLS = 10


def _runs(archive: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(archive) as connection:
        rows = connection.execute("SELECT output_path, sha256 FROM packet_run ORDER BY id")
        found = [(str(path), str(sha)) for path, sha in rows]
    connection.close()
    return found


def _integrity(archive: Path) -> str:
    with sqlite3.connect(archive) as connection:
        verdict = str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    connection.close()
    return verdict


def _packet(archive: Path, out: Path) -> "subprocess.Popen[str]":
    command = [*powmia_command(), "--db", str(archive), "packet", "--audience", "DPAA analyst"]
    return subprocess.Popen(
        [*command, "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_packet_run_killed_at_any_moment_leaves_a_whole_file_or_none(tmp_path: Path) -> None:
    archive = make_demo_file(tmp_path / "family.sqlite")
    start = time.perf_counter()
    whole = _packet(archive, tmp_path / "timed.pdf")
    _, err = whole.communicate(timeout=120)
    assert whole.returncode == 0, err
    duration = time.perf_counter() - start
    assert len(_runs(archive)) == 1

    rng = random.Random(20261201)
    stopped = 0  # runs the kill really interrupted (not already finished)
    latest = duration  # the latest moment a kill is tried; narrowed when a run got through
    for attempt in range(3 * KILLS):
        if stopped == KILLS:
            break
        out = tmp_path / f"packet-{attempt}.pdf"
        before = _runs(archive)
        process = _packet(archive, out)
        time.sleep(rng.uniform(0.05, max(latest, 0.1)))
        process.send_signal(signal.SIGKILL)  # cannot be caught: it stops wherever it is
        process.communicate(timeout=60)
        if process.returncode == -signal.SIGKILL:
            stopped += 1
        else:  # this run was quicker than the first: try earlier from now on
            latest *= 0.7

        assert _integrity(archive) == "ok", f"kill {attempt}"
        if out.exists():
            with out.open("rb") as handle:
                assert len(PdfReader(handle).pages) > 0, f"kill {attempt}: a half-written packet"
        after = _runs(archive)
        assert after[: len(before)] == before and len(after) - len(before) <= 1
        for path, sha in after[len(before) :]:
            assert Path(path) == out.resolve() and out.exists(), f"kill {attempt}: logged, no file"
            assert hashlib.sha256(out.read_bytes()).hexdigest() == sha
    assert stopped == KILLS, f"only {stopped} of {KILLS} runs were stopped mid-way"
