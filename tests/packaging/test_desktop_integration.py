"""The Linux launcher, AppStream metadata and file type say what identity.py says.

The freedesktop validators run when installed (Debian: desktop-file-utils, appstream);
without them the files are still checked for the facts the desktop relies on.
"""

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from powmia_desktop import __version__, identity

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"
DESKTOP = LINUX / f"{identity.APP_ID}.desktop"
METAINFO = LINUX / f"{identity.APP_ID}.metainfo.xml"
MIME = LINUX / f"{identity.APP_ID}.mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys keep their case
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_program_its_icon_and_window() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == identity.DISPLAY_NAME
    assert entry["Comment"] == identity.SUMMARY
    assert entry["Icon"] == identity.APP_ID
    assert entry["Exec"].split()[0] == identity.GUI_COMMAND
    assert entry["TryExec"] == identity.GUI_COMMAND
    # X11 matches the running window to its launcher by WM_CLASS = the application name.
    assert entry["StartupWMClass"] == identity.GUI_COMMAND
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr


def test_metainfo_describes_this_program_and_release() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component"
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == identity.APP_ID
    assert component.findtext("name") == identity.DISPLAY_NAME
    assert component.findtext("summary") == identity.SUMMARY
    assert component.findtext("project_license") == identity.LICENCE_SPDX
    assert component.findtext("url[@type='homepage']") == identity.HOMEPAGE
    assert component.findtext("developer/name") == identity.DEVELOPER
    launchable = component.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    binaries = {b.text for b in component.iterfind("provides/binary")}
    assert binaries == {identity.GUI_COMMAND, identity.CLI_COMMAND}
    rating = component.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    releases = component.findall("releases/release")
    assert releases, "every version needs a <release>"
    assert releases[0].get("version") == __version__, "newest <release> first, = __version__"


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream absent")
def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_export_file_type_is_a_zip_with_our_extension_and_icon() -> None:
    root = ET.parse(MIME).getroot()
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == identity.EXPORT_MIME_TYPE
    globs = [g.get("pattern") for g in mime_type.iterfind(f"{MIME_NS}glob")]
    assert globs == [f"*{identity.EXPORT_EXTENSION}"]
    parent = mime_type.find(f"{MIME_NS}sub-class-of")
    assert parent is not None and parent.get("type") == "application/zip"
    icon = mime_type.find(f"{MIME_NS}icon")
    assert icon is not None and icon.get("name") == identity.APP_ID
