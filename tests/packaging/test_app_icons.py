"""The application icon exists in every size as a square PNG, plus its SVG source and the
Windows .ico and macOS .icns made from it, and the program finds it as a resource."""

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from powmia_desktop import identity
from powmia_desktop.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR is always the first chunk)."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    assert head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.parametrize("size", identity.ICON_SIZES)
def test_png_icon_in_every_size_is_square(size: int) -> None:
    path = HICOLOR / f"{size}x{size}" / "apps" / f"{identity.APP_ID}.png"
    assert png_size(path) == (size, size)
    assert resource_path("icons", "hicolor", f"{size}x{size}", "apps", path.name) == path


def test_usual_sizes_are_all_there() -> None:
    assert {16, 24, 32, 48, 64, 128, 256, 512} <= set(identity.ICON_SIZES)
    made = {p.parent.parent.name for p in HICOLOR.glob(f"*/apps/{identity.APP_ID}.png")}
    assert made == {f"{s}x{s}" for s in identity.ICON_SIZES}


def test_svg_source_is_square_and_has_no_raster_or_external_parts() -> None:
    path = HICOLOR / "scalable" / "apps" / f"{identity.APP_ID}.svg"
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert width == height
    text = path.read_text(encoding="utf-8")
    assert "<image" not in text and "href" not in text


def test_windows_and_macos_icons_exist() -> None:
    ico = (ROOT / "packaging" / "windows" / "powmia-desktop.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", ico[4:6])[0] >= 6
    icns = (ROOT / "packaging" / "macos" / "powmia-desktop.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
