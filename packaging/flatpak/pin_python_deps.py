"""Write ``python3-deps.yml``: the Flatpak modules for the program's Python dependencies.

Flatpak builds offline, so every wheel is listed with its URL and SHA-256. This does what
``flatpak-pip-generator --prefer-wheels`` does, from the versions the project's venv has
(the versions the tests ran with), for both Flatpak architectures:

    .venv/bin/python packaging/flatpak/pin_python_deps.py [--python-version 3.12]

PySide6 and shiboken6 are left out: io.qt.PySide.BaseApp brings them. The runtime's Python
must match ``--python-version`` (KDE 6.9 runtime = freedesktop 24.08 = Python 3.12).
Wheel URLs are the canonical files.pythonhosted.org paths, derived from each file's
BLAKE2b-256 digest (how PyPI names its files), so a mirror's copy gives the same URL.
"""

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
from importlib.metadata import distribution
from pathlib import Path

from packaging.requirements import Requirement

HERE = Path(__file__).resolve().parent
ARCHES = ("x86_64", "aarch64")
FROM_BASEAPP = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
BUILD_TOOLS = ("hatchling",)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(roots: tuple[str, ...]) -> dict[str, str]:
    """{name: installed version} of the roots' runtime requirements, recursively."""
    found: dict[str, str] = {}
    todo = list(roots)
    env = {"python_version": "3.12", "extra": ""}
    while todo:
        dist = distribution(todo.pop())
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate(env):
                continue
            name = canonical(requirement.name)
            if name in FROM_BASEAPP or name in found:
                continue
            found[name] = distribution(name).version
            todo.append(name)
    return found


def pip_download(requirements: list[str], target: Path, arch: str, python: str) -> None:
    """Wheels for CPython ``python`` on manylinux ``arch``; pinned requirements, no deps."""
    short = python.replace(".", "")
    command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:"]
    command += ["-d", str(target), "--python-version", python, "--implementation", "cp"]
    command += ["--abi", f"cp{short}", "--abi", "abi3", "--abi", "none"]
    for tag in ("manylinux_2_28", "manylinux_2_17", "manylinux2014"):
        command += ["--platform", f"{tag}_{arch}"]
    subprocess.run([*command, *requirements], check=True)


def resolve_build_tools(target: Path, python: str) -> dict[str, str]:
    """The newest build backend and its dependencies (pure wheels), as {name: version}."""
    command = [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:"]
    command += ["-d", str(target), "--python-version", python, *BUILD_TOOLS]
    subprocess.run(command, check=True)
    pins = {}
    for wheel in target.glob("*.whl"):
        name, version = wheel.name.split("-")[:2]
        pins[canonical(name)] = version
    return pins


def source(path: Path, arch: str | None) -> list[str]:
    data = path.read_bytes()
    blake = hashlib.blake2b(data, digest_size=32).hexdigest()
    url = (
        f"https://files.pythonhosted.org/packages/{blake[:2]}/{blake[2:4]}/{blake[4:]}/{path.name}"
    )
    lines = [
        "      - type: file",
        f"        url: {url}",
        f"        sha256: {hashlib.sha256(data).hexdigest()}",
    ]
    if arch:
        lines.append(f"        only-arches: [{arch}]")
    return lines


def module(name: str, pins: dict[str, str], folder: Path, *, cleanup: bool) -> list[str]:
    """One module installing the downloaded wheels (per-arch ones only on their arch)."""
    lines = [
        f"  - name: {name}",
        "    buildsystem: simple",
        "    build-commands:",
        '      - pip3 install --verbose --exists-action=i --no-index --find-links="file://${PWD}"'
        " --prefix=${FLATPAK_DEST} --no-build-isolation " + " ".join(sorted(pins)),
    ]
    if cleanup:
        lines.append("    cleanup: ['*']")
    lines.append("    sources:")
    for arch in (None, *ARCHES):
        for wheel in sorted((folder / (arch or "any")).glob("*.whl")):
            lines += source(wheel, arch)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python-version", default="3.12")
    parser.add_argument("--out", type=Path, default=HERE / "python3-deps.yml")
    args = parser.parse_args()
    runtime = closure(("powmia-desktop",))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build = resolve_build_tools(folder / "build" / "any", args.python_version)
        pinned = [f"{name}=={version}" for name, version in sorted(runtime.items())]
        for arch in ARCHES:
            pip_download(pinned, folder / "rt" / arch, arch, args.python_version)
        # Pure wheels are the same on every arch: list them once, for all arches.
        (folder / "rt" / "any").mkdir()
        for arch in ARCHES:
            for wheel in (folder / "rt" / arch).glob("*-none-any.whl"):
                wheel.replace(folder / "rt" / "any" / wheel.name)
        text = [
            "# Generated by packaging/flatpak/pin_python_deps.py from the project's venv;",
            "# regenerate (or use flatpak-pip-generator) whenever a dependency changes.",
            "name: python3-deps",
            "buildsystem: simple",
            "build-commands: []",
            "modules:",
            *module("python3-build-tools", build, folder / "build", cleanup=True),
            *module("python3-runtime-deps", runtime, folder / "rt", cleanup=False),
        ]
    args.out.write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(runtime)} runtime and {len(build)} build packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
