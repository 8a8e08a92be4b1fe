"""The build, smoke-test and install scripts are executable bash that parses (and passes
shellcheck when it is installed)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = [
    ROOT / "packaging" / "build-linux.sh",
    ROOT / "packaging" / "smoke-test.sh",
    ROOT / "packaging" / "linux" / "install.sh",
    ROOT / "packaging" / "macos" / "build-macos.sh",
]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_is_executable_bash_that_parses(script: Path) -> None:
    assert os.access(script, os.X_OK), f"chmod +x {script.relative_to(ROOT)}"
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not shutil.which("shellcheck"), reason="shellcheck absent")
def test_scripts_pass_shellcheck() -> None:
    result = subprocess.run(
        ["shellcheck", *map(str, SCRIPTS)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout


def test_install_script_refuses_to_run_outside_a_bundle(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(ROOT / "packaging" / "linux" / "install.sh"), "--prefix", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert "inside the powmia-desktop bundle" in result.stderr
    assert not (tmp_path / "bin").exists()
