"""The README's set-up commands go through ./dev; keep it runnable and its CLI stable."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "dev"
CI_RUN = ROOT / ".ci" / "run"
COMMANDS = ("app", "test", "check", "shot", "bench", "help")


def _run(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=60, check=False
    )


def test_dev_is_an_executable_bash_script() -> None:
    assert DEV.is_file()
    assert os.access(DEV, os.X_OK), "dev must be executable: git update-index --chmod=+x dev"
    assert DEV.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")


@pytest.mark.parametrize("script", [DEV, CI_RUN], ids=["dev", ".ci/run"])
def test_script_syntax(script: Path) -> None:
    proc = _run("bash", "-n", script)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("args", [(), ("help",), ("--help",)], ids=["none", "help", "--help"])
def test_help_lists_every_command(args: tuple[str, ...]) -> None:
    proc = _run(DEV, *args)
    assert proc.returncode == 0, proc.stderr
    for command in COMMANDS:
        assert f"\n  {command} " in proc.stdout


def test_unknown_command_prints_usage_on_stderr_and_exits_2(tmp_path: Path) -> None:
    # From another folder, to show that ./dev finds its own repository.
    proc = subprocess.run(
        [str(DEV), "no-such-command"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "unknown command: no-such-command" in proc.stderr
    assert "usage: ./dev" in proc.stderr


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_scripts_are_shellcheck_clean() -> None:
    proc = _run("shellcheck", DEV, CI_RUN)
    assert proc.returncode == 0, proc.stdout + proc.stderr
