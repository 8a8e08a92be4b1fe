"""The `powmia` command: the contract of docs/architecture.md, run as a person would run it."""

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.cli import demo_archive, run

from powmia_desktop import __version__


def powmia(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script (or the module when it is not on PATH)."""
    exe = shutil.which("powmia", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "powmia_desktop.cli"]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def demo_db(tmp_path: Path, new_db: Callable[..., str]) -> str:
    return demo_archive(tmp_path, new_db())


def test_demo_then_list_cases_json_lists_dumas(demo_db: str) -> None:
    code, out = run("--db", demo_db, "list", "cases", "--json")
    assert code == 0
    rows = json.loads(out)
    dumas = [r for r in rows if r["name"].startswith("Dumas, Roger")]
    assert len(dumas) == 1
    assert dumas[0]["last_seen_alive"] is True
    assert dumas[0]["loss_date"] == "4 Nov 1950"


def test_search_yalu_finds_case_and_events(demo_db: str) -> None:
    code, out = run("--db", demo_db, "search", "yalu", "--json")
    assert code == 0
    found = json.loads(out)["results"]
    assert any(h["title"].startswith("Dumas") for h in found["case"])
    assert len(found["event"]) >= 1
    code, text_out = run("--db", demo_db, "search", "yalu")
    assert "Cases (1)" in text_out and "Timeline events" in text_out


def test_show_case_json_has_the_full_status_history(demo_db: str) -> None:
    rows = json.loads(run("--db", demo_db, "list", "cases", "--json")[1])
    case_id = next(r["id"] for r in rows if r["name"].startswith("Dumas"))
    code, out = run("--db", demo_db, "show", "case", str(case_id), "--json")
    assert code == 0
    detail = json.loads(out)
    statuses = [c["status"]["value"] for c in detail["status_history"]]
    assert statuses == ["mia", "missing_presumed_dead", "pow"]
    assert detail["status_history"][1]["date"]["display"] == "26 Feb 1954"
    assert all(c["citations"] for c in detail["status_history"][1:])
    capture = [c["value"] for c in detail["claims"] if c["fact"]["value"] == "capture_place"]
    assert any("Yalu" in v for v in capture) and any("Anju" in v for v in capture)
    code, text_out = run("--db", demo_db, "show", "case", str(case_id))
    assert "Status history" in text_out and "26 Feb 1954" in text_out


def test_every_list_kind_prints_a_table(demo_db: str) -> None:
    for kind in ("cases", "contacts", "meetings", "events"):
        code, out = run("--db", demo_db, "list", kind)
        assert code == 0 and len(out.splitlines()) >= 2, kind


def test_init_is_idempotent_and_never_overwrites(tmp_path: Path) -> None:
    db = str(tmp_path / "new.db")
    code, out = run("--db", db, "init")
    assert code == 0 and "new, empty archive" in out
    run("--db", db, "demo")
    code, out = run("--db", db, "init")
    assert code == 0 and "already holds" in out
    assert "Dumas" in run("--db", db, "list", "cases")[1]


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWMIA_DB", str(tmp_path / "env.db"))
    assert run("demo")[0] == 0
    assert (tmp_path / "env.db").exists()


def test_version() -> None:
    result = powmia("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"powmia {__version__}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--db", "/etc/passwd", "list", "cases"), "not a powmia-desktop archive"),
        (("--db", "/nonexistent/dir/x.db", "init"), "does not exist"),
        (("--db", "{tmp}/none.db", "list", "cases"), "There is no archive"),
        (("--db", "{tmp}", "list", "cases"), "is a folder"),
        (("--db", "{db}", "show", "case", "999"), "no case with id 999"),
        (("--db", "{db}", "demo"), "already in this archive"),
    ],
)
def test_errors_are_one_line_exit_1_no_traceback(
    demo_db: str, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = Path("/etc/passwd").read_bytes()
    result = powmia(*(a.format(tmp=tmp_path, db=demo_db) for a in args))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert Path("/etc/passwd").read_bytes() == before


def test_bad_usage_exits_2() -> None:
    assert powmia("list", "spaceships").returncode == 2
    assert powmia().returncode == 2
    assert powmia("show", "case", "abc").returncode == 2
