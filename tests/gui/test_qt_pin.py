"""Regression guard for the PySide6 pin on CPython 3.11.

PySide6 6.12.0 on CPython 3.11 kills the process after a few thousand Qt calls that return
``None`` ("Fatal Python error: none_dealloc: deallocating None"); 3.12+ is safe because its
``None`` is immortal.  pyproject.toml therefore pins ``PySide6<6.12`` for python_version < '3.12'.
The first test runs the known trigger in a subprocess (a crash there would take pytest down
with it); the second keeps the pin in pyproject.toml.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
SENTINEL = "QT-PIN-OK"

TRIGGER = f"""
from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel

for _ in range(200_000):
    o = QObject()
    o.setObjectName("x")

model = QStandardItemModel()
for i in range(5_000):
    model.appendRow([QStandardItem(str(i)), QStandardItem("x")])
assert model.rowCount() == 5_000

print({SENTINEL!r}, flush=True)
"""

KNOWN_BAD = (
    "PySide6 6.12.0 on CPython 3.11 is known to crash after a few thousand None-returning "
    "Qt calls ('none_dealloc: deallocating None'); pin \"PySide6>=6.8,<6.12; "
    "python_version < '3.12'\" in pyproject.toml"
)


def _installed_pyside6() -> str:
    for dist in ("PySide6", "PySide6-Essentials"):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "not installed"


def test_many_none_returning_qt_calls_do_not_crash() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", TRIGGER],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0 and SENTINEL in proc.stdout, (
        f"PySide6 {_installed_pyside6()} on CPython {platform.python_version()} failed the "
        f"None-returning-calls loop (exit {proc.returncode}). {KNOWN_BAD}.\n"
        f"stderr (tail):\n{proc.stderr[-2000:]}"
    )


def _pyside6_requirements() -> list[Requirement]:
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    reqs = [Requirement(s) for s in data["project"]["dependencies"]]
    wanted = {canonicalize_name(n) for n in ("PySide6", "PySide6-Essentials", "PySide6-Addons")}
    return [r for r in reqs if canonicalize_name(r.name) in wanted]


def _applies(req: Requirement, python: str) -> bool:
    if req.marker is None:
        return True
    # evaluate() fills in the rest of the environment from the running interpreter.
    return req.marker.evaluate({"python_version": python, "python_full_version": f"{python}.0"})


def test_pyproject_pins_pyside6_below_6_12_on_python_3_11() -> None:
    reqs = _pyside6_requirements()
    assert reqs, "pyproject.toml [project].dependencies has no PySide6 requirement"
    for python in ("3.11", "3.12", "3.13"):
        assert any(_applies(r, python) for r in reqs), f"no PySide6 requirement for {python}"

    on_311 = [r for r in reqs if _applies(r, "3.11")]
    for req in on_311:
        for bad in ("6.12.0", "6.12.1", "6.13.0", "7.0.0"):
            assert not req.specifier.contains(bad, prereleases=True), (
                f"{req} allows PySide6 {bad} on CPython 3.11. {KNOWN_BAD}."
            )
        assert req.specifier.contains("6.11.3"), f"{req} leaves no known-good PySide6 on 3.11"


def test_installed_pyside6_is_not_the_crashing_release() -> None:
    version = _installed_pyside6()
    if sys.version_info < (3, 12) and version != "not installed":
        assert Version(version) < Version("6.12"), (
            f"PySide6 {version} is installed on CPython {platform.python_version()}. {KNOWN_BAD}."
        )
