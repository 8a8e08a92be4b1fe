"""One version, one name, one id: every packaging file agrees with powmia_desktop.identity."""

import io
import re
import tomllib
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from powmia_desktop import __version__, identity
from powmia_desktop.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def iss_define(name: str) -> str:
    text = (PACKAGING / "windows" / "powmia-desktop.iss").read_text(encoding="utf-8")
    match = re.search(rf'#define {name} "([^"]*)"', text)
    assert match, f"{name} is not defined in the .iss"
    return match.group(1)


def test_identity_takes_the_package_version() -> None:
    assert __version__ == identity.VERSION
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/powmia_desktop/__init__.py"
    assert pyproject["project"]["license"] == identity.LICENCE_SPDX


def test_cli_reports_the_version() -> None:
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit) as stop:
        cli_main(["--version"])
    assert stop.value.code == 0
    assert out.getvalue().strip() == f"{identity.CLI_COMMAND} {__version__}"


def test_windows_installer_agrees() -> None:
    assert iss_define("AppVersion") == __version__
    assert iss_define("AppName") == identity.DISPLAY_NAME
    assert iss_define("AppURL") == identity.HOMEPAGE
    assert iss_define("AppExe") == f"{identity.GUI_COMMAND}.exe"


def test_flatpak_manifest_agrees() -> None:
    manifest = PACKAGING / "flatpak" / f"{identity.APP_ID}.yml"
    text = manifest.read_text(encoding="utf-8")
    assert re.search(rf"^id: {re.escape(identity.APP_ID)}$", text, re.M)
    assert re.search(rf"^command: {identity.GUI_COMMAND}$", text, re.M)
    assert re.search(r"^base: io\.qt\.PySide\.BaseApp$", text, re.M)
    assert "--share=network" not in text.replace("No --share=network", "")
    deps = (PACKAGING / "flatpak" / "python3-deps.yml").read_text(encoding="utf-8")
    for url, sha in re.findall(r"url: (\S+)\n\s+sha256: (\S+)", deps):
        assert url.endswith(".whl") and re.fullmatch(r"[0-9a-f]{64}", sha)
    for package in ("sqlalchemy", "alembic", "reportlab", "platformdirs", "pypdf"):
        assert f" {package}" in deps, f"{package} missing from python3-deps.yml"


def test_macos_bundle_settings_come_from_identity() -> None:
    spec = (PACKAGING / "pyinstaller" / "powmia-desktop.spec").read_text(encoding="utf-8")
    assert "bundle_identifier=identity.APP_ID" in spec
    assert '"CFBundleShortVersionString": identity.VERSION' in spec
